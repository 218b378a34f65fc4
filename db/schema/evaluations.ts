import { index, sqliteTable } from 'drizzle-orm/sqlite-core';
import { documentColumns } from './document-columns.js';

/** Appendix D evaluations (培育效果评价表): every field in the values map, nothing of its own (docs/evaluation.md). */
export const evaluations = sqliteTable('evaluations', { ...documentColumns() }, (t) => [
  index('evaluations_incubator_idx').on(t.incubatorId),
  index('evaluations_deleted_idx').on(t.deletedAt),
  index('evaluations_revision_of_idx').on(t.revisionOf),
]);
