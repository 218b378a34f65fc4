import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';

export type ServerDb = PgDatabase<PgQueryResultHKT, typeof schema>;
export type ServerTx = Parameters<Parameters<ServerDb['transaction']>[0]>[0];
export type Sql = ServerDb | ServerTx;

export interface OpenedServerDb {
  db: ServerDb;
  kind: 'postgres' | 'pglite';
  describe: string;
  close(): Promise<void>;
}

/** Finds server/migrations from the source tree or from dist/node (the bundled server). */
export function findServerMigrations(startDir = dirname(fileURLToPath(import.meta.url))): string {
  const override = process.env.SERVER_MIGRATIONS_DIR;
  if (override) return override;
  let dir = startDir;
  for (let i = 0; i < 8; i++) {
    for (const c of [join(dir, 'migrations'), join(dir, 'server', 'migrations'), join(dir, 'server-migrations')]) {
      if (existsSync(join(c, 'meta', '_journal.json'))) return c;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('找不到同步服务器的数据库迁移文件（server/migrations）。');
}

export type ServerDbConfig = { databaseUrl: string; poolSize?: number; timeouts?: Partial<DbTimeouts> } | { dataDir: string };

/**
 * Time limits of every pooled connection (docs/sync.md §Instances): one frozen instance holding an agency's push
 * lock must not stall that agency on every other instance. A request that hits one is answered 503 `busy`, and the
 * client retries by itself.
 */
export interface DbTimeouts {
  /** Waiting for a row or advisory lock (the per-agency push lock). */
  lockMs: number;
  statementMs: number;
  /** A transaction left open by a frozen or killed instance is ended by PostgreSQL, its locks released. */
  idleInTransactionMs: number;
  /** Waiting for a free pooled connection. */
  connectMs: number;
}

export const DEFAULT_DB_TIMEOUTS: DbTimeouts = { lockMs: 5_000, statementMs: 30_000, idleInTransactionMs: 60_000, connectMs: 10_000 };

/** Migrations from every instance starting at once run one at a time: the others wait, then find nothing to do. */
const MIGRATION_LOCK = 7_453_2023;

/**
 * PostgreSQL through node-postgres when a URL is given; otherwise PGlite (PostgreSQL compiled to WASM) in
 * `dataDir`, so a small agency runs one process with no database server, in the same SQL dialect.
 */
export async function openServerDb(config: ServerDbConfig): Promise<OpenedServerDb> {
  const migrationsFolder = findServerMigrations();
  if ('databaseUrl' in config) {
    const pg = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    const t = { ...DEFAULT_DB_TIMEOUTS, ...config.timeouts };
    const pool = new pg.default.Pool({
      connectionString: config.databaseUrl,
      max: config.poolSize ?? 10,
      // One connection stays open while idle: the first push after a quiet spell does not pay for a new connection.
      min: 1,
      connectionTimeoutMillis: t.connectMs,
      idleTimeoutMillis: 30_000,
      lock_timeout: t.lockMs,
      statement_timeout: t.statementMs,
      idle_in_transaction_session_timeout: t.idleInTransactionMs,
    });
    pool.on('error', () => {
      /* an idle client lost its connection; the pool replaces it */
    });
    const db = drizzle(pool, { schema });
    // Under a session advisory lock on one connection, without the request time limits (a migration may wait).
    const client = await pool.connect();
    try {
      await client.query('set lock_timeout = 0; set statement_timeout = 0');
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await migrate(drizzle(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      client.release(true);
    }
    return {
      db: db as unknown as ServerDb,
      kind: 'postgres',
      describe: `PostgreSQL ${new URL(config.databaseUrl).host}`,
      close: () => pool.end(),
    };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const releaseLock = lockDataDir(config.dataDir);
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = new PGlite(join(config.dataDir, 'pgdata'));
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return {
    db: db as unknown as ServerDb,
    kind: 'pglite',
    describe: `PGlite ${config.dataDir}`,
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it. A lock file with
 * the owner's pid keeps `admin` commands away from a running server (a stale lock of a dead process is taken over).
 */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      const release = () => rmSync(file, { force: true });
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8'));
      if (pid !== process.pid && processAlive(pid)) {
        throw new Error(`数据文件夹 ${dataDir} 正被另一个同步服务器进程（${pid}）使用：请先停止它再运行管理命令，或用 DATABASE_URL 改用 PostgreSQL。`, { cause: e });
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`无法锁定数据文件夹 ${dataDir}。`);
}

/** Rows of a raw `execute` result (node-postgres and PGlite both answer with `.rows`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
