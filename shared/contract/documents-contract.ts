// The RPC methods of every document kind (docs/documents.md §RPC): one set, parameterised by `kind`. Adding a
// document adds no method here.
import { z } from 'zod';
import { defineContract } from '../rpc/define-contract.js';
import { incubatorRecordSchema } from '../domain/incubator.js';
import { agencyValuesSchema } from '../domain/agency.js';
import {
  documentKindSchema,
  documentListsSchema,
  documentRecordSchema,
  documentSummarySchema,
  documentValuesSchema,
  revisionRefSchema,
} from '../domain/document-record.js';
import {
  preparedImageSchema,
  SIGNATURE_IMAGE_SOURCES,
  SIGNER_NAME_MAX,
  sideSignatureSchema,
  sideSignInputSchema,
  signatureImageBase64Schema,
} from '../domain/side-signature.js';

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

export const signedStateSchema = z.object({
  version: z.number().int(),
  hash: z.string(),
  at: z.string().optional(),
  /** Signed on this device and not yet confirmed by the sync server (only when one is set up: docs/sync.md §Signing). */
  awaitingServer: z.boolean().optional(),
});
export type SignedState = z.infer<typeof signedStateSchema>;

/**
 * Edits another device made that raced the signature (docs/sync.md §Signing): never applied to the signed revision,
 * offered as the content of a new one. `changes`: each field with its label and the value proposed, as text.
 */
export const signProposalSchema = z.object({
  id: z.string(),
  reason: z.enum(['raced', 'after-sign']),
  proposedAt: z.string(),
  changes: z.array(z.object({ field: z.string(), label: z.string(), value: z.string() })),
});
export type SignProposal = z.infer<typeof signProposalSchema>;

export const documentViewSchema = z.object({
  record: documentRecordSchema,
  /** The live incubator record (a draft without a copy shows it; the copy is compared with it). */
  incubator: incubatorRecordSchema,
  /** The live agency profile. */
  agency: agencyValuesSchema,
  /**
   * Labels of the fields the document reads that changed in the incubator record / agency profile since the
   * document's copy was taken (7.3): a draft offers to take them over, a completed document keeps its copy.
   */
  changedSince: z.object({ incubator: z.array(z.string()), agency: z.array(z.string()) }),
  /** Set once signed (sync.md §7): the version and content hash the signature covers; the record is then read-only. */
  signed: signedStateSchema.nullable(),
  /** The revision that supersedes this document, if any. */
  supersededBy: revisionRefSchema.nullable(),
  /**
   * For documents that take values from another (D's 培育前 from the diagnosis, shared/forms/prefill.ts): which
   * document they came from (null: there was none, nothing was prefilled), and whether it changed since (or one
   * exists now): the form then offers to take the new values, never applies them by itself.
   */
  prefill: z
    .object({ sourceId: z.string().nullable(), sourceDate: z.string().nullable(), sourceName: z.string(), stale: z.boolean() })
    .nullable(),
  /**
   * What was recorded per list item while the signed document is carried out (lists with `progress`: the plan's
   * tasks), by item id, and whether it may be recorded now: on a signed document no signed revision supersedes.
   */
  progress: z.object({ items: z.record(z.string(), documentValuesSchema), open: z.boolean() }),
  /** How each side signed (docs/signature-images.md §Sides): images by blob ref, read by `documents.signatureImage`. */
  sides: z.array(sideSignatureSchema),
  /** Open proposals from a signing race, on a signed document (empty otherwise). */
  proposals: z.array(signProposalSchema).optional(),
});
export type DocumentView = z.infer<typeof documentViewSchema>;

const ref = z.object({ kind: documentKindSchema, id: z.string() });

export const documentsContract = defineContract({
  'documents.list': {
    input: z.object({ kind: documentKindSchema, incubatorId: z.string().optional() }),
    output: z.array(documentSummarySchema),
  },
  'documents.get': { input: ref, output: documentViewSchema },
  /** A new draft for an incubator; meta values (e.g. the date, the rule set) may be given. */
  'documents.create': {
    input: z.object({ kind: documentKindSchema, incubatorId: z.string(), values: documentValuesSchema.optional() }),
    output: documentRecordSchema,
  },
  /** Saves whatever is typed (drafts are never refused for content); numbers not yet valid are kept as text. */
  'documents.saveDraft': {
    input: ref.extend({ values: documentValuesSchema.optional(), lists: documentListsSchema.optional() }),
    output: documentRecordSchema,
  },
  /**
   * Takes the source document's current values into the prefilled fields of a draft: fields the consultant
   * changed keep what was typed (`kept`, labels), the others take the new values (`updated`, labels).
   */
  'documents.refreshPrefill': {
    input: ref,
    output: z.object({ record: documentRecordSchema, kept: z.array(z.string()), updated: z.array(z.string()) }),
  },
  /** Takes the current incubator record and agency profile into a draft's copy (7.3). */
  'documents.takeOverHeader': { input: ref, output: documentRecordSchema },
  /**
   * Draft → 已完成: refused, with the problems per field, while any field has an error. When the incubator record
   * changed since the draft's copy, refused unless `header` says which copy to keep: 'latest' takes the record's
   * current values, 'copy' keeps what the draft shows.
   */
  'documents.complete': { input: ref.extend({ header: z.enum(['latest', 'copy']).optional() }), output: documentRecordSchema },
  'documents.reopen': { input: ref, output: documentRecordSchema },
  /**
   * Signs a completed document on this device, with or without a sync server: read-only at once; with a server the
   * signature syncs and is confirmed there (docs/sync.md §Signing). `sides`: how each side of the definition's
   * signature block signed (drawn, images, or on paper), stored with the signature in one step.
   */
  'documents.sign': { input: ref.extend({ sides: z.array(sideSignInputSchema).max(8).optional() }), output: documentViewSchema },
  /**
   * Checks an image for the signing dialog and returns it prepared (cropped to its ink, resized, PNG), or refuses it
   * with prepareSignatureImage's message (「签名为空」, 「图片太大…」, not a PNG/JPEG…). Nothing is stored.
   */
  'documents.prepareSignatureImage': {
    input: z.object({ source: z.enum(SIGNATURE_IMAGE_SOURCES), base64: signatureImageBase64Schema }),
    output: preparedImageSchema,
  },
  /** 纸质签署: the scan of the page a side signed on paper, and the date on it; allowed on a signed document. */
  'documents.attachPaperScan': {
    input: ref.extend({ side: z.string().max(64), scan: signatureImageBase64Schema, signedOn: z.string().max(10), signerName: z.string().max(SIGNER_NAME_MAX) }),
    output: documentViewSchema,
  },
  /** A stored signature, seal or scan image by its ref; null while it has not been downloaded to this device yet. */
  'documents.signatureImage': { input: z.object({ ref: z.string().max(80) }), output: z.object({ base64: z.string().nullable() }) },
  /**
   * A change after signing: a new draft revision superseding the signed document, which stays as it was. Kinds whose
   * definition has `revisionAgreement` (the plan, §5.2.4 d) need both sides' agreement: its fields, by key.
   * `proposalId`: the new revision takes that signing-race proposal's values, and the proposal is resolved.
   */
  'documents.revise': {
    input: ref.extend({
      reason: z.string().max(500),
      agreement: z.record(z.string().max(64), z.string().max(200)).optional(),
      proposalId: z.string().max(64).optional(),
    }),
    output: documentRecordSchema,
  },
  /** Sets a signing-race proposal aside without a revision (it stays in the history). Returns the view. */
  'documents.dismissProposal': { input: ref.extend({ proposalId: z.string().max(64) }), output: documentViewSchema },
  /**
   * Records an item's progress on a signed document (ListDefinition.progress): only the fields given change; a field
   * with an error is refused next to it, the others are kept as they were. Returns every item's progress.
   */
  'documents.saveProgress': {
    input: ref.extend({ listKey: z.string().max(64), itemId: z.string().max(64), values: documentValuesSchema }),
    output: z.record(z.string(), documentValuesSchema),
  },
  'documents.delete': { input: ref, output: z.object({ auditId: z.number().int() }) },
  /** A document with errors is exported only when `allowErrors` is set (the UI asks first); every page says 「草稿」. */
  'documents.export': {
    input: ref.extend({ format: z.enum(EXPORT_FORMATS), allowErrors: z.boolean().default(false) }),
    output: exportedFileSchema,
  },
});
