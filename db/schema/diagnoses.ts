import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns.js';
import { incubators } from './incubators.js';

/**
 * Appendix A diagnoses: several per incubator over time. The form's values are one JSON map keyed by the
 * definition's field keys (adding a field needs no migration); every save still records one outbox op per
 * changed field (`values.<key>`), so sync merges field by field.
 */
export const diagnoses = sqliteTable(
  'diagnoses',
  {
    ...syncColumns(),
    incubatorId: text('incubator_id')
      .notNull()
      .references(() => incubators.id),
    status: text('status', { enum: ['draft', 'completed'] }).notNull().default('draft'),
    diagnosedOn: text('diagnosed_on'),
    consultants: text('consultants').notNull().default(''),
    ruleSetId: text('rule_set_id').notNull(),
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
  },
  (t) => [index('diagnoses_incubator_idx').on(t.incubatorId, t.diagnosedOn), index('diagnoses_deleted_idx').on(t.deletedAt), index('diagnoses_revision_of_idx').on(t.revisionOf)],
);

/** Recognition rule sets an agency made (copies of the built-in ones, edited, or loaded from a file). */
export const ruleSets = sqliteTable('rule_sets', {
  ...syncColumns(),
  name: text('name').notNull(),
  source: text('source').notNull().default(''),
  level: text('level').notNull().default(''),
  /** The rules, validated by the shared schema before every write. */
  rulesJson: text('rules_json').notNull(),
});
