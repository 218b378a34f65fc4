import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema/index.js';
import { withStatementCache } from './statement-cache.js';

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

const connections = new WeakMap<WorkbenchDb, SqliteHandle>();

/** Drizzle over the connection, its statements reused by SQL text (db/statement-cache.ts). */
export function wrapDrizzle(sqlite: SqliteHandle): WorkbenchDb {
  const db = drizzle(withStatementCache(sqlite), { schema });
  connections.set(db, sqlite);
  return db;
}

/** The connection under a drizzle database, for prepared statements a hot path manages itself (core/sync/pulled-rows.ts). */
export function sqliteOf(db: WorkbenchDb): SqliteHandle {
  const sqlite = connections.get(db);
  if (!sqlite) throw new Error('not a database made by wrapDrizzle');
  return sqlite;
}

export { Database, schema };
