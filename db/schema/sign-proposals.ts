import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns.js';

/**
 * Edits that raced a signature (docs/sync.md §Signing): made by the sync server when it restores a signed version
 * over another device's edit, or refuses an edit of a signed document. Synced like any row, so every device shows
 * them on the document's page, where one can become a new revision (`documents.adoptProposal`). `proposed` holds the
 * displaced values by wire field (`values.<key>`, or a column's key).
 */
export const signProposals = sqliteTable(
  'sign_proposals',
  {
    ...syncColumns(),
    /** The signed document's sync entity (its table), e.g. 'diagnoses'. */
    documentEntity: text('document_entity').notNull(),
    documentId: text('document_id').notNull(),
    signedVersion: integer('signed_version'),
    /** The device whose edit it was. */
    fromClient: text('from_client').notNull(),
    /** 'raced': applied on the server before the signature arrived; 'after-sign': sent after the signature. */
    reason: text('reason').notNull(),
    proposedJson: text('proposed_json').notNull().default('{}'),
    proposedAt: text('proposed_at').notNull(),
    resolvedAt: text('resolved_at'),
    /** 'revision' (a new revision was made from it) or 'dismissed'. */
    resolution: text('resolution'),
  },
  (t) => [index('sign_proposals_document_idx').on(t.documentId)],
);
