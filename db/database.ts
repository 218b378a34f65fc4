import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema/index.js';

export type WorkbenchDb = BetterSQLite3Database<typeof schema>;
export type SqliteHandle = Database.Database;
/** A drizzle transaction: repositories accept either it or the database, so calls compose inside one transaction. */
export type DbTx = Parameters<Parameters<WorkbenchDb['transaction']>[0]>[0];
export type Executor = WorkbenchDb | DbTx;

export interface OpenedDatabase {
  sqlite: SqliteHandle;
  db: WorkbenchDb;
  file: string;
  schemaVersion: number;
}

export function wrapDrizzle(sqlite: SqliteHandle): WorkbenchDb {
  return drizzle(sqlite, { schema });
}

/** The connection under a drizzle database, for prepared statements a hot path reuses (core/sync/pulled-rows.ts). */
export function sqliteOf(db: WorkbenchDb): SqliteHandle {
  return (db as WorkbenchDb & { $client: SqliteHandle }).$client;
}

export { Database, schema };
