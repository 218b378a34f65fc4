import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns.js';

/**
 * The items of every document's repeating lists (instalments, numbered lists, tasks, budget lines): each its own
 * row with a UUID and an order key (sync.md §1: never a JSON array two people overwrite wholesale). Values are a
 * JSON map synced per key (`values.<key>`), like a document's. A signed document's items are locked by a trigger.
 */
export const documentItems = sqliteTable(
  'document_items',
  {
    ...syncColumns(),
    /** The document's sync entity (its table), e.g. 'diagnoses'. */
    documentEntity: text('document_entity').notNull(),
    documentId: text('document_id').notNull(),
    /** The list's key in the definition. */
    listKey: text('list_key').notNull(),
    /** Fractional index: moving an item changes its key only, so two devices reordering merge. */
    orderKey: text('order_key').notNull(),
    valuesJson: text('values_json').notNull().default('{}'),
  },
  (t) => [index('document_items_document_idx').on(t.documentId, t.listKey, t.orderKey)],
);
