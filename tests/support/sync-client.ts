// Sync clients for tests: a real local database from the real migrations (in memory or a temp file), the real
// change recorder and the real sync engine.
import { eq, isNull } from 'drizzle-orm';
import { Database, wrapDrizzle, type OpenedDatabase } from '../../db/database.js';
import { openDatabase } from '../../db/open-database.js';
import { clientId as localClientId, type ChangeContext } from '../../db/change-recorder.js';
import { writeMeta } from '../../db/meta-store.js';
import { SYNC_KEYS, getSigned, writeNumber, lastAssignedSeq, writeSyncToken } from '../../db/repositories/sync-state-repository.js';
import { attachSecretStore, memorySecretStore } from '../../db/secret-store.js';
import { saveIncubator, deleteIncubator } from '../../db/repositories/incubator-repository.js';
import { incubators } from '../../db/schema/index.js';
import { SyncEngine, type SyncEngineOptions } from '../../core/sync/engine.js';
import { syncEntities } from '../../core/sync/registry.js';
import { syncedFields } from '../../core/sync/local-rows.js';
import { incubatorSearchText } from '../../core/services/search-text.js';
import type { IncubatorValues } from '../../shared/domain/incubator.js';

export interface TestSyncClient {
  opened: OpenedDatabase;
  engine: SyncEngine;
  clientId: string;
  ctx: ChangeContext;
  /** Points this client at a server with a token (no password round trip). */
  connect(serverUrl: string, token: string, agencyId: string): void;
  saveIncubator(id: string | undefined, values: Partial<IncubatorValues>): string;
  deleteIncubator(id: string): void;
  incubator(id: string): typeof incubators.$inferSelect | undefined;
  close(): void;
}

export function emptyIncubator(name: string): IncubatorValues {
  return {
    name,
    operator: '',
    creditCode: '',
    registeredOn: null,
    operatingSince: null,
    legalRep: '',
    registeredCapital: null,
    registeredAddress: '',
    orgNature: null,
    incubatorType: null,
    industry: '',
    reportedTorchStats: null,
    contactName: '',
    contactMobile: '',
  };
}

let template: { image: Buffer; schemaVersion: number } | null = null;

/**
 * An in-memory database made by the real migrations once, then copied for each client (deserialised), so a
 * property test can open thousands of clients quickly.
 */
function openMemoryFromTemplate(): OpenedDatabase {
  if (!template) {
    const fresh = openDatabase({ file: ':memory:' });
    template = { image: fresh.sqlite.serialize(), schemaVersion: fresh.schemaVersion };
    fresh.sqlite.close();
  }
  const sqlite = new Database(template.image);
  sqlite.pragma('foreign_keys = ON');
  const db = wrapDrizzle(sqlite);
  attachSecretStore(db, memorySecretStore());
  return { sqlite, db, file: ':memory:', schemaVersion: template.schemaVersion };
}

export function openTestSyncClient(
  options: { file?: string; engine?: Partial<SyncEngineOptions>; now?: () => Date } = {},
): TestSyncClient {
  const opened = options.file ? openDatabase({ file: options.file }) : openMemoryFromTemplate();
  const now = options.now ?? (() => new Date());
  const engine = new SyncEngine({ db: opened.db, schemaVersion: opened.schemaVersion, now, ...options.engine });
  const ctx: ChangeContext = { actor: 'test', schemaVersion: opened.schemaVersion, now };
  const clientId = localClientId(opened.db);
  const client: TestSyncClient = {
    opened,
    engine,
    clientId,
    ctx,
    connect(serverUrl, token, agencyId) {
      writeSyncToken(opened.db, token);
      opened.db.transaction((tx) => {
        writeMeta(tx, SYNC_KEYS.serverUrl, serverUrl);
        writeMeta(tx, SYNC_KEYS.agencyId, agencyId);
        writeMeta(tx, SYNC_KEYS.agencyName, 'test');
        writeMeta(tx, SYNC_KEYS.login, 'test');
        writeNumber(tx, SYNC_KEYS.seqBase, 0);
        void lastAssignedSeq;
      });
    },
    saveIncubator(id, values) {
      const existing = id ? client.incubator(id) : undefined;
      // Editing a row this client does not have is a test's mistake, never a silent create.
      if (id && !existing) throw new Error(`test client has no incubator ${id} to edit`);
      const base = existing
        ? {
            name: existing.name,
            operator: existing.operator,
            creditCode: existing.creditCode,
            registeredOn: existing.registeredOn,
            operatingSince: existing.operatingSince,
            legalRep: existing.legalRep,
            registeredCapital: existing.registeredCapital,
            registeredAddress: existing.registeredAddress,
            orgNature: existing.orgNature,
            incubatorType: existing.incubatorType,
            industry: existing.industry,
            reportedTorchStats: existing.reportedTorchStats,
            contactName: existing.contactName,
            contactMobile: existing.contactMobile,
          }
        : emptyIncubator('新孵化器');
      const merged = { ...base, ...values };
      const rec = saveIncubator(opened.db, ctx, {
        ...(existing ? { id: existing.id } : {}),
        values: merged,
        searchText: incubatorSearchText(merged),
      });
      return rec.id;
    },
    deleteIncubator(id) {
      deleteIncubator(opened.db, ctx, id);
    },
    incubator(id) {
      return opened.db.select().from(incubators).where(eq(incubators.id, id)).get();
    },
    close() {
      opened.sqlite.close();
    },
  };
  return client;
}

/** What a client holds, in the server's terms: entity -> rowId -> {fields (non-null), deletedAt}. */
export function clientDump(c: TestSyncClient): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const def of syncEntities()) {
    const rows = c.opened.db.select().from(def.table).all() as Record<string, unknown>[];
    for (const row of rows) {
      if (Number(row.version) === 0) continue; // never reached the server
      const fields = Object.fromEntries(Object.entries(syncedFields(def, row)).filter(([, v]) => v !== null && v !== undefined));
      const signed = getSigned(c.opened.db, def.name, String(row.id));
      out[`${def.name}/${String(row.id)}`] = { fields, deletedAt: row.deletedAt ?? null, signed: signed?.state === 'accepted' ? signed.hash : null };
    }
  }
  return out;
}

export { isNull };
