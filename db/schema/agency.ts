import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns.js';

/** The agency's own profile: one row per workbench. */
export const agencyProfile = sqliteTable('agency_profile', {
  ...syncColumns(),
  name: text('name').notNull().default(''),
  address: text('address').notNull().default(''),
  phone: text('phone').notNull().default(''),
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
