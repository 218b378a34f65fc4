// The starting values of a new plan (附录C): sections 一 and 二 from the incubator's latest completed diagnosis
// (shared/forms/appendix-c/plan-prefill.ts), the contract's fee and end date where a contract exists
// (contract-terms-reader.ts), and the plan's start month from today.
import type { FieldValue } from '../../shared/forms/field-definition.js';
import { basicsStartingText, diagnosisConclusionText } from '../../shared/forms/appendix-c/plan-prefill.js';
import type { Executor } from '../../db/database.js';
import { latestDocumentOf } from '../../db/repositories/document-repository.js';
import { documentModelFor } from './document-model-service.js';
import { readContractTerms } from './contract-terms-reader.js';

/** The contract's terms as the plan's fields, or nothing when there is no contract. */
export function planContractValues(db: Executor, incubatorId: string): Record<string, FieldValue> {
  const terms = readContractTerms(db, incubatorId);
  if (!terms) return {};
  return { ...(terms.feeFen !== null ? { contractFee: terms.feeFen } : {}), ...(terms.serviceEnd ? { contractEnd: terms.serviceEnd } : {}) };
}

export function planStartingValues(db: Executor, incubatorId: string, today: string): Record<string, FieldValue> {
  const diagnosis = latestDocumentOf(db, 'diagnosis', incubatorId, 'completed');
  const model = diagnosis ? documentModelFor(db, diagnosis) : null;
  return {
    planStart: today.slice(0, 7),
    ...(model ? { ...basicsStartingText(model), diagnosisConclusion: diagnosisConclusionText(model) } : {}),
    ...planContractValues(db, incubatorId),
  };
}
