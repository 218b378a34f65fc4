import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * A field where this device's edit and the server's disagreed (sync.md §5, ODK's HARD conflict). The server's
 * value is what the record shows; `mine` keeps this device's value until the user decides.
 */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    /** JSON of this device's value. */
    mine: text('mine').notNull(),
    /** JSON of the server's value when the conflict was found. */
    theirs: text('theirs').notNull(),
    serverVersion: integer('server_version').notNull(),
    detectedAt: text('detected_at').notNull(),
    resolvedAt: text('resolved_at'),
    resolution: text('resolution', { enum: ['mine', 'theirs', 'edited'] }),
  },
  (t) => [index('sync_conflicts_row_idx').on(t.entity, t.rowId), index('sync_conflicts_open_idx').on(t.resolvedAt)],
);

/**
 * An edit the server refused for good (rejected, or locked because the document was signed), or a pulled row this
 * device could not apply (quarantined: kept out of the local tables, the rest of the page applied).
 */
export const syncIssues = sqliteTable(
  'sync_issues',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    opId: text('op_id').notNull(),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    status: text('status', { enum: ['rejected', 'locked', 'quarantined'] }).notNull(),
    message: text('message').notNull(),
    /** JSON of the value that was not accepted, so the user can copy it into a new revision. */
    value: text('value').notNull(),
    createdAt: text('created_at').notNull(),
    dismissedAt: text('dismissed_at'),
  },
  (t) => [uniqueIndex('sync_issues_op_idx').on(t.opId)],
);

/** Signed documents (sync.md §7): a row here refuses every local change of that row (see the outbox trigger). */
export const syncSigned = sqliteTable(
  'sync_signed',
  {
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    version: integer('version').notNull(),
    hash: text('hash').notNull(),
    /** 'pending': signed here, not yet accepted by the server; 'accepted': the server holds the signature. */
    state: text('state', { enum: ['pending', 'accepted'] }).notNull(),
    signedAt: text('signed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entity, t.rowId] })],
);

/** Attachments by SHA-256 (sync.md §8), with their own upload queue: `uploaded` = 0 until the server has them. */
export const syncBlobs = sqliteTable('sync_blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  data: blob('data', { mode: 'buffer' }).notNull(),
  uploaded: integer('uploaded', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
});
