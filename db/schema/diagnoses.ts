import { index, text, sqliteTable } from 'drizzle-orm/sqlite-core';
import { documentColumns } from './document-columns.js';

/**
 * Appendix A diagnoses: several per incubator over time. The table and its sync entity keep their name, so no
 * server data moved when documents became one module. Its three meta fields keep the columns they always had
 * (the generic repository stores a definition field in a column of the same key when the table has one).
 */
export const diagnoses = sqliteTable(
  'diagnoses',
  {
    ...documentColumns(),
    diagnosedOn: text('diagnosed_on'),
    consultants: text('consultants').notNull().default(''),
    ruleSetId: text('rule_set_id').notNull(),
  },
  (t) => [index('diagnoses_incubator_idx').on(t.incubatorId, t.diagnosedOn), index('diagnoses_deleted_idx').on(t.deletedAt), index('diagnoses_revision_of_idx').on(t.revisionOf)],
);
