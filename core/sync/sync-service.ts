// The sync methods of the contract, and the one engine + auto-sync per open database.
import { hostname } from 'node:os';
import type { syncContract, SyncStatus } from '../../shared/contract/sync-contract.js';
import { AppError } from '../../shared/rpc/result.js';
import type { OpenedDatabase } from '../../db/database.js';
import {
  dismissIssue,
  listOpenConflicts,
  listOpenIssues,
  listPendingRecords,
  pendingOpCount,
  readSyncSettings,
  SYNC_KEYS,
} from '../../db/repositories/sync-state-repository.js';
import { readMeta } from '../../db/meta-store.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';
import { SyncEngine, SyncNotConfigured, type SyncErrorInfo } from './engine.js';
import { AutoSync } from './scheduler.js';
import { SyncTransportError } from './transport.js';
import { syncEntity } from './registry.js';
import { syncEntityLabel, syncRecordName } from '../../shared/forms/sync-labels.js';
import { readLocalRow, syncedFields } from './local-rows.js';
import { resolveConflict } from './conflicts.js';
import { recordName } from '../services/record-name.js';
import { InsecureServerUrl } from './server-url.js';

const engines = new WeakMap<OpenedDatabase, SyncEngine>();
const autoSyncs = new WeakMap<Workbench, AutoSync>();

export function entityLabel(entity: string): string {
  // Document kinds are named by their definitions (shared/forms/registry.ts).
  return syncEntityLabel(entity);
}

/** The sync engine of the workbench's current database (a restored or reopened database gets a new one). */
export function syncEngineFor(wb: Workbench): SyncEngine {
  const opened = wb.database;
  let engine = engines.get(opened);
  if (!engine) {
    engine = new SyncEngine({ db: opened.db, schemaVersion: opened.schemaVersion, now: () => wb.now() });
    engines.set(opened, engine);
  }
  return engine;
}

/** Starts syncing by itself (desktop and browser mode; not the CLI or tests). Idempotent. */
export function ensureAutoSync(wb: Workbench): void {
  if (wb.shell !== 'electron' && wb.shell !== 'browser') return;
  if (process.env.WORKBENCH_AUTO_SYNC === '0') return;
  if (autoSyncs.has(wb)) return;
  const safe = <T>(f: () => T): T | null => {
    try {
      return f();
    } catch {
      return null;
    }
  };
  // WORKBENCH_SYNC_PERIOD_MS shortens the periodic sync (end-to-end tests); the default is every 3 minutes. The
  // retry back-off while offline is then capped at a few periods too, so a test that brings its server back does
  // not wait out a back-off of a minute or more.
  const period = Number(process.env.WORKBENCH_SYNC_PERIOD_MS);
  autoSyncs.set(
    wb,
    new AutoSync(() => safe(() => wb.database.db), () => safe(() => syncEngineFor(wb)), {
      ...(period > 0 ? { periodMs: period, debounceMs: Math.min(period, 3_000), maxBackoffMs: 4 * period } : {}),
    }).start(),
  );
}

function isOffline(e: SyncErrorInfo | null): boolean {
  return e !== null && ['offline', 'timeout'].includes(e.kind);
}

export function readSyncStatus(wb: Workbench): SyncStatus {
  const { db } = wb.database;
  const settings = readSyncSettings(db);
  const engine = syncEngineFor(wb);
  const pending = pendingOpCount(db);
  const error = engine.lastError();
  const configured = Boolean(settings.serverUrl && settings.token);
  const state: SyncStatus['state'] = !configured
    ? 'not-configured'
    : engine.isRunning
      ? 'syncing'
      : isOffline(error)
        ? 'offline'
        : error
          ? 'error'
          : pending > 0
            ? 'pending'
            : 'synced';
  return {
    state,
    serverUrl: settings.serverUrl,
    login: settings.login,
    agencyName: settings.agencyName,
    pending,
    lastSyncAt: readMeta(db, SYNC_KEYS.lastSyncAt),
    error: configured || error?.kind === 'unauthorized' ? error : null,
    progress: engine.isRunning ? engine.progress : null,
    openConflicts: listOpenConflicts(db).length,
    openIssues: listOpenIssues(db).length,
  };
}

function toAppError(e: unknown): never {
  if (e instanceof SyncNotConfigured) throw new AppError('unauthorized', e.message);
  if (e instanceof SyncTransportError) {
    throw new AppError(e.failure === 'unauthorized' ? 'unauthorized' : e.transient ? 'unavailable' : 'conflict', e.message);
  }
  throw e;
}

function issueAdvice(status: 'rejected' | 'locked' | 'quarantined'): string {
  if (status === 'quarantined') return '服务器上的这条记录有无效内容，本机没有写入它，其余数据已正常同步。请在录入它的电脑上改正并同步；改正后这里会自动消失。';
  return status === 'locked'
    ? '该文档已签署，此修改未被接受。如内容确需更正，请新建修订版本并重新填写；这里保留了您当时填写的值。'
    : '服务器未接受此修改。请核对后重新填写保存；这里保留了您当时填写的值。';
}

/** How the drawer names a record: by its local copy's name when this device has it. */
function recordNameOf(wb: Workbench, issue: { entity: string; rowId: string; status: string; value: string }): string {
  const def = syncEntity(issue.entity);
  const row = def ? readLocalRow(wb.database.db, def, issue.rowId) : undefined;
  // A quarantined row keeps the fields it came with: its name when this device has no copy.
  const fields = row ?? (issue.status === 'quarantined' ? (JSON.parse(issue.value) as Record<string, unknown>) : undefined);
  return syncRecordName(issue.entity, issue.rowId, fields);
}

export function syncHandlers(wb: Workbench): HandlersFor<typeof syncContract> {
  return {
    'sync.status': () => {
      ensureAutoSync(wb);
      return readSyncStatus(wb);
    },
    'sync.login': async ({ serverUrl, login, password, allowInsecure }) => {
      try {
        await syncEngineFor(wb).login({ serverUrl, login, password, deviceName: hostname(), allowInsecure });
      } catch (e) {
        if (e instanceof InsecureServerUrl) throw new AppError('needs-confirmation', e.message, { field: 'serverUrl' });
        if (e instanceof SyncTransportError && e.failure === 'unauthorized') throw new AppError('unauthorized', e.message, { field: 'password' });
        toAppError(e);
      }
      ensureAutoSync(wb);
      // First sync right away; its outcome shows in the status.
      void syncEngineFor(wb).sync().catch(() => undefined);
      return readSyncStatus(wb);
    },
    'sync.logout': () => {
      syncEngineFor(wb).logout();
      return readSyncStatus(wb);
    },
    'sync.now': async () => {
      try {
        return await syncEngineFor(wb).sync();
      } catch (e) {
        return toAppError(e);
      }
    },
    'sync.pendingRecords': ({ limit }) => {
      const { db } = wb.database;
      return listPendingRecords(db, limit).map((r) => ({
        entity: r.entity,
        entityLabel: entityLabel(r.entity),
        rowId: r.rowId,
        recordName: recordName(db, r.entity, r.rowId),
        fields: r.fields,
        ops: r.ops,
        since: r.since,
      }));
    },
    'sync.conflicts': ({ entity, rowId }) => {
      const { db } = wb.database;
      return listOpenConflicts(db, { ...(entity ? { entity } : {}), ...(rowId ? { rowId } : {}) }).map((c) => {
        const def = syncEntity(c.entity);
        const row = def ? readLocalRow(db, def, c.rowId) : undefined;
        return {
          id: c.id,
          entity: c.entity,
          entityLabel: entityLabel(c.entity),
          rowId: c.rowId,
          field: c.field,
          mine: JSON.parse(c.mine) as unknown,
          theirs: JSON.parse(c.theirs) as unknown,
          current: row && def ? (syncedFields(def, row)[c.field] ?? null) : null,
          detectedAt: c.detectedAt,
        };
      });
    },
    'sync.resolveConflict': ({ id, choice, value }) => {
      resolveConflict(wb.database.db, wb.changeContext(), id, choice === 'edited' ? { choice, value } : { choice });
      return { ok: true as const };
    },
    'sync.issues': () =>
      listOpenIssues(wb.database.db).map((i) => ({
        id: i.id,
        entity: i.entity,
        entityLabel: entityLabel(i.entity),
        recordName: recordNameOf(wb, i),
        rowId: i.rowId,
        field: i.field,
        status: i.status,
        message: i.message,
        value: JSON.parse(i.value) as unknown,
        createdAt: i.createdAt,
        advice: issueAdvice(i.status),
      })),
    'sync.dismissIssue': ({ id }) => {
      dismissIssue(wb.database.db, id, wb.now().toISOString());
      return { ok: true as const };
    },
  };
}
