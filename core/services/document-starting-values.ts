// What only some kinds start from: values a new document (or a new revision) takes from other records. The plan
// (附录C) starts from the latest completed diagnosis and the contract; a revision re-reads the contract. Kinds not
// listed start empty, as the documents module does by itself.
import type { FieldValue } from '../../shared/forms/field-definition.js';
import type { DocumentKind } from '../../shared/forms/registry.js';
import type { Executor } from '../../db/database.js';
import { planContractValues, planStartingValues } from './plan-prefill.js';

type Values = Record<string, FieldValue>;

export const STARTING_VALUES: Partial<Record<DocumentKind, (db: Executor, incubatorId: string, today: string) => Values>> = {
  plan: planStartingValues,
};

export const REVISION_VALUES: Partial<Record<DocumentKind, (db: Executor, incubatorId: string) => Values>> = {
  plan: planContractValues,
};
