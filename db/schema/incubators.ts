import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns.js';

export const incubators = sqliteTable(
  'incubators',
  {
    ...syncColumns(),
    name: text('name').notNull(),
    operator: text('operator').notNull().default(''),
    creditCode: text('credit_code').notNull().default(''),
    registeredOn: text('registered_on'),
    operatingSince: text('operating_since'),
    legalRep: text('legal_rep').notNull().default(''),
    registeredCapital: real('registered_capital'),
    registeredAddress: text('registered_address').notNull().default(''),
    orgNature: text('org_nature', { enum: ['事业单位', '国有企业', '民营企业', '其他'] }),
    incubatorType: text('incubator_type', { enum: ['专业型', '综合型'] }),
    industry: text('industry').notNull().default(''),
    reportedTorchStats: integer('reported_torch_stats', { mode: 'boolean' }),
    contactName: text('contact_name').notNull().default(''),
    contactMobile: text('contact_mobile').notNull().default(''),
    /** Lower-cased name, code, operator and their pinyin initials: what search matches. Derived, not synced. */
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [index('incubators_name_idx').on(t.name), index('incubators_deleted_idx').on(t.deletedAt)],
);
