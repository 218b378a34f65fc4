// The sync client (sync.md): blobs up, push the outbox in seq order, pull by server cursor, blobs down.
// One sync at a time; every step is safe to interrupt (a killed process resumes from what was committed).
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { WorkbenchDb } from '../../db/database.js';
import { clientId as localClientId, replaceClientId } from '../../db/change-recorder.js';
import { readMeta, writeMeta } from '../../db/meta-store.js';
import { outbox } from '../../db/schema/index.js';
import { blobHashesOf } from '../../shared/sync/blob-refs.js';
import { markOpsSent } from '../../db/outbox-watermark.js';
import {
  SYNC_KEYS,
  clearSigned,
  deleteMeta,
  getSigned,
  getBlob,
  blobsMayBeMissing,
  hasBlob,
  noteNoBlobsMissing,
  hasLaterPendingOp,
  lastAssignedSeq,
  listBlobsToUpload,
  markBlobUploaded,
  minPendingSeq,
  pendingOpCount,
  putBlob,
  readNumber,
  readSyncSettings,
  recordConflict,
  recordIssue,
  setSigned,
  writeNumber,
  writeSyncToken,
} from '../../db/repositories/sync-state-repository.js';
import {
  DELETED_FIELD,
  MAX_PUSH_OPS,
  SIGN_FIELD,
  signValueSchema,
  type PullResponse,
  type PushResponse,
} from '../../shared/sync/protocol.js';
import { HlcError } from '../../shared/sync/hlc.js';
import { SyncHttp, SyncTransportError } from './transport.js';
import { applyPulledPage } from './apply-pull.js';
import { nextPushBatch, pushRequestJson, type OutboxRow } from './push-batch.js';
import { syncEntities, syncEntity } from './registry.js';
import { noteMissingBlobsOf } from './missing-blobs.js';
import { dropLocalOnlyRow, readLocalRow, setLocalField, syncedFields, writeLocalRow } from './local-rows.js';
import { observeRemoteHlc } from './hlc-store.js';
import { InsecureServerUrl, needsInsecureConsent } from './server-url.js';

export interface SyncProgress {
  phase: 'blobs-up' | 'push' | 'pull' | 'blobs-down' | 'idle';
  done: number;
  total: number;
}

export interface SyncConflictReport {
  entity: string;
  rowId: string;
  field: string;
  mine: unknown;
  theirs: unknown;
}

export interface SyncReport {
  pushed: number;
  applied: number;
  conflicts: SyncConflictReport[];
  rejected: number;
  locked: number;
  pulled: number;
  blobsUp: number;
  blobsDown: number;
  refetched: boolean;
}

export interface SyncEngineOptions {
  db: WorkbenchDb;
  now?: () => Date;
  fetchImpl?: typeof fetch;
  pushBatch?: number;
  pullLimit?: number;
  blobChunk?: number;
  timeoutMs?: number;
  /** The schema version of this build (migration count): a change triggers a refetch (sync.md §9). */
  schemaVersion: number;
  onProgress?: (p: SyncProgress) => void;
  /** Test hook: awaited between steps (kill tests). */
  checkpoint?: (name: string) => Promise<void> | void;
}

export class SyncNotConfigured extends Error {
  constructor() {
    super('尚未登录同步服务器：请在“设置 → 同步”中填写服务器地址并登录。');
    this.name = 'SyncNotConfigured';
  }
}

export interface SyncErrorInfo {
  kind: string;
  message: string;
  at: string;
}

export class SyncEngine {
  private running: Promise<SyncReport> | null = null;
  progress: SyncProgress = { phase: 'idle', done: 0, total: 0 };

  constructor(private readonly options: SyncEngineOptions) {}

  private get db(): WorkbenchDb {
    return this.options.db;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  private http(): SyncHttp {
    const s = readSyncSettings(this.db);
    if (!s.serverUrl || !s.token) throw new SyncNotConfigured();
    return new SyncHttp({
      baseUrl: s.serverUrl,
      token: s.token,
      ...(this.options.fetchImpl ? { fetchImpl: this.options.fetchImpl } : {}),
      ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
    });
  }

  private setProgress(p: SyncProgress): void {
    this.progress = p;
    this.options.onProgress?.(p);
  }

  private async cp(name: string): Promise<void> {
    await this.options.checkpoint?.(name);
  }

  /**
   * Logs this device in. The same agency on the same server (by the server's identity, not its URL: another
   * address of the same server is the same server) keeps the numbering and the cursor. Anything else starts a
   * fresh cursor, and — when this device had synced before — a new client identity, taken before the next push,
   * so no op is numbered as one the server already holds (docs/sync.md §Identities).
   */
  async login(input: { serverUrl: string; login: string; password: string; deviceName?: string; allowInsecure?: boolean }): Promise<{ agencyName: string }> {
    const serverUrl = input.serverUrl.replace(/\/+$/, '');
    if (!input.allowInsecure && needsInsecureConsent(serverUrl)) throw new InsecureServerUrl(serverUrl);
    const http = new SyncHttp({ baseUrl: serverUrl, ...(this.options.fetchImpl ? { fetchImpl: this.options.fetchImpl } : {}) });
    const clientId = localClientId(this.db);
    const res = await http.login({ login: input.login, password: input.password, clientId, deviceName: input.deviceName ?? '' });
    writeSyncToken(this.db, res.token);
    this.db.transaction((tx) => {
      const before = readSyncSettings(tx);
      const beforeServer = readMeta(tx, SYNC_KEYS.serverId);
      // Agency ids are random per server database, so the same agency id without a stored server id (a device
      // from before server identities) is the same server.
      const sameServer = beforeServer !== null && res.serverId !== undefined ? beforeServer === res.serverId : true;
      const sameAccount = before.agencyId === res.agencyId && sameServer;
      if (!sameAccount) {
        // Ops already pushed to another server are gone from the outbox: number this server's ops from the oldest
        // one still waiting (or from the next one), so the server sees seq 1, 2, 3…
        writeNumber(tx, SYNC_KEYS.seqBase, this.freshSeqBase(tx));
        writeNumber(tx, SYNC_KEYS.cursor, 0);
        if (before.agencyId !== null) writeMeta(tx, SYNC_KEYS.identityReset, 'login');
      }
      if (res.serverId) writeMeta(tx, SYNC_KEYS.serverId, res.serverId);
      writeMeta(tx, SYNC_KEYS.serverUrl, serverUrl);
      writeMeta(tx, SYNC_KEYS.login, res.login);
      writeMeta(tx, SYNC_KEYS.agencyId, res.agencyId);
      writeMeta(tx, SYNC_KEYS.agencyName, res.agencyName);
      writeMeta(tx, SYNC_KEYS.deviceId, res.deviceId);
      deleteMeta(tx, SYNC_KEYS.lastError);
    });
    return { agencyName: res.agencyName };
  }

  /** The seq base that makes the oldest waiting op (or the next one) seq 1 on the wire. */
  private freshSeqBase(tx: Parameters<Parameters<WorkbenchDb['transaction']>[0]>[0]): number {
    const min = minPendingSeq(tx);
    return min !== null ? min - 1 : lastAssignedSeq(tx);
  }

  /**
   * Takes a new client identity when this database's history went back or it logged in elsewhere: the server binds
   * this device's token to it, then the outbox is numbered from 1 under it. Ops the server already holds (by op id)
   * are answered, not applied twice; the rest arrive. Safe to interrupt: the new identity is written first and the
   * server's binding is idempotent.
   */
  private async ensureIdentity(http: SyncHttp): Promise<void> {
    let next = readMeta(this.db, SYNC_KEYS.nextClientId);
    if (!next) {
      if (readMeta(this.db, SYNC_KEYS.identityReset) === null) return;
      next = randomUUID();
      writeMeta(this.db, SYNC_KEYS.nextClientId, next);
    }
    await http.clientIdentity(next);
    const chosen = next;
    this.db.transaction((tx) => {
      replaceClientId(tx, chosen);
      writeNumber(tx, SYNC_KEYS.seqBase, this.freshSeqBase(tx));
      deleteMeta(tx, SYNC_KEYS.identityReset);
      deleteMeta(tx, SYNC_KEYS.nextClientId);
    });
  }

  logout(): void {
    writeSyncToken(this.db, null);
  }

  /** One full sync. Concurrent callers share the sync already running. */
  sync(): Promise<SyncReport> {
    if (this.running) return this.running;
    const run = this.runSync().finally(() => {
      this.running = null;
      this.setProgress({ phase: 'idle', done: 0, total: 0 });
    });
    this.running = run;
    return run;
  }

  private recordError(e: unknown): void {
    const info: SyncErrorInfo = {
      kind: e instanceof SyncTransportError ? e.failure : e instanceof HlcError ? `clock-${e.kind}` : e instanceof SyncNotConfigured ? 'not-configured' : 'internal',
      message: e instanceof Error ? e.message : String(e),
      at: this.now().toISOString(),
    };
    try {
      writeMeta(this.db, SYNC_KEYS.lastError, JSON.stringify(info));
    } catch {
      /* the database is closing */
    }
  }

  lastError(): SyncErrorInfo | null {
    const raw = readMeta(this.db, SYNC_KEYS.lastError);
    return raw ? (JSON.parse(raw) as SyncErrorInfo) : null;
  }

  private async runSync(): Promise<SyncReport> {
    const report: SyncReport = { pushed: 0, applied: 0, conflicts: [], rejected: 0, locked: 0, pulled: 0, blobsUp: 0, blobsDown: 0, refetched: false };
    try {
      const http = this.http();
      await this.uploadBlobs(http, report);
      await this.push(http, report);
      await this.pull(http, report);
      await this.downloadBlobs(http, report);
      this.db.transaction((tx) => {
        writeMeta(tx, SYNC_KEYS.lastSyncAt, this.now().toISOString());
        deleteMeta(tx, SYNC_KEYS.lastError);
      });
      return report;
    } catch (e) {
      this.recordError(e);
      throw e;
    }
  }

  // ---- blobs ----

  private async uploadBlobs(http: SyncHttp, report: SyncReport): Promise<void> {
    const queue = listBlobsToUpload(this.db);
    const chunkSize = this.options.blobChunk ?? 256 * 1024;
    for (const [i, b] of queue.entries()) {
      this.setProgress({ phase: 'blobs-up', done: i, total: queue.length });
      const data = getBlob(this.db, b.sha256);
      if (!data) continue;
      const status = await http.blobStatus(b.sha256);
      let offset = status?.complete ? data.length : (status?.offset ?? 0);
      let complete = status?.complete ?? false;
      while (!complete) {
        try {
          const r = await http.putBlobChunk(b.sha256, data.length, offset, data.subarray(offset, offset + chunkSize));
          offset = r.offset;
          complete = r.complete;
        } catch (e) {
          if (e instanceof SyncTransportError && e.failure === 'offset-mismatch' && e.extra.offset !== undefined) {
            offset = e.extra.offset;
            continue;
          }
          throw e;
        }
        await this.cp('blob-chunk');
      }
      markBlobUploaded(this.db, b.sha256);
      report.blobsUp += 1;
    }
  }

  private async downloadBlobs(http: SyncHttp, report: SyncReport): Promise<void> {
    // Every synced table is read below: skipped when no server value arrived since a look that found nothing missing.
    if (!blobsMayBeMissing(this.db)) return;
    const wanted = new Set<string>();
    for (const def of syncEntities()) {
      for (const row of this.db.select().from(def.table).all() as Record<string, unknown>[]) {
        for (const [field, v] of Object.entries(syncedFields(def, row))) {
          for (const sha of blobHashesOf(field, v)) wanted.add(sha);
        }
      }
    }
    const missing = [...wanted].filter((h) => !hasBlob(this.db, h));
    let fetched = 0;
    for (const [i, sha] of missing.entries()) {
      this.setProgress({ phase: 'blobs-down', done: i, total: missing.length });
      let data: Buffer;
      try {
        data = await http.getBlob(sha);
      } catch (e) {
        if (e instanceof SyncTransportError && e.failure === 'not-found') continue; // not uploaded yet by its author
        throw e;
      }
      if (createHash('sha256').update(data).digest('hex') !== sha) continue;
      putBlob(this.db, sha, data, true, this.now().toISOString());
      report.blobsDown += 1;
      fetched += 1;
    }
    // Blobs not uploaded yet by their author (or damaged on the way) are looked for again next time.
    if (fetched === missing.length) noteNoBlobsMissing(this.db);
  }

  // ---- push ----

  private async push(http: SyncHttp, report: SyncReport): Promise<void> {
    await this.ensureIdentity(http);
    let clientId = localClientId(this.db);
    let identityTaken = false;
    // Migrate the outbox after a local migration (sync.md §9): our migrations only add fields, so an op made under
    // an older schema is still valid under this one. Ops of the previous version stay as they are (the server
    // accepts them), older ones are carried forward so an app that skipped versions can still push them.
    this.db.run(sql`update outbox set schema_version = ${this.options.schemaVersion - 1} where schema_version < ${this.options.schemaVersion - 1}`);
    // The server's largest batch by default: fewer round trips and transactions (docs/sync.md §Throughput).
    let batch = this.options.pushBatch ?? MAX_PUSH_OPS;
    const total = pendingOpCount(this.db);
    let done = 0;
    for (;;) {
      const seqBase = readNumber(this.db, SYNC_KEYS.seqBase);
      const rows = nextPushBatch(this.db, batch);
      if (rows.length === 0) return;
      this.setProgress({ phase: 'push', done, total });
      const body = pushRequestJson(clientId, rows, seqBase);
      // From here these ops are frozen: a newer edit of the same field becomes a new op (docs/history.md).
      markOpsSent(this.db, rows[rows.length - 1]!.seq);
      await this.cp('before-push');
      let res: PushResponse;
      try {
        res = await http.push(body);
      } catch (e) {
        // A batch over the server's size limit is sent again in halves; only a single op that is too large fails.
        if (e instanceof SyncTransportError && e.failure === 'too-large' && rows.length > 1) {
          batch = Math.max(1, Math.floor(rows.length / 2));
          continue;
        }
        if (e instanceof SyncTransportError && e.failure === 'client-reused' && !identityTaken) {
          // The server holds other ops under our seqs: our history went back. Never take its ack for them.
          writeMeta(this.db, SYNC_KEYS.identityReset, 'server');
          await this.ensureIdentity(http);
          clientId = localClientId(this.db);
          identityTaken = true;
          continue;
        }
        if (e instanceof SyncTransportError && e.failure === 'seq-gap' && e.extra.expectedSeq !== undefined) {
          throw new SyncTransportError(
            'seq-gap',
            '服务器记录的修改编号与本机不一致（服务器可能从备份恢复过）。本机修改都还在，请联系管理员处理后再同步。',
          );
        }
        throw e;
      }
      await this.cp('after-push');
      this.applyPushResponse(rows, seqBase, res, report);
      observeRemoteHlc(this.db, res.serverHlc, clientId, this.now().getTime());
      done += rows.length;
      await this.cp('after-ack');
    }
  }

  private applyPushResponse(rows: OutboxRow[], seqBase: number, res: PushResponse, report: SyncReport): void {
    const now = this.now().toISOString();
    const bySeq = new Map(rows.map((r) => [r.seq - seqBase, r]));
    this.db.transaction((tx) => {
      // The ops up to lastSeq are answered: the batch leaves the outbox in one statement (edits made during the
      // push have higher seqs and stay). Only ops that need action come with a result.
      const answered = rows.filter((r) => r.seq - seqBase <= res.lastSeq);
      if (answered.length > 0) {
        tx.delete(outbox).where(and(gte(outbox.seq, answered[0]!.seq), lte(outbox.seq, answered[answered.length - 1]!.seq))).run();
      }
      report.pushed += answered.length;
      report.applied += answered.length - res.results.filter((r) => r.status !== 'applied' && bySeq.has(r.seq)).length;
      for (const r of res.results) {
        const op = bySeq.get(r.seq);
        if (!op || r.seq > res.lastSeq) continue;
        const value = JSON.parse(op.newValue) as unknown;
        if (r.status === 'applied') {
          if (op.field === SIGN_FIELD) {
            const sign = signValueSchema.safeParse(value);
            const signedAt = getSigned(tx, op.entity, op.rowId)?.signedAt ?? now;
            if (sign.success) setSigned(tx, { entity: op.entity, rowId: op.rowId, version: sign.data.version, hash: sign.data.hash, state: 'accepted', signedAt });
          }
          continue;
        }
        const def = syncEntity(op.entity);
        if (op.field === SIGN_FIELD) {
          // Not this signature: the pull that follows brings the document as the server holds it, with its own
          // signature if it has one (the signed content here became a proposal there, docs/sync.md §Signing).
          clearSigned(tx, op.entity, op.rowId);
        } else if (getSigned(tx, op.entity, op.rowId)?.state === 'pending') {
          // An edit made before this device signed, answered before its signature: the signature decides (it
          // restores the signed content on the server and keeps the other value as a proposal), not a conflict card.
          continue;
        } else if (def && r.serverHasRow && !hasLaterPendingOp(tx, op.entity, op.rowId, op.field, op.seq)) {
          // Show what the server holds, unless a later local edit of the same field is still waiting.
          setLocalField(tx, def, op.rowId, op.field, r.serverValue, now);
          noteMissingBlobsOf(tx, { [op.field]: r.serverValue });
        } else if (def && r.status === 'locked' && !r.serverHasRow) {
          // A new list item of a document signed meanwhile: it can never exist on the server; its values are kept
          // in the server's proposal (docs/sync.md §Signing), so this copy goes rather than sit in the signed list.
          dropLocalOnlyRow(tx, def, op.rowId);
        }
        if (r.status === 'conflict') {
          recordConflict(tx, {
            entity: op.entity,
            rowId: op.rowId,
            field: op.field,
            mine: value,
            theirs: r.serverValue,
            serverVersion: r.serverVersion ?? 0,
            at: now,
          });
          report.conflicts.push({ entity: op.entity, rowId: op.rowId, field: op.field, mine: value, theirs: r.serverValue });
        } else {
          if (r.status === 'locked') report.locked += 1;
          else report.rejected += 1;
          recordIssue(tx, {
            opId: op.opId,
            entity: op.entity,
            rowId: op.rowId,
            field: op.field,
            status: r.status,
            message: r.message ?? '服务器未接受此修改。',
            value,
            at: now,
          });
        }
      }
      // Ops the server had applied before (their answer was lost with a dropped connection).
      tx.delete(outbox).where(lte(outbox.seq, seqBase + res.lastSeq)).run();
    });
  }

  // ---- pull ----

  private async pull(http: SyncHttp, report: SyncReport): Promise<void> {
    const clientId = localClientId(this.db);
    const limit = this.options.pullLimit ?? 500;
    let cursor = readNumber(this.db, SYNC_KEYS.cursor);
    const pulledSchema = readNumber(this.db, SYNC_KEYS.pulledSchema, this.options.schemaVersion);
    if (pulledSchema !== this.options.schemaVersion) {
      // This app was upgraded: fetch everything again to pick up fields the old version ignored.
      cursor = 0;
      writeMeta(this.db, SYNC_KEYS.refetching, '1');
    }
    let refetching = readMeta(this.db, SYNC_KEYS.refetching) === '1';
    if (refetching) cursor = 0;
    const seen = new Set<string>();
    for (;;) {
      this.setProgress({ phase: 'pull', done: report.pulled, total: report.pulled + limit });
      await this.cp('before-pull');
      const page: PullResponse = await http.pull(cursor, limit);
      observeRemoteHlc(this.db, page.serverHlc, clientId, this.now().getTime());
      if (page.mustRefetch) {
        if (refetching && cursor === 0) throw new SyncTransportError('bad-response', '服务器要求重新下载，但重新下载未能开始。请稍后重试。');
        // Our cursor is older than the server's compacted log: fetch all again; the outbox stays as it is.
        writeMeta(this.db, SYNC_KEYS.refetching, '1');
        refetching = true;
        report.refetched = true;
        cursor = 0;
        continue;
      }
      for (const r of page.rows) seen.add(`${r.entity}\u0000${r.rowId}`);
      applyPulledPage(this.db, page.rows, page.cursor, this.now().toISOString());
      await this.cp('after-pull-page');
      report.pulled += page.rows.length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    if (refetching) {
      this.finishRefetch(seen);
      report.refetched = true;
    }
    writeNumber(this.db, SYNC_KEYS.pulledSchema, this.options.schemaVersion);
  }

  /** After a full refetch, synced rows the server no longer has were compacted tombstones: delete them here too. */
  private finishRefetch(seen: Set<string>): void {
    const now = this.now().toISOString();
    this.db.transaction((tx) => {
      for (const def of syncEntities()) {
        for (const row of tx.select().from(def.table).all() as Record<string, unknown>[]) {
          const id = String(row.id);
          if (Number(row.version) > 0 && !seen.has(`${def.name}\u0000${id}`) && row.deletedAt === null) {
            const pending = tx.select({ seq: outbox.seq }).from(outbox).where(and(eq(outbox.entity, def.name), eq(outbox.rowId, id))).get();
            if (!pending) writeLocalRow(tx, def, id, { [DELETED_FIELD]: now }, { now });
          }
        }
      }
      deleteMeta(tx, SYNC_KEYS.refetching);
    });
  }

  /** Convenience for status displays. */
  pendingCount(): number {
    return pendingOpCount(this.db);
  }

  readRow(entity: string, rowId: string): Record<string, unknown> | undefined {
    const def = syncEntity(entity);
    return def ? readLocalRow(this.db, def, rowId) : undefined;
  }
}
