import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns.js';

/**
 * What is recorded per list item while a signed document is carried out (the plan's tasks: status, progress
 * notes, date done; ListDefinition.progress). Apart from `document_items` because a signed document's items are
 * locked (the signed-row guard) and its signature covers them: progress is neither. The row's id is the item's
 * id, so two devices recording the same task write one row and merge per field (`values.<key>`).
 */
export const documentItemProgress = sqliteTable(
  'document_item_progress',
  {
    ...syncColumns(),
    /** The document's sync entity (its table), e.g. 'plans'. */
    documentEntity: text('document_entity').notNull(),
    documentId: text('document_id').notNull(),
    listKey: text('list_key').notNull(),
    valuesJson: text('values_json').notNull().default('{}'),
  },
  (t) => [index('document_item_progress_document_idx').on(t.documentId)],
);
