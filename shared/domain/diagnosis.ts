import { z } from 'zod';
import { diagnosisDefinition } from '../forms/appendix-a/diagnosis-definition.js';
import { checkDocument, type DocumentCheck, emptyDocumentValues, type HeaderValues } from '../forms/document-values.js';
import type { IncubatorValues } from './incubator.js';
import type { EligibilityResult } from '../eligibility/evaluate.js';

export const DIAGNOSIS_STATUSES = ['draft', 'completed'] as const;
export type DiagnosisStatus = (typeof DIAGNOSIS_STATUSES)[number];
export const DIAGNOSIS_STATUS_LABELS: Record<DiagnosisStatus, string> = { draft: '草稿', completed: '已完成' };

/** A stored field value. Numbers still being typed are strings; the check says what is wrong with them. */
export const fieldValueSchema = z.union([z.string().max(100_000), z.number(), z.boolean(), z.null()]);
export const documentValuesSchema = z.record(z.string().max(64), fieldValueSchema);

export const diagnosisMetaSchema = z.object({
  /** ISO date of the diagnosis; the signature block prints it as 「XXXX年XX月XX日」. */
  diagnosedOn: z.string().max(10).nullable().default(null),
  /** Diagnosing consultant(s), as signed under the table. */
  consultants: z.string().max(200).default(''),
  /** The recognition rule set this diagnosis is checked against. */
  ruleSetId: z.string().max(100),
});
export type DiagnosisMeta = z.infer<typeof diagnosisMetaSchema>;

export const diagnosisRecordSchema = diagnosisMetaSchema.extend({
  id: z.string(),
  incubatorId: z.string(),
  status: z.enum(DIAGNOSIS_STATUSES),
  values: documentValuesSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  /** 1 for a first version; a revision (sync.md §7) supersedes the signed diagnosis `revisionOf`. */
  revision: z.number().int().min(1),
  revisionOf: z.string().nullable(),
  revisionReason: z.string().nullable(),
});
export type DiagnosisRecord = z.infer<typeof diagnosisRecordSchema>;

export const diagnosisSummarySchema = z.object({
  id: z.string(),
  incubatorId: z.string(),
  incubatorName: z.string(),
  diagnosedOn: z.string().nullable(),
  status: z.enum(DIAGNOSIS_STATUSES),
  consultants: z.string(),
  ruleSetId: z.string(),
  updatedAt: z.string(),
  revision: z.number().int().min(1),
  revisionOf: z.string().nullable(),
  /** The revision that supersedes this one, if any. */
  supersededBy: z.object({ id: z.string(), revision: z.number().int() }).nullable(),
  signed: z.boolean(),
});
export type DiagnosisSummary = z.infer<typeof diagnosisSummarySchema>;

export function emptyDiagnosisValues() {
  return emptyDocumentValues(diagnosisDefinition);
}

/** The incubator's header as the document engine reads it. */
export function headerValuesOf(incubator: IncubatorValues | null | undefined): HeaderValues {
  return incubator ? { ...incubator } : {};
}

/** Every rule of Appendix A over one diagnosis. Pure: the form calls it live, the service before completing. */
export function checkDiagnosis(values: Record<string, unknown>, header: HeaderValues): DocumentCheck {
  return checkDocument(diagnosisDefinition, values as DocumentCheck['normalized'], header);
}

/** Everything an export prints for one diagnosis: built by the service, read by the Word and Excel layouts. */
export interface DiagnosisDocumentModel {
  header: HeaderValues;
  check: DocumentCheck;
  meta: { diagnosedOn: string | null; consultants: string; status: DiagnosisStatus };
  agencyName: string;
  eligibility: EligibilityResult;
}
