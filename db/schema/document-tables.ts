// The table of each document kind. Typed by the registry's kinds: a kind without a table fails the typecheck.
import type { BuildColumns } from 'drizzle-orm';
import type { SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import type { DocumentKind } from '../../shared/forms/registry.js';
import type { documentColumns } from './document-columns.js';
import { diagnoses } from './diagnoses.js';
import { contracts } from './contracts.js';
import { plans } from './plans.js';
import { evaluations } from './evaluations.js';

/** Any table made with `documentColumns()` (and possibly more columns). */
export type DocumentTable = SQLiteTableWithColumns<{
  name: string;
  schema: undefined;
  columns: BuildColumns<string, ReturnType<typeof documentColumns>, 'sqlite'>;
  dialect: 'sqlite';
}>;

export const DOCUMENT_TABLES: { readonly [K in DocumentKind]: DocumentTable } = {
  diagnosis: diagnoses,
  contract: contracts,
  plan: plans,
  evaluation: evaluations,
};
