import { z } from 'zod';
import { defineContract } from '../rpc/define-contract.js';
import { incubatorRecordSchema } from '../domain/incubator.js';
import { diagnosisRecordSchema, diagnosisSummarySchema, documentValuesSchema } from '../domain/diagnosis.js';

export const EXPORT_FORMATS = ['docx', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportedFileSchema = z.object({
  /** Chinese file name, e.g. 「南宁邕江科技企业孵化器-诊断意见表-2025年06月18日.docx」. */
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  byteLength: z.number().int(),
});
export type ExportedFile = z.infer<typeof exportedFileSchema>;

export const signedStateSchema = z.object({ version: z.number().int(), hash: z.string(), at: z.string().optional() });
export type SignedState = z.infer<typeof signedStateSchema>;

export const diagnosisViewSchema = z.object({
  record: diagnosisRecordSchema,
  /** The header of the form comes from the incubator record. */
  incubator: incubatorRecordSchema,
  agencyName: z.string(),
  /** Set once signed (sync.md §7): the version and content hash the signature covers; the record is then read-only. */
  signed: signedStateSchema.nullable(),
  /** The revision that supersedes this diagnosis, if any. */
  supersededBy: z.object({ id: z.string(), revision: z.number().int() }).nullable(),
});
export type DiagnosisView = z.infer<typeof diagnosisViewSchema>;

const isoDateOrNull = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').nullable();

export const diagnosisContract = defineContract({
  'diagnoses.list': {
    input: z.object({ incubatorId: z.string().optional() }),
    output: z.array(diagnosisSummarySchema),
  },
  'diagnoses.get': { input: z.object({ id: z.string() }), output: diagnosisViewSchema },
  'diagnoses.create': {
    input: z.object({ incubatorId: z.string(), ruleSetId: z.string().max(100).optional(), diagnosedOn: isoDateOrNull.optional() }),
    output: diagnosisRecordSchema,
  },
  /** Saves whatever is typed (drafts are never refused for content); numbers not yet valid are kept as text. */
  'diagnoses.saveDraft': {
    input: z.object({
      id: z.string(),
      values: documentValuesSchema.optional(),
      diagnosedOn: isoDateOrNull.optional(),
      consultants: z.string().max(200).optional(),
      ruleSetId: z.string().max(100).optional(),
    }),
    output: diagnosisRecordSchema,
  },
  /** Draft → 已完成: refused, with the problems per field, while any field has an error. */
  'diagnoses.complete': { input: z.object({ id: z.string() }), output: diagnosisRecordSchema },
  'diagnoses.reopen': { input: z.object({ id: z.string() }), output: diagnosisRecordSchema },
  /** Signs a completed diagnosis the server already holds: it becomes read-only on every device. */
  'diagnoses.sign': { input: z.object({ id: z.string() }), output: diagnosisViewSchema },
  /** A change after signing: a new draft revision superseding the signed diagnosis, which stays as it was. */
  'diagnoses.revise': { input: z.object({ id: z.string(), reason: z.string().max(500) }), output: diagnosisRecordSchema },
  'diagnoses.delete': { input: z.object({ id: z.string() }), output: z.object({ auditId: z.number().int() }) },
  'diagnoses.export': {
    input: z.object({ id: z.string(), format: z.enum(EXPORT_FORMATS) }),
    output: exportedFileSchema,
  },
});
