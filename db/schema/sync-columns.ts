import { integer, text } from 'drizzle-orm/sqlite-core';

/**
 * Columns every synced table carries. `version` is the server's row version this client last saw (0 = never
 * synced); local edits do not bump it, so it is the base an outbox op was made against. A delete is a
 * tombstone: `deleted_at` is set, the row stays.
 */
export function syncColumns() {
  return {
    id: text('id').primaryKey(),
    version: integer('version').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  };
}
