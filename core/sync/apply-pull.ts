// Applying a pulled page (sync.md §3): the rows and the new cursor commit in one SQLite transaction, and a pulled
// value never overwrites a field that still has a pending local op.
import { inArray, sql } from 'drizzle-orm';
import type { WorkbenchDb } from '../../db/database.js';
import { outbox } from '../../db/schema/index.js';
import { SYNC_KEYS, clearQuarantine, clearSigned, listOpenIssues, recordIssue, setSigned, writeNumber } from '../../db/repositories/sync-state-repository.js';
import type { Executor } from '../../db/database.js';
import { DELETED_FIELD, SIGN_PROPOSALS_ENTITY, type PulledRow } from '../../shared/sync/protocol.js';
import { checkWireRow } from '../../shared/sync/field-schemas.js';
import { syncFieldLabel, syncRecordName } from '../../shared/forms/sync-labels.js';
import { UNSAFE_TEXT_MESSAGE } from '../../shared/validation/safe-text.js';
import { isSyncedField, syncEntity, type ResolvedEntity } from './registry.js';
import { PulledRowsWriter } from './pulled-rows.js';
import { noteMissingBlobsOf } from './missing-blobs.js';
import { recordProposalArrival } from './sign-proposals.js';

export interface ApplyResult {
  applied: number;
  skippedFields: number;
  unknownEntities: number;
  /** Rows kept out of the local tables (invalid, or refused by the database): listed in the sync drawer. */
  quarantined: number;
}

/**
 * Keeps a pulled row this device cannot apply out of its tables, with a note the sync drawer shows: one bad row
 * (written to the server's table by hand, or by a broken client) must never stop a page, nor every later pull.
 */
function quarantine(tx: Executor, row: PulledRow, field: string, why: string, now: string): void {
  const where = field === '*' ? '' : `的「${syncFieldLabel(row.entity, field) ?? field}」`;
  recordIssue(tx, {
    opId: `pulled:${row.entity}:${row.rowId}:${row.version}`,
    entity: row.entity,
    rowId: row.rowId,
    field,
    status: 'quarantined',
    message: `从服务器收到的${syncRecordName(row.entity, row.rowId, row.fields)}${where}${why}此条未写入本机，其余数据已同步。`,
    // The row as it came, so the drawer can name it even though this device has no copy of it.
    value: row.fields,
    at: now,
  });
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
    const result: ApplyResult = { applied: 0, skippedFields: 0, unknownEntities: 0, quarantined: 0 };
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
    // Rows with an open quarantine entry: a good version of one settles it (looked up once per page).
    const quarantined = new Set(listOpenIssues(tx).filter((i) => i.status === 'quarantined').map((i) => `${i.entity}\u0000${i.rowId}`));
    const valid: { def: ResolvedEntity; row: PulledRow; rowId: string }[] = [];
    for (const row of rows) {
      const def = syncEntity(row.entity);
      if (!def) {
        // A newer client's entity: ignored now, fetched again after this app is upgraded (cursor reset).
        result.unknownEntities += 1;
        continue;
      }
      const bad = checkWireRow(row.entity, row.fields, row.deletedAt);
      if (bad) {
        const why = bad.problem.kind === 'unsafe-text' ? UNSAFE_TEXT_MESSAGE : `无效（${bad.problem.detail}）。`;
        quarantine(tx, row, bad.field, why, now);
        result.quarantined += 1;
        continue;
      }
      valid.push({ def, row, rowId: row.rowId });
    }
    const settle = (row: PulledRow, skipped: number) => {
      noteMissingBlobsOf(tx, row.fields);
      if (quarantined.has(`${row.entity}\u0000${row.rowId}`)) clearQuarantine(tx, row.entity, row.rowId, now);
      result.applied += 1;
      result.skippedFields += skipped;
    };
    let skipped: number[] | null = null;
    try {
      // The whole page in one savepoint: the common case, one pass with prepared statements.
      const writer = new PulledRowsWriter(db, tx, valid);
      skipped = tx.transaction((sp) => valid.map((v) => applyRow(sp, writer, v.def, v.row, pending, now)));
    } catch {
      // A row the database refuses (a constraint, a signed row's guard) rolled the page back: the page is written
      // again row by row, each in its own savepoint, so that row alone is quarantined and the rest applies.
      skipped = null;
    }
    if (skipped) {
      valid.forEach((v, i) => settle(v.row, skipped![i]!));
    } else {
      const writer = new PulledRowsWriter(db, tx, valid);
      for (const { def, row } of valid) {
        try {
          settle(row, writer.guard(row.entity, row.rowId, () => tx.transaction((sp) => applyRow(sp, writer, def, row, pending, now))));
        } catch (e) {
          quarantine(tx, row, '*', `无法写入本机（${e instanceof Error ? e.message : String(e)}）。`, now);
          result.quarantined += 1;
        }
      }
    }
    writeNumber(tx, SYNC_KEYS.cursor, newCursor);
    return result;
  });
}

/** Writes one pulled row; answers how many of its fields were left alone for a pending local op. */
function applyRow(tx: Executor, writer: PulledRowsWriter, def: ResolvedEntity, row: PulledRow, pending: Set<string>, now: string): number {
  let skipped = 0;
  const values: Record<string, unknown> = {};
  const isPending = (f: string) => pending.has(`${row.entity}\u0000${row.rowId}\u0000${f}`);
  // A signed row is written as signed, pending local edits or not: those reach the server after the signature and
  // become a proposal for a new revision there (docs/sync.md §Signing); the outbox keeps them until then.
  const keep = (f: string) => isPending(f) && !row.signed;
  for (const [k, v] of Object.entries(row.fields)) {
    if (!isSyncedField(def, k)) continue;
    if (keep(k)) skipped += 1;
    else values[k] = v;
  }
  if (keep(DELETED_FIELD)) skipped += 1;
  else values[DELETED_FIELD] = row.deletedAt;
  const arriving = row.entity === SIGN_PROPOSALS_ENTITY && !writer.has(row.entity, row.rowId);
  writer.write(def, row.rowId, values, { version: row.version, now });
  if (arriving) recordProposalArrival(tx, row, now);
  if (row.signed) {
    // The time of signing stays the signer's when this device signed it (a pull confirms it later).
    const before = writer.signedState(row.entity, row.rowId);
    const signedAt = before?.hash === row.signed.hash ? before.signedAt : now;
    const signed = { entity: row.entity, rowId: row.rowId, version: row.signed.version, hash: row.signed.hash, state: 'accepted' as const, signedAt };
    setSigned(tx, signed);
    writer.noteSigned(signed, row.entity, row.rowId);
  } else if (writer.signedState(row.entity, row.rowId)?.state === 'accepted') {
    clearSigned(tx, row.entity, row.rowId);
    writer.noteSigned(null, row.entity, row.rowId);
  }
  return skipped;
}
