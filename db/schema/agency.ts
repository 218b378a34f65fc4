import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns.js';

/**
 * The agency's own profile: one row per workbench. One column per field of `agencyProfileFields`
 * (shared/domain/agency.ts); the repository maps them by key, and a test checks every field has its column.
 */
export const agencyProfile = sqliteTable('agency_profile', {
  ...syncColumns(),
  name: text('name').notNull().default(''),
  creditCode: text('credit_code').notNull().default(''),
  legalRep: text('legal_rep').notNull().default(''),
  domicile: text('domicile').notNull().default(''),
  /** 「通讯地址」. */
  address: text('address').notNull().default(''),
  phone: text('phone').notNull().default(''),
  fax: text('fax').notNull().default(''),
  bankName: text('bank_name').notNull().default(''),
  bankAddress: text('bank_address').notNull().default(''),
  bankAccount: text('bank_account').notNull().default(''),
  /** 「合同编号规则」: empty means the default pattern. */
  contractNoPattern: text('contract_no_pattern').notNull().default(''),
});

/** Service staff are rows with their own ids and an order key, so two editors never overwrite a whole list. */
export const agencyStaff = sqliteTable('agency_staff', {
  ...syncColumns(),
  name: text('name').notNull().default(''),
  title: text('title').notNull().default(''),
  isServiceStaff: integer('is_service_staff', { mode: 'boolean' }).notNull().default(true),
  incubatorYears: real('incubator_years'),
  phone: text('phone').notNull().default(''),
  orderKey: text('order_key').notNull(),
});
