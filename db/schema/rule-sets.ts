import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns.js';

/** Recognition rule sets an agency made (copies of the built-in ones, edited, or loaded from a file). */
export const ruleSets = sqliteTable('rule_sets', {
  ...syncColumns(),
  name: text('name').notNull(),
  source: text('source').notNull().default(''),
  level: text('level').notNull().default(''),
  /** The rules, validated by the shared schema before every write. */
  rulesJson: text('rules_json').notNull(),
  /** The built-in set and version this copy was made from: corrections of newer versions are offered. */
  basedOnId: text('based_on_id'),
  basedOnVersion: integer('based_on_version'),
});
