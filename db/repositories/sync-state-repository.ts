// The sync client's local bookkeeping: settings and cursor (in `meta`), conflicts, issues, signed rows, blobs.
import { and, asc, count, desc, eq, isNull, like, sql } from 'drizzle-orm';
import type { Executor, WorkbenchDb } from '../database.js';
import { secretStoreOf } from '../secret-store.js';
import { readMeta, writeMeta } from '../meta-store.js';
import { meta, outbox, syncBlobs, syncConflicts, syncIssues, syncSigned } from '../schema/index.js';

export const SYNC_KEYS = {
  serverUrl: 'sync.server_url',
  login: 'sync.login',
  agencyId: 'sync.agency_id',
  agencyName: 'sync.agency_name',
  deviceId: 'sync.device_id',
  cursor: 'sync.cursor',
  seqBase: 'sync.seq_base',
  lastSyncAt: 'sync.last_sync_at',
  lastError: 'sync.last_error',
  pulledSchema: 'sync.pulled_schema',
  refetching: 'sync.refetching',
  /** The identity of the server database this device last logged in to (docs/sync.md §Identities). */
  serverId: 'sync.server_id',
  /** Set when this database's history may have gone back (a restore) or it logged in elsewhere: why, in a word. */
  identityReset: 'sync.identity_reset',
  /** The new client identity being taken, kept until the server confirmed it (a crash in between redoes it). */
  nextClientId: 'sync.next_client_id',
  /**
   * '0' once a look for missing blobs found none: only a server value (a pulled row, a value from a push answer) can
   * name a blob this device lacks, and one that does sets it back to '1'. Absent counts as '1'.
   */
  blobsMayBeMissing: 'sync.blobs_may_be_missing',
} as const;

/** The device token's name in the database's secret store (never in the database: docs/sync.md §Secrets). */
export const SYNC_TOKEN_SECRET = 'sync-token';

export function writeSyncToken(db: WorkbenchDb, token: string | null): void {
  const store = secretStoreOf(db);
  if (!store) throw new Error('this database has no secret store');
  if (token === null) store.remove(SYNC_TOKEN_SECRET);
  else store.write(SYNC_TOKEN_SECRET, token);
}

export interface SyncSettings {
  serverUrl: string | null;
  token: string | null;
  login: string | null;
  agencyId: string | null;
  agencyName: string | null;
  deviceId: string | null;
}

export function readSyncSettings(db: Executor): SyncSettings {
  return {
    serverUrl: readMeta(db, SYNC_KEYS.serverUrl),
    token: secretStoreOf(db)?.read(SYNC_TOKEN_SECRET) ?? null,
    login: readMeta(db, SYNC_KEYS.login),
    agencyId: readMeta(db, SYNC_KEYS.agencyId),
    agencyName: readMeta(db, SYNC_KEYS.agencyName),
    deviceId: readMeta(db, SYNC_KEYS.deviceId),
  };
}

export function deleteMeta(db: Executor, key: string): void {
  db.delete(meta).where(eq(meta.key, key)).run();
}

export function readNumber(db: Executor, key: string, fallback = 0): number {
  const v = readMeta(db, key);
  return v === null ? fallback : Number(v);
}

export function writeNumber(db: Executor, key: string, value: number): void {
  writeMeta(db, key, String(value));
}

export function pendingOpCount(db: Executor): number {
  return db.select({ n: count() }).from(outbox).get()?.n ?? 0;
}

/** The highest outbox seq ever handed out (SQLite AUTOINCREMENT's counter), 0 if none. */
export function lastAssignedSeq(db: Executor): number {
  const row = db.get<{ seq: number } | undefined>(sql`select seq from sqlite_sequence where name = 'outbox'`);
  return row?.seq ?? 0;
}

export function minPendingSeq(db: Executor): number | null {
  const row = db.select({ seq: sql<number | null>`min(${outbox.seq})` }).from(outbox).get();
  return row?.seq ?? null;
}

export function listPendingOps(db: Executor, limit: number) {
  return db.select().from(outbox).orderBy(asc(outbox.seq)).limit(limit).all();
}

export interface PendingRecordRow {
  entity: string;
  rowId: string;
  /** The fields in the order they were first changed. */
  fields: string[];
  ops: number;
  since: string;
}

/** The records with edits waiting for upload, the longest-waiting first. */
export function listPendingRecords(db: Executor, limit: number): PendingRecordRow[] {
  const firstSeq = sql<number>`min(${outbox.seq})`;
  const groups = db
    .select({ entity: outbox.entity, rowId: outbox.rowId, ops: count(), since: sql<string>`min(${outbox.createdAt})` })
    .from(outbox)
    .groupBy(outbox.entity, outbox.rowId)
    .orderBy(asc(firstSeq))
    .limit(limit)
    .all();
  return groups.map((g) => {
    const fields = db
      .select({ field: outbox.field })
      .from(outbox)
      .where(and(eq(outbox.entity, g.entity), eq(outbox.rowId, g.rowId)))
      .orderBy(asc(outbox.seq))
      .all()
      .map((r) => r.field);
    return { ...g, fields: [...new Set(fields)] };
  });
}

export function hasLaterPendingOp(db: Executor, entity: string, rowId: string, field: string, afterSeq: number): boolean {
  return (
    db
      .select({ n: count() })
      .from(outbox)
      .where(and(eq(outbox.entity, entity), eq(outbox.rowId, rowId), eq(outbox.field, field), sql`${outbox.seq} > ${afterSeq}`))
      .get()?.n ?? 0
  ) > 0;
}

export type ConflictRow = typeof syncConflicts.$inferSelect;
export type IssueRow = typeof syncIssues.$inferSelect;

/** One open conflict per field: a second conflict on the same field replaces the first's values. */
export function recordConflict(
  db: Executor,
  c: { entity: string; rowId: string; field: string; mine: unknown; theirs: unknown; serverVersion: number; at: string },
): void {
  const open = db
    .select({ id: syncConflicts.id })
    .from(syncConflicts)
    .where(and(eq(syncConflicts.entity, c.entity), eq(syncConflicts.rowId, c.rowId), eq(syncConflicts.field, c.field), isNull(syncConflicts.resolvedAt)))
    .get();
  const values = {
    mine: JSON.stringify(c.mine ?? null),
    theirs: JSON.stringify(c.theirs ?? null),
    serverVersion: c.serverVersion,
    detectedAt: c.at,
  };
  if (open) db.update(syncConflicts).set(values).where(eq(syncConflicts.id, open.id)).run();
  else db.insert(syncConflicts).values({ entity: c.entity, rowId: c.rowId, field: c.field, ...values }).run();
}

export function listOpenConflicts(db: Executor, filter: { entity?: string; rowId?: string } = {}): ConflictRow[] {
  const where = [isNull(syncConflicts.resolvedAt)];
  if (filter.entity) where.push(eq(syncConflicts.entity, filter.entity));
  if (filter.rowId) where.push(eq(syncConflicts.rowId, filter.rowId));
  return db.select().from(syncConflicts).where(and(...where)).orderBy(asc(syncConflicts.id)).all();
}

export function getConflict(db: Executor, id: number): ConflictRow | undefined {
  return db.select().from(syncConflicts).where(eq(syncConflicts.id, id)).get();
}

export function markConflictResolved(db: Executor, id: number, resolution: 'mine' | 'theirs' | 'edited', at: string): void {
  db.update(syncConflicts).set({ resolvedAt: at, resolution }).where(eq(syncConflicts.id, id)).run();
}

export function recordIssue(
  db: Executor,
  i: { opId: string; entity: string; rowId: string; field: string; status: IssueRow['status']; message: string; value: unknown; at: string },
): void {
  db.insert(syncIssues)
    .values({ opId: i.opId, entity: i.entity, rowId: i.rowId, field: i.field, status: i.status, message: i.message, value: JSON.stringify(i.value ?? null), createdAt: i.at })
    .onConflictDoNothing()
    .run();
}

/** A row that applied: its earlier quarantine entries are settled. */
export function clearQuarantine(db: Executor, entity: string, rowId: string, at: string): void {
  db.update(syncIssues)
    .set({ dismissedAt: at })
    .where(and(eq(syncIssues.entity, entity), eq(syncIssues.rowId, rowId), eq(syncIssues.status, 'quarantined'), isNull(syncIssues.dismissedAt)))
    .run();
}

export function listOpenIssues(db: Executor): IssueRow[] {
  return db.select().from(syncIssues).where(isNull(syncIssues.dismissedAt)).orderBy(desc(syncIssues.id)).all();
}

export function dismissIssue(db: Executor, id: number, at: string): void {
  db.update(syncIssues).set({ dismissedAt: at }).where(eq(syncIssues.id, id)).run();
}

export type SignedRow = typeof syncSigned.$inferSelect;

export function getSigned(db: Executor, entity: string, rowId: string): SignedRow | undefined {
  return db.select().from(syncSigned).where(and(eq(syncSigned.entity, entity), eq(syncSigned.rowId, rowId))).get();
}

/** Signed rows whose content hash starts with `hashPrefix` (hex, any case): a check code's or a file's hash. */
export function signedByHashPrefix(db: Executor, hashPrefix: string): SignedRow[] {
  if (!/^[0-9a-f]+$/i.test(hashPrefix)) return [];
  return db.select().from(syncSigned).where(like(syncSigned.hash, `${hashPrefix.toLowerCase()}%`)).all();
}

export function setSigned(db: Executor, s: SignedRow): void {
  db.insert(syncSigned)
    .values(s)
    .onConflictDoUpdate({ target: [syncSigned.entity, syncSigned.rowId], set: { version: s.version, hash: s.hash, state: s.state, signedAt: s.signedAt } })
    .run();
}

export function clearSigned(db: Executor, entity: string, rowId: string): void {
  db.delete(syncSigned).where(and(eq(syncSigned.entity, entity), eq(syncSigned.rowId, rowId))).run();
}

export function putBlob(db: Executor, sha256: string, data: Buffer, uploaded: boolean, at: string): void {
  db.insert(syncBlobs).values({ sha256, size: data.length, data, uploaded, createdAt: at }).onConflictDoNothing().run();
}

export function getBlob(db: Executor, sha256: string): Buffer | null {
  return db.select({ data: syncBlobs.data }).from(syncBlobs).where(eq(syncBlobs.sha256, sha256)).get()?.data ?? null;
}

/** A server value naming a blob this device lacks was written: the next sync fetches it (SYNC_KEYS.blobsMayBeMissing). */
export function noteBlobMissing(db: Executor): void {
  writeMeta(db, SYNC_KEYS.blobsMayBeMissing, '1');
}

export function blobsMayBeMissing(db: Executor): boolean {
  return readMeta(db, SYNC_KEYS.blobsMayBeMissing) !== '0';
}

export function noteNoBlobsMissing(db: Executor): void {
  writeMeta(db, SYNC_KEYS.blobsMayBeMissing, '0');
}

/**
 * A blob in slices of `sliceBytes`, each read by its own query (SQLite's substr of a BLOB counts bytes), so the
 * caller holds one slice at a time, never the whole file: the project archive streams 5 MB photos this way
 * (docs/process.md §Attachments). Null when the blob is not stored. Read lazily: each slice is read when asked for.
 */
export function blobSlices(db: Executor, sha256: string, sliceBytes: number): Iterable<Buffer> | null {
  // length() of a BLOB is answered from the record header: the bytes are not read.
  const size = db.get<{ size: number } | undefined>(sql`select length(${syncBlobs.data}) as size from ${syncBlobs} where ${syncBlobs.sha256} = ${sha256}`)?.size;
  if (size === undefined) return null;
  return {
    *[Symbol.iterator]() {
      for (let from = 0; from < size; from += sliceBytes) {
        const row = db.get<{ part: Buffer } | undefined>(
          sql`select substr(${syncBlobs.data}, ${from + 1}, ${sliceBytes}) as part from ${syncBlobs} where ${syncBlobs.sha256} = ${sha256}`,
        );
        if (!row) throw new Error('blob removed while it was read');
        yield row.part;
      }
    },
  };
}

export function hasBlob(db: Executor, sha256: string): boolean {
  return db.select({ sha256: syncBlobs.sha256 }).from(syncBlobs).where(eq(syncBlobs.sha256, sha256)).get() !== undefined;
}

export function listBlobsToUpload(db: Executor): { sha256: string; size: number }[] {
  return db.select({ sha256: syncBlobs.sha256, size: syncBlobs.size }).from(syncBlobs).where(eq(syncBlobs.uploaded, false)).all();
}

export function markBlobUploaded(db: Executor, sha256: string): void {
  db.update(syncBlobs).set({ uploaded: true }).where(eq(syncBlobs.sha256, sha256)).run();
}
