import { index, text, sqliteTable } from 'drizzle-orm/sqlite-core';
import { documentColumns } from './document-columns.js';

/**
 * Appendix B contracts: the documents module's columns, and the contract number in a column of its own so it can
 * be looked up (docs/contract-numbers.md). Not a unique index: a number is unique by construction (a device code in
 * the pattern), and the service refuses a duplicate typed by hand next to the field; a unique index would instead
 * make a pull that brings the one possible clash (two devices before their first login) fail as a whole.
 */
export const contracts = sqliteTable(
  'contracts',
  {
    ...documentColumns(),
    contractNo: text('contract_no').notNull().default(''),
  },
  (t) => [index('contracts_incubator_idx').on(t.incubatorId), index('contracts_number_idx').on(t.contractNo), index('contracts_deleted_idx').on(t.deletedAt)],
);
