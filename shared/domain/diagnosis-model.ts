import { checkDiagnosis, type DiagnosisDocumentModel, type DiagnosisStatus } from './diagnosis.js';
import type { HeaderValues } from '../forms/document-values.js';
import { evaluateRuleSet } from '../eligibility/evaluate.js';
import type { RuleSet } from '../eligibility/rule-set-schema.js';

export interface DiagnosisModelInput {
  header: HeaderValues;
  values: Record<string, unknown>;
  diagnosedOn: string | null;
  consultants: string;
  status: DiagnosisStatus;
  agencyName: string;
  ruleSet: RuleSet;
}

/** Checks, computes and evaluates one diagnosis: what the exports print and the panel shows. */
export function buildDiagnosisModel(input: DiagnosisModelInput): DiagnosisDocumentModel {
  const check = checkDiagnosis(input.values, input.header);
  return {
    header: input.header,
    check,
    meta: { diagnosedOn: input.diagnosedOn, consultants: input.consultants, status: input.status },
    agencyName: input.agencyName,
    eligibility: evaluateRuleSet(input.ruleSet, { check, header: input.header, asOf: input.diagnosedOn }),
  };
}
