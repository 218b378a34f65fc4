// Issue 15.4, 15.5, 15.8: disabling a user, rehashing old password hashes, logs without values, passwords or
// hashes, refused HLC stamps, and 400 for malformed percent-encoding (server and app host).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID, scryptSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { startTestSyncServer, TEST_PASSWORD, type TestSyncServer } from '../support/sync-server.js';
import { openTestSyncClient } from '../support/sync-client.js';
import { openTestWorkbench } from '../support/workbench-fixture.js';
import { SyncHttp } from '../../core/sync/transport.js';
import { addUser, createAgencyWithHash, disableUser, enableUser } from '../../server/auth/accounts.js';
import { needsRehash } from '../../server/auth/passwords.js';
import { safeError } from '../../server/log-safety.js';
import { startHttpHost } from '../../core/http-host.js';
import { rowsOf } from '../../server/db/connect.js';
import { findMigrationsFolder, readSchemaVersion } from '../../db/migrations-folder.js';

/** The app's data version (one per migration): a push under an older one is refused as from an outdated app. */
const SCHEMA_VERSION = readSchemaVersion(findMigrationsFolder());

describe('accounts, logs and malformed input', () => {
  let server: TestSyncServer;
  const logLines: string[] = [];
  beforeAll(async () => {
    server = await startTestSyncServer({ logger: { level: 'info', stream: { write: (line: string) => void logLines.push(line) } } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('a disabled user cannot log in and their devices stop at once; enabling lets them log in again', async () => {
    const agency = await server.newAgency();
    const c = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    try {
      await c.engine.login({ serverUrl: 'https://sync.test', login: agency.login, password: TEST_PASSWORD });
      c.saveIncubator(undefined, { name: '河池停用测试' });
      expect(await disableUser(server.opened.db, agency.login)).toBe(1);
      await expect(c.engine.sync()).rejects.toMatchObject({ failure: 'unauthorized' });
      await expect(c.engine.login({ serverUrl: 'https://sync.test', login: agency.login, password: TEST_PASSWORD })).rejects.toMatchObject({ failure: 'unauthorized' });
      await enableUser(server.opened.db, agency.login);
      await c.engine.login({ serverUrl: 'https://sync.test', login: agency.login, password: TEST_PASSWORD });
      expect((await c.engine.sync()).applied).toBeGreaterThan(0);
    } finally {
      c.close();
    }
  });

  it('a hash made with older scrypt parameters is replaced by one at today’s parameters on the next login', async () => {
    const salt = randomBytes(16);
    const key = scryptSync(TEST_PASSWORD.normalize('NFC'), salt, 32, { N: 1 << 14, r: 8, p: 1 });
    const oldHash = `scrypt$${1 << 14}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(needsRehash(oldHash)).toBe(true);
    const login = `old-${randomUUID().slice(0, 8)}`;
    const { userId } = await createAgencyWithHash(server.opened.db, `旧哈希机构-${login}`, login, oldHash);
    const http = new SyncHttp({ baseUrl: 'http://sync.test', fetchImpl: server.injectFetch });
    await http.login({ login, password: TEST_PASSWORD, clientId: randomUUID() });
    const [row] = rowsOf<{ password_hash: string }>(await server.opened.db.execute(sql`select password_hash from users where id = ${userId}`));
    expect(row!.password_hash).not.toBe(oldHash);
    expect(needsRehash(row!.password_hash)).toBe(false);
    expect(row!.password_hash).toMatch(/^scrypt\$32768\$8\$3\$/);
    // The new hash still takes the password.
    await expect(http.login({ login, password: TEST_PASSWORD, clientId: randomUUID() })).resolves.toMatchObject({ login });
  });

  it('logs carry no field value, password or hash — not even from a failed query', async () => {
    const agency = await server.newAgency();
    const c = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    try {
      c.connect('http://sync.test', await server.deviceToken(agency.userId, c.clientId), agency.agencyId);
      c.saveIncubator(undefined, { name: '秘密名称-梧州', legalRep: '秘密法人-甲' });
      await c.engine.sync();
      const http = new SyncHttp({ baseUrl: 'http://sync.test', fetchImpl: server.injectFetch });
      await expect(http.login({ login: agency.login, password: 'typed-secret-password', clientId: 'x' })).rejects.toMatchObject({ failure: 'unauthorized' });
      // A duplicate login: drizzle's error quotes the statement's parameters, the new password hash among them.
      const [named] = rowsOf<{ name: string }>(await server.opened.db.execute(sql`select name from agencies where id = ${agency.agencyId}`));
      const dup = await addUser(server.opened.db, named!.name, agency.login, 'another-password-1').catch((e: unknown) => e);
      expect(String((dup as Error).message)).toContain('scrypt$');
      const shown = JSON.stringify(safeError(dup));
      expect(shown).not.toContain('scrypt$');
      expect(safeError(dup)).toMatchObject({ code: '23505' });
      const all = logLines.join('\n');
      expect(all).toContain('"msg":"push"');
      expect(all).toContain('login refused');
      for (const secret of ['秘密名称', '秘密法人', 'typed-secret-password', 'scrypt$', TEST_PASSWORD]) expect(all).not.toContain(secret);
    } finally {
      c.close();
    }
  });

  it('an HLC stamp that does not parse is refused per op (400); the rest of the batch applies', async () => {
    const agency = await server.newAgency();
    const clientId = randomUUID();
    const http = new SyncHttp({ baseUrl: 'http://sync.test', token: await server.deviceToken(agency.userId, clientId), fetchImpl: server.injectFetch });
    const op = (seq: number, hlc: string) => ({ seq, opId: randomUUID(), entity: 'incubators', rowId: 'h1', field: `values.f${seq}`, baseVersion: 0, value: 'x', hlc, schemaVersion: SCHEMA_VERSION });
    const res = await http.push({ clientId, ops: [op(1, 'yesterday'), op(2, '2026-99-99T99:99:99.999Z-0000-x'), op(3, `${new Date().toISOString()}-0000-${clientId}`)] });
    expect(res.lastSeq).toBe(3);
    expect(res.results.map((r) => [r.seq, r.status, r.code])).toEqual([
      [1, 'rejected', 400],
      [2, 'rejected', 400],
    ]);
  });

  it('malformed percent-encoding is 400 on the sync server and on the app host, never 500', async () => {
    for (const url of ['/v1/blobs/%E0%A4%A', '/v1/%zz', '/v1/health%']) {
      const r = await server.app.inject({ method: 'GET', url });
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ error: { kind: 'bad-request' } });
    }
    const t = openTestWorkbench();
    const staticDir = mkdtempSync(join(tmpdir(), 'wb-static-'));
    const host = await startHttpHost({ router: t.router, staticDir, port: 0 });
    try {
      for (const path of ['%E0%A4%A', 'rpc/%zz']) {
        const r = await fetch(`${host.url}${path}`, { method: path.startsWith('rpc') ? 'POST' : 'GET', headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' }, body: path.startsWith('rpc') ? '{}' : null });
        expect(r.status).toBe(400);
      }
    } finally {
      await host.close();
      t.cleanup();
      rmSync(staticDir, { recursive: true, force: true });
    }
  });
});
