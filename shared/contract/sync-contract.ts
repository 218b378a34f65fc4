import { z } from 'zod';
import { defineContract } from '../rpc/define-contract.js';

export const SYNC_STATES = ['not-configured', 'synced', 'pending', 'syncing', 'offline', 'error'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export const syncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  serverUrl: z.string().nullable(),
  login: z.string().nullable(),
  agencyName: z.string().nullable(),
  /** Local edits waiting to go up (one per changed field). */
  pending: z.number().int(),
  lastSyncAt: z.string().nullable(),
  /** When the state is offline or error: what happened and what to do, in Chinese. */
  error: z.object({ kind: z.string(), message: z.string(), at: z.string() }).nullable(),
  progress: z.object({ phase: z.string(), done: z.number().int(), total: z.number().int() }).nullable(),
  openConflicts: z.number().int(),
  openIssues: z.number().int(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncReportSchema = z.object({
  pushed: z.number().int(),
  applied: z.number().int(),
  conflicts: z.array(z.object({ entity: z.string(), rowId: z.string(), field: z.string(), mine: z.unknown(), theirs: z.unknown() })),
  rejected: z.number().int(),
  locked: z.number().int(),
  pulled: z.number().int(),
  blobsUp: z.number().int(),
  blobsDown: z.number().int(),
  refetched: z.boolean(),
});
export type SyncReportDto = z.infer<typeof syncReportSchema>;

/** The edits waiting for upload, one entry per record (issue 8.2: the drawer names the record, not each field). */
export const pendingRecordSchema = z.object({
  entity: z.string(),
  entityLabel: z.string(),
  rowId: z.string(),
  recordName: z.string(),
  /** The changed fields (wire names), in the order they were first changed. */
  fields: z.array(z.string()),
  ops: z.number().int(),
  since: z.string(),
});
export type PendingRecord = z.infer<typeof pendingRecordSchema>;

export const conflictSchema = z.object({
  id: z.number().int(),
  entity: z.string(),
  entityLabel: z.string(),
  rowId: z.string(),
  field: z.string(),
  mine: z.unknown(),
  theirs: z.unknown(),
  /** What the record shows now (the server's value unless resolved otherwise). */
  current: z.unknown(),
  detectedAt: z.string(),
});
export type SyncConflict = z.infer<typeof conflictSchema>;

export const syncIssueSchema = z.object({
  id: z.number().int(),
  entity: z.string(),
  entityLabel: z.string(),
  rowId: z.string(),
  field: z.string(),
  /** rejected/locked: a local edit the server refused; quarantined: a row from the server this device could not apply. */
  status: z.enum(['rejected', 'locked', 'quarantined']),
  /** The record's name when this device has it (「孵化器「…」」), so the drawer says which record to fix. */
  recordName: z.string(),
  message: z.string(),
  value: z.unknown(),
  createdAt: z.string(),
  /** What the user can do about it, in Chinese. */
  advice: z.string(),
});
export type SyncIssue = z.infer<typeof syncIssueSchema>;

export const syncContract = defineContract({
  'sync.status': { input: z.object({}), output: syncStatusSchema },
  'sync.login': {
    input: z.object({
      serverUrl: z.string().url('请填写完整的服务器地址，例如 https://sync.example.cn'),
      login: z.string().min(1, '请填写登录名'),
      password: z.string().min(1, '请填写密码'),
      /** The user confirmed plain http:// to a server on another machine (refused with needs-confirmation otherwise). */
      allowInsecure: z.boolean().default(false),
    }),
    output: syncStatusSchema,
  },
  'sync.logout': { input: z.object({}), output: syncStatusSchema },
  /** One full sync now; waits for a sync already running. */
  'sync.now': { input: z.object({}), output: syncReportSchema },
  'sync.pendingRecords': { input: z.object({ limit: z.number().int().positive().max(1000).default(200) }), output: z.array(pendingRecordSchema) },
  'sync.conflicts': {
    input: z.object({ entity: z.string().optional(), rowId: z.string().optional() }),
    output: z.array(conflictSchema),
  },
  'sync.resolveConflict': {
    input: z.object({ id: z.number().int(), choice: z.enum(['mine', 'theirs', 'edited']), value: z.unknown().optional() }),
    output: z.object({ ok: z.literal(true) }),
  },
  'sync.issues': { input: z.object({}), output: z.array(syncIssueSchema) },
  'sync.dismissIssue': { input: z.object({ id: z.number().int() }), output: z.object({ ok: z.literal(true) }) },
});
