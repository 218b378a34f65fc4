// Pull by server cursor (sync.md §3). `records` holds the latest state of each row with the cursor of its last
// change: a change log compacted to one entry per row (as CouchDB's by-sequence index).
import { sql } from 'drizzle-orm';
import type { PullResponse, PulledRow } from '../../shared/sync/protocol.js';
import { rowsOf, type ServerDb } from '../db/connect.js';
import { serverHlc } from './record-state.js';

export async function readPull(db: ServerDb, agencyId: string, cursor: number, limit: number, now: Date): Promise<PullResponse> {
  const agency = rowsOf<{ last_cursor: string | number; compacted_cursor: string | number }>(
    await db.execute(sql`select last_cursor, compacted_cursor from agencies where id = ${agencyId}`),
  )[0];
  const last = Number(agency?.last_cursor ?? 0);
  const compacted = Number(agency?.compacted_cursor ?? 0);
  if ((cursor > 0 && cursor < compacted) || cursor > last) {
    return { rows: [], cursor: 0, hasMore: true, mustRefetch: true, serverHlc: serverHlc(now) };
  }
  const found = rowsOf<{
    cursor: string | number;
    entity: string;
    row_id: string;
    version: number;
    fields: Record<string, unknown>;
    deleted_at: string | null;
    signed_version: number | null;
    signed_hash: string | null;
  }>(
    await db.execute(sql`
      select cursor, entity, row_id, version, fields, deleted_at, signed_version, signed_hash
      from records where agency_id = ${agencyId} and cursor > ${cursor}
      order by cursor limit ${limit + 1}`),
  );
  const hasMore = found.length > limit;
  const page = found.slice(0, limit);
  const rows: PulledRow[] = page.map((r) => ({
    cursor: Number(r.cursor),
    entity: r.entity,
    rowId: r.row_id,
    version: r.version,
    fields: r.fields,
    deletedAt: r.deleted_at,
    signed: r.signed_hash !== null && r.signed_version !== null ? { version: r.signed_version, hash: r.signed_hash } : null,
  }));
  return { rows, cursor: rows.length > 0 ? rows[rows.length - 1]!.cursor : cursor, hasMore, mustRefetch: false, serverHlc: serverHlc(now) };
}

/**
 * Drops tombstones older than `before` and raises the agency's compacted cursor past them: clients whose cursor
 * is older must refetch (sync.md §6).
 */
export async function compactTombstones(db: ServerDb, agencyId: string, before: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${agencyId}, 0))`);
    const removed = rowsOf<{ cursor: string | number }>(
      await tx.execute(sql`
        delete from records where agency_id = ${agencyId} and deleted_at is not null and updated_at < ${before.toISOString()}::timestamptz
        returning cursor`),
    );
    if (removed.length === 0) return 0;
    const max = Math.max(...removed.map((r) => Number(r.cursor)));
    await tx.execute(sql`update agencies set compacted_cursor = greatest(compacted_cursor, ${max}) where id = ${agencyId}`);
    return removed.length;
  });
}
