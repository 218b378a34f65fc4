// The outbox side of a push (docs/sync.md §Throughput): the next batch is read with one prepared statement, and the
// request body is written straight from the stored rows. An op's value is kept in the outbox as JSON text
// (db/change-recorder.ts writes it with JSON.stringify), so it goes into the body as it is: parsing every value
// only to serialise it again, and drizzle's mapping of each row, had cost more than SQLite's read.
import { sqliteOf, type WorkbenchDb } from '../../db/database.js';
import { preparedStatement } from '../../db/prepared-statements.js';
import type { outbox } from '../../db/schema/index.js';
import type { SyncOp } from '../../shared/sync/protocol.js';

export type OutboxRow = typeof outbox.$inferSelect;

const NEXT_BATCH = `select seq, op_id as opId, client_id as clientId, entity, row_id as rowId, field, base_version as baseVersion,
  new_value as newValue, hlc, schema_version as schemaVersion, created_at as createdAt
  from outbox order by seq limit ?`;

/** The oldest `limit` pending ops, in seq order. */
export function nextPushBatch(db: WorkbenchDb, limit: number): OutboxRow[] {
  // Prepared once per connection: a push reads one batch after another.
  return preparedStatement<[number], OutboxRow>(sqliteOf(db), NEXT_BATCH).all(limit);
}

/**
 * The push request's JSON (shared/sync/protocol.ts pushRequestSchema) for these rows, their seqs counted from
 * `seqBase` (the client's identity, docs/sync.md §Identities). Text fields go through JSON.stringify; the value is
 * the stored JSON.
 */
export function pushRequestJson(clientId: string, rows: readonly OutboxRow[], seqBase: number): string {
  const str = JSON.stringify;
  const ops = rows.map(
    (r) =>
      `{"seq":${r.seq - seqBase},"opId":${str(r.opId)},"entity":${str(r.entity)},"rowId":${str(r.rowId)},"field":${str(r.field)},` +
      `"baseVersion":${r.baseVersion},"value":${r.newValue},"hlc":${str(r.hlc)},"schemaVersion":${r.schemaVersion}}`,
  );
  return `{"clientId":${str(clientId)},"ops":[${ops.join(',')}]}`;
}

/** One row as the op it is on the wire, as a value: what pushRequestJson writes for it. */
export function outboxOp(r: OutboxRow, seqBase = 0): SyncOp {
  return {
    seq: r.seq - seqBase,
    opId: r.opId,
    entity: r.entity,
    rowId: r.rowId,
    field: r.field,
    baseVersion: r.baseVersion,
    value: JSON.parse(r.newValue) as unknown,
    hlc: r.hlc,
    schemaVersion: r.schemaVersion,
  };
}
