import { integer, text } from 'drizzle-orm/sqlite-core';
import { DOCUMENT_STATUSES } from '../../shared/forms/document-definition.js';
import { syncColumns } from './sync-columns.js';
import { incubators } from './incubators.js';

/**
 * The columns every document table carries (docs/documents.md §Storage): one table per document kind, all with
 * this column set, so the generic repository reads and writes any of them. The form's values are one JSON map
 * keyed by the definition's field keys (adding a field needs no migration); every save still records one outbox
 * op per changed field (`values.<key>`), so sync merges field by field. A definition field may instead live in a
 * column of its own when the table has one with the same key (Appendix A's date, consultants and rule set always
 * had theirs; a contract number could have one with a unique index).
 */
export function documentColumns() {
  return {
    ...syncColumns(),
    incubatorId: text('incubator_id')
      .notNull()
      .references(() => incubators.id),
    status: text('status', { enum: DOCUMENT_STATUSES }).notNull().default('draft'),
    valuesJson: text('values_json').notNull().default('{}'),
    completedAt: text('completed_at'),
    /**
     * Revisions (sync.md §7): a change after signing is a new row superseding the signed one. All null on a first
     * version, so rows made before revisions existed hash (and sign) the same.
     */
    revisionOf: text('revision_of'),
    /** 2, 3, …; null means the first version. */
    revision: integer('revision'),
    revisionReason: text('revision_reason'),
    /** The copy of the incubator header (7.3): `{ takenAt, values }`; null on documents made before copies existed. */
    headerJson: text('header_json'),
    /** The copy of the agency profile, for definitions that print it. */
    agencyJson: text('agency_json'),
  };
}
