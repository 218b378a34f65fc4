// Applying a pulled page (sync.md §3): the rows and the new cursor commit in one SQLite transaction, and a pulled
// value never overwrites a field that still has a pending local op.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { WorkbenchDb } from '../../db/database.js';
import { outbox } from '../../db/schema/index.js';
import { SYNC_KEYS, clearSigned, getSigned, setSigned, writeNumber } from '../../db/repositories/sync-state-repository.js';
import { DELETED_FIELD, type PulledRow } from '../../shared/sync/protocol.js';
import { isSyncedField, syncEntity } from './registry.js';
import { writeLocalRow } from './local-rows.js';

export interface ApplyResult {
  applied: number;
  skippedFields: number;
  unknownEntities: number;
}

export function applyPulledPage(db: WorkbenchDb, rows: PulledRow[], newCursor: number, now: string): ApplyResult {
  // The log holds each row's latest state, so a child (a diagnosis) can arrive before its parent (its incubator,
  // edited later): foreign keys are not checked while server state is copied in.
  db.run(sql`PRAGMA foreign_keys = OFF`);
  try {
    return applyInTransaction(db, rows, newCursor, now);
  } finally {
    db.run(sql`PRAGMA foreign_keys = ON`);
  }
}

function applyInTransaction(db: WorkbenchDb, rows: PulledRow[], newCursor: number, now: string): ApplyResult {
  return db.transaction((tx) => {
    const result: ApplyResult = { applied: 0, skippedFields: 0, unknownEntities: 0 };
    const pending = new Set<string>();
    const ids = [...new Set(rows.map((r) => r.rowId))];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      for (const p of tx
        .select({ entity: outbox.entity, rowId: outbox.rowId, field: outbox.field })
        .from(outbox)
        .where(inArray(outbox.rowId, chunk))
        .all()) {
        pending.add(`${p.entity}\u0000${p.rowId}\u0000${p.field}`);
      }
    }
    for (const row of rows) {
      const def = syncEntity(row.entity);
      if (!def) {
        // A newer client's entity: ignored now, fetched again after this app is upgraded (cursor reset).
        result.unknownEntities += 1;
        continue;
      }
      const values: Record<string, unknown> = {};
      const isPending = (f: string) => pending.has(`${row.entity}\u0000${row.rowId}\u0000${f}`);
      for (const [k, v] of Object.entries(row.fields)) {
        if (!isSyncedField(def, k)) continue;
        if (isPending(k)) result.skippedFields += 1;
        else values[k] = v;
      }
      if (isPending(DELETED_FIELD)) result.skippedFields += 1;
      else values[DELETED_FIELD] = row.deletedAt;
      writeLocalRow(tx, def, row.rowId, values, { version: row.version, now });
      if (row.signed) {
        setSigned(tx, { entity: row.entity, rowId: row.rowId, version: row.signed.version, hash: row.signed.hash, state: 'accepted', signedAt: now });
      } else if (getSigned(tx, row.entity, row.rowId)?.state === 'accepted') {
        clearSigned(tx, row.entity, row.rowId);
      }
      result.applied += 1;
    }
    writeNumber(tx, SYNC_KEYS.cursor, newCursor);
    return result;
  });
}

/** Whether any local op on this row is still waiting to be pushed. */
export function rowHasPendingOps(db: WorkbenchDb, entity: string, rowId: string): boolean {
  return (
    db
      .select({ seq: outbox.seq })
      .from(outbox)
      .where(and(eq(outbox.entity, entity), eq(outbox.rowId, rowId)))
      .get() !== undefined
  );
}
