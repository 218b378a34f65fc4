// A stored document of any kind, as it crosses the RPC boundary: its values (meta fields included), its list
// items, the copies of the incubator header and agency profile it carries, and its revision (sync.md §7).
import { z } from 'zod';
import { DOCUMENT_STATUSES } from '../forms/document-definition.js';
import { DOCUMENT_KINDS } from '../forms/registry.js';

/** A stored field value. Numbers still being typed are strings; the check says what is wrong with them. */
export const fieldValueSchema = z.union([z.string().max(100_000), z.number(), z.boolean(), z.null()]);
/** Keys are field keys, or a consultant's verdict on a rule (`verdict:<rule id>`, eligibility/verdicts.ts). */
export const documentValuesSchema = z.record(z.string().max(100), fieldValueSchema);

export const documentItemSchema = z.object({
  /** Made by the editor (crypto.randomUUID), so saving the same new item twice never makes two. */
  id: z.string().min(8).max(64),
  values: documentValuesSchema,
});
/** Items per list, in order. */
export const documentListsSchema = z.record(z.string().max(64), z.array(documentItemSchema).max(1000));

export const documentKindSchema = z.enum(DOCUMENT_KINDS);
export const documentStatusSchema = z.enum(DOCUMENT_STATUSES);

/** A copy of the incubator header or the agency profile, taken when the document was made or taken over. */
export const snapshotSchema = z.object({ takenAt: z.string(), values: documentValuesSchema });
export type Snapshot = z.infer<typeof snapshotSchema>;

export const documentRecordSchema = z.object({
  id: z.string(),
  kind: documentKindSchema,
  incubatorId: z.string(),
  status: documentStatusSchema,
  values: documentValuesSchema,
  lists: documentListsSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  /** 1 for a first version; a revision (sync.md §7) supersedes the signed document `revisionOf`. */
  revision: z.number().int().min(1),
  revisionOf: z.string().nullable(),
  revisionReason: z.string().nullable(),
  /** Null on documents made before snapshots existed: they show the live records. */
  snapshots: z.object({ incubator: snapshotSchema.nullable(), agency: snapshotSchema.nullable() }),
});
export type DocumentRecord = z.infer<typeof documentRecordSchema>;

export const revisionRefSchema = z.object({ id: z.string(), revision: z.number().int() });

export const documentSummarySchema = z.object({
  id: z.string(),
  kind: documentKindSchema,
  incubatorId: z.string(),
  incubatorName: z.string(),
  /** The definition's date field. */
  date: z.string().nullable(),
  status: documentStatusSchema,
  /** The definition's `listFields`, as stored. */
  values: documentValuesSchema,
  updatedAt: z.string(),
  revision: z.number().int().min(1),
  revisionOf: z.string().nullable(),
  /** The revision that supersedes this one, if any. */
  supersededBy: revisionRefSchema.nullable(),
  signed: z.boolean(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;
