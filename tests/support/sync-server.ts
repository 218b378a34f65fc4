// A sync server for tests: a fresh PostgreSQL database on TEST_DATABASE_URL (scripts/with-test-postgres.sh)
// per test file, the real migrations, the real Fastify app.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { openServerDb, type DbTimeouts, type OpenedServerDb } from '../../server/db/connect.js';
import { buildSyncServer, type SyncServerOptions } from '../../server/app.js';
import { createAgencyWithHash, issueDeviceToken } from '../../server/auth/accounts.js';
import { hashPassword } from '../../server/auth/passwords.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? '';
// Server tests need a real PostgreSQL. Without one they fail (they are never skipped): run them through
// scripts/with-test-postgres.sh, as scripts/test.sh does.
if (!TEST_DATABASE_URL) {
  throw new Error('TEST_DATABASE_URL is not set: the sync server tests need PostgreSQL. Run: bash scripts/with-test-postgres.sh npx vitest run');
}

/** Creates an empty database on the test cluster and returns its URL. */
export async function createTestDatabase(prefix = 'sync'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

let cachedHash: Promise<string> | null = null;
export const TEST_PASSWORD = 'correct horse 123';
export function testPasswordHash(): Promise<string> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
}

export interface TestSyncServer {
  app: FastifyInstance;
  opened: OpenedServerDb;
  dbUrl: string;
  /** http://127.0.0.1:port when listening, else '' (inject only). */
  url: string;
  /** A fetch that goes through fastify.inject: no sockets, fast (for the 1 000-run property test). */
  injectFetch: typeof fetch;
  newAgency(name?: string): Promise<{ agencyId: string; userId: string; login: string }>;
  deviceToken(userId: string, clientId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestSyncServer(
  options: Partial<Omit<SyncServerOptions, 'db'>> & { listen?: boolean; dbUrl?: string; dbTimeouts?: Partial<DbTimeouts> } = {},
): Promise<TestSyncServer> {
  const created = options.dbUrl ? null : await createTestDatabase();
  const dbUrl = options.dbUrl ?? created!.url;
  const opened = await openServerDb({ databaseUrl: dbUrl, poolSize: 8, ...(options.dbTimeouts ? { timeouts: options.dbTimeouts } : {}) });
  const app = await buildSyncServer({ logger: { level: process.env.SYNC_TEST_LOG ?? 'error' }, ...options, db: opened.db });
  let url = '';
  if (options.listen) url = await app.listen({ host: '127.0.0.1', port: 0 });
  else await app.ready();
  const injectFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const u = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const body = init?.body;
    const payload = body === undefined || body === null ? undefined : typeof body === 'string' ? body : Buffer.from(body as Uint8Array);
    const res = await app.inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: u.pathname + u.search,
      headers,
      ...(payload !== undefined ? { payload } : {}),
    });
    const outHeaders = new Headers();
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) outHeaders.set(k, String(v));
    const nullBody = res.statusCode === 204 || res.statusCode === 304 || (init?.method ?? 'GET') === 'HEAD';
    return new Response(nullBody ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers: outHeaders });
  }) as typeof fetch;
  let n = 0;
  return {
    app,
    opened,
    dbUrl,
    url,
    injectFetch,
    async newAgency(name) {
      n += 1;
      const login = `user-${randomUUID().slice(0, 8)}`;
      const a = await createAgencyWithHash(opened.db, name ?? `机构-${n}-${randomUUID().slice(0, 6)}`, login, await testPasswordHash());
      return { ...a, login };
    },
    async deviceToken(userId, clientId) {
      return (await issueDeviceToken(opened.db, { userId, clientId })).token;
    },
    async close() {
      await app.close();
      await opened.close();
      await created?.drop();
    },
  };
}

/** What the server holds for an agency, in the same shape as clientDump. */
export async function serverDump(server: TestSyncServer, agencyId: string): Promise<Record<string, Record<string, unknown>>> {
  const { sql } = await import('drizzle-orm');
  const { rowsOf } = await import('../../server/db/connect.js');
  const rows = rowsOf<{ entity: string; row_id: string; fields: Record<string, unknown>; deleted_at: string | null; signed_hash: string | null }>(
    await server.opened.db.execute(sql`select entity, row_id, fields, deleted_at, signed_hash from records where agency_id = ${agencyId}`),
  );
  const out: Record<string, Record<string, unknown>> = {};
  for (const r of rows) {
    const fields = Object.fromEntries(Object.entries(r.fields).filter(([, v]) => v !== null && v !== undefined));
    out[`${r.entity}/${r.row_id}`] = { fields, deletedAt: r.deleted_at, signed: r.signed_hash };
  }
  return out;
}
