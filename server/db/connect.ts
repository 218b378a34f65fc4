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

export type ServerDbConfig = { databaseUrl: string; poolSize?: number } | { dataDir: string };

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
    const pool = new pg.default.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 });
    pool.on('error', () => {
      /* an idle client lost its connection; the pool replaces it */
    });
    const db = drizzle(pool, { schema });
    await migrate(db, { migrationsFolder });
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
