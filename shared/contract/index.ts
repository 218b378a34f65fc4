import type { MethodInput, MethodOutput, MethodParsedInput } from '../rpc/define-contract.js';
import { systemContract } from './system-contract.js';
import { incubatorContract } from './incubator-contract.js';
import { agencyContract } from './agency-contract.js';
import { dataContract } from './data-contract.js';
import { documentsContract } from './documents-contract.js';
import { historyContract } from './history-contract.js';
import { eligibilityContract } from './eligibility-contract.js';
import { syncContract } from './sync-contract.js';
import { contractsContract } from './contracts-contract.js';
import { portfolioContract } from './portfolio-contract.js';
import { verifyContract } from './verify-contract.js';
import { projectArchiveContract, projectsContract } from './projects-contract.js';
import { profileContract } from './profile-contract.js';

/** The whole contract: the renderer's client, the IPC handlers, the HTTP host and the preload all derive from it. */
export const contract = {
  ...systemContract,
  ...incubatorContract,
  ...agencyContract,
  ...dataContract,
  ...documentsContract,
  ...historyContract,
  ...eligibilityContract,
  ...syncContract,
  ...contractsContract,
  ...portfolioContract,
  ...verifyContract,
  ...projectsContract,
  ...projectArchiveContract,
  ...profileContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = MethodInput<Contract, M>;
export type ParsedInput<M extends MethodName> = MethodParsedInput<Contract, M>;
export type Output<M extends MethodName> = MethodOutput<Contract, M>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

export { IPC_CHANNEL, PRELOAD_GLOBAL } from './bridge-names.js';
