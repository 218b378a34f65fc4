// The wire protocol between the sync client (core/sync) and the sync server (server/), sync.md §1–§10.
// Pure zod: both sides parse what they receive with these schemas.
import { z } from 'zod';

export const API_PREFIX = '/v1';

/** An op's field that is not a column: signing a document (sync.md §7). Its value is a SignValue. */
export const SIGN_FIELD = '$sign';
/** The tombstone field (sync.md §6): a delete is an op setting it, a restore an op clearing it. */
export const DELETED_FIELD = 'deletedAt';
/** A field value that references an attachment by content hash (sync.md §8). */
export const BLOB_REF_PREFIX = 'sha256:';
export const BLOB_REF_PATTERN = /^sha256:[0-9a-f]{64}$/;

const jsonValue: z.ZodType<unknown> = z.unknown();

export const signValueSchema = z.object({ version: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/) });
export type SignValue = z.infer<typeof signValueSchema>;
/**
 * A sign op's value (docs/sync.md §Signing): the version the signer's device last had from the server, the hash of
 * what they signed, and that content itself (wire fields, and its list items'), so the server can restore it when another device's edit
 * reached the server first: the signed version stays signed, the other edit becomes a proposal.
 */
export const signOpValueSchema = signValueSchema.extend({
  fields: z.record(z.string(), jsonValue).optional(),
  /** The document's list items as signed, by item id (their wire fields): restored with it. */
  items: z.record(z.string(), z.record(z.string(), jsonValue)).optional(),
});
export type SignOpValue = z.infer<typeof signOpValueSchema>;

/** The entity of documents' list items (docs/documents.md): locked and restored with their signed document. */
export const ITEMS_ENTITY = 'document_items';

/** The entity of proposals (docs/sync.md §Signing): edits that raced a signature, kept to become a new revision. */
export const SIGN_PROPOSALS_ENTITY = 'sign_proposals';

export const syncOpSchema = z.object({
  seq: z.number().int().positive(),
  opId: z.string().min(1).max(64),
  entity: z.string().min(1).max(64),
  rowId: z.string().min(1).max(128),
  field: z.string().min(1).max(64),
  baseVersion: z.number().int().nonnegative(),
  value: jsonValue,
  hlc: z.string().max(200),
  schemaVersion: z.number().int().nonnegative(),
});
export type SyncOp = z.infer<typeof syncOpSchema>;

export const MAX_PUSH_OPS = 1000;

export const pushRequestSchema = z.object({
  clientId: z.string().min(1).max(64),
  ops: z.array(syncOpSchema).max(MAX_PUSH_OPS),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const OP_STATUSES = ['applied', 'conflict', 'rejected', 'locked'] as const;
export type OpStatus = (typeof OP_STATUSES)[number];

export const opResultSchema = z.object({
  seq: z.number().int(),
  opId: z.string(),
  status: z.enum(OP_STATUSES),
  /** Chinese, for the user, when not applied. */
  message: z.string().optional(),
  /** The server's current value of the field (conflict/rejected/locked), so the client shows what the server holds. */
  serverValue: jsonValue.optional(),
  /** Whether the row exists on the server at all. */
  serverHasRow: z.boolean().optional(),
  /** The server row version (conflict: the version the resolution is based on). */
  serverVersion: z.number().int().optional(),
  /** The HTTP-like status of this op alone: 400 when its value broke the shared schema or held unsafe text. */
  code: z.number().int().optional(),
});
export type OpResult = z.infer<typeof opResultSchema>;

export const pushResponseSchema = z.object({
  /** The highest seq of this client the server has applied (or permanently failed). */
  lastSeq: z.number().int().nonnegative(),
  /** Results of the ops that were not applied, and of sign ops. Every other op up to lastSeq was applied. */
  results: z.array(opResultSchema),
  serverHlc: z.string(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullRequestSchema = z.object({
  cursor: z.number().int().nonnegative(),
  limit: z.number().int().positive().max(5000).default(500),
});
export type PullRequest = z.input<typeof pullRequestSchema>;

export const pulledRowSchema = z.object({
  cursor: z.number().int().positive(),
  entity: z.string(),
  rowId: z.string(),
  version: z.number().int().nonnegative(),
  fields: z.record(z.string(), jsonValue),
  deletedAt: z.string().nullable(),
  signed: signValueSchema.nullable(),
});
export type PulledRow = z.infer<typeof pulledRowSchema>;

export const pullResponseSchema = z.object({
  rows: z.array(pulledRowSchema),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /** The client's cursor is older than the compacted log (or from another server): refetch from 0, keep the outbox. */
  mustRefetch: z.boolean(),
  serverHlc: z.string(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const loginRequestSchema = z.object({
  login: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
  clientId: z.string().min(1).max(64),
  deviceName: z.string().max(200).default(''),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  deviceId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  login: z.string(),
  /** The server database's identity (docs/sync.md §Identities); absent from servers older than it. */
  serverId: z.string().optional(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const healthResponseSchema = z.object({
  ok: z.literal(true),
  service: z.literal('workbench-sync'),
  schemaVersion: z.number().int(),
  serverId: z.string().optional(),
});

/** POST /client-identity: a device whose history went back takes a new client identity (docs/sync.md §Identities). */
export const clientIdentityRequestSchema = z.object({ clientId: z.string().min(1).max(64) });

/** Error kinds the server answers with (HTTP status + body {error: {kind, message}}). */
export const SERVER_ERROR_KINDS = [
  'unauthorized', // 401: no, wrong or revoked token
  'forbidden',
  'bad-request',
  'seq-gap', // 409: the batch does not continue from last_seq; resend from `expectedSeq`
  'client-reused', // 409: an op at or below last_seq is not the op the server holds: this client must take a new identity
  'busy', // 503: the database did not answer in time (a lock or a statement timed out); retry later
  'schema-too-old', // 409: the client must upgrade; its outbox stays
  'schema-too-new', // 409: the server must be upgraded; the outbox stays
  'clock-drift', // 409
  'hash-mismatch', // 422: an uploaded blob does not hash to its name
  'offset-mismatch', // 409: resumable upload: resend from `offset`
  'not-found',
  'rate-limited',
  'too-large',
  'internal',
] as const;
export type ServerErrorKind = (typeof SERVER_ERROR_KINDS)[number];

export const serverErrorSchema = z.object({
  error: z.object({
    kind: z.enum(SERVER_ERROR_KINDS),
    message: z.string(),
    expectedSeq: z.number().int().optional(),
    offset: z.number().int().optional(),
  }),
});
export type ServerErrorBody = z.infer<typeof serverErrorSchema>;

/** Blob status: HEAD /v1/blobs/:sha256 answers with these headers. */
export const BLOB_OFFSET_HEADER = 'upload-offset';
export const BLOB_LENGTH_HEADER = 'upload-length';
export const MAX_BLOB_BYTES = 50 * 1024 * 1024;
