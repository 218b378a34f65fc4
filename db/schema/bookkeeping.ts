import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Small settings of this installation: client id, HLC state, last backup day. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Every local change, one row per changed field, committed in the same transaction as the change (sync.md §1).
 * `seq` numbers this client's ops; the sync client pushes them in that order and deletes them once acknowledged.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    opId: text('op_id').notNull().unique(),
    clientId: text('client_id').notNull(),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    baseVersion: integer('base_version').notNull(),
    /** JSON of the new value. */
    newValue: text('new_value').notNull(),
    hlc: text('hlc').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('outbox_row_idx').on(t.entity, t.rowId, t.field)],
);

/** What happened, for people: shown as history and used to undo a delete. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    action: text('action', { enum: ['create', 'update', 'delete', 'restore'] }).notNull(),
    summary: text('summary').notNull(),
    /** JSON of the changed fields before and after. */
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('audit_row_idx').on(t.entity, t.rowId), index('audit_at_idx').on(t.at)],
);
