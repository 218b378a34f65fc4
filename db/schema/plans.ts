import { index, sqliteTable } from 'drizzle-orm/sqlite-core';
import { documentColumns } from './document-columns.js';

/** Appendix C cultivation plans: one per incubator, revised by mutual consent (a new row per revision). */
export const plans = sqliteTable('plans', { ...documentColumns() }, (t) => [
  index('plans_incubator_idx').on(t.incubatorId),
  index('plans_deleted_idx').on(t.deletedAt),
  index('plans_revision_of_idx').on(t.revisionOf),
]);
