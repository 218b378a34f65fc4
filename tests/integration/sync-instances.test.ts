// docs/sync.md §Instances, issue 15.9: several server processes on one PostgreSQL — migrations started together,
// clients alternating between instances, login limits shared, and a frozen lock holder answered with a retryable
// 503 instead of stalling everyone.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, serverDump, startTestSyncServer, TEST_PASSWORD, type TestSyncServer } from '../support/sync-server.js';
import { clientDump, openTestSyncClient, type TestSyncClient } from '../support/sync-client.js';
import { openServerDb, rowsOf } from '../../server/db/connect.js';
import { sql } from 'drizzle-orm';
import { SyncHttp, SyncTransportError } from '../../core/sync/transport.js';
import { pendingOpCount } from '../../db/repositories/sync-state-repository.js';

describe('several instances on one database', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('instances started together migrate one at a time: every start succeeds', async () => {
    for (let round = 0; round < 3; round++) {
      const db = await createTestDatabase('race');
      cleanups.push(db.drop);
      const opened = await Promise.all([0, 1, 2].map(() => openServerDb({ databaseUrl: db.url, poolSize: 2 })));
      const [id] = rowsOf<{ value: string }>(await opened[0]!.db.execute(sql`select value from server_meta where key = 'server_id'`));
      expect(id!.value).toMatch(/^[0-9a-f-]{36}$/);
      for (const o of opened) await o.close();
    }
  });

  it('clients alternating between two instances converge; login limits hold across instances', async () => {
    const db = await createTestDatabase('two');
    cleanups.push(db.drop);
    const limits = { perAccount: 2, perAddress: 50, windowMs: 60_000 };
    const [one, two] = await Promise.all([
      startTestSyncServer({ dbUrl: db.url, loginLimits: limits }),
      startTestSyncServer({ dbUrl: db.url, loginLimits: limits }),
    ]);
    cleanups.push(() => one!.close(), () => two!.close());
    const agency = await one!.newAgency();
    const instances: TestSyncServer[] = [one!, two!];
    // Each client goes through whichever instance the balancer picks: here, alternately.
    let turn = 0;
    const balanced = ((input: string | URL | Request, init?: RequestInit) => instances[turn++ % 2]!.injectFetch(input, init)) as typeof fetch;
    const clients: TestSyncClient[] = [];
    for (let i = 0; i < 3; i++) {
      const c = openTestSyncClient({ engine: { fetchImpl: balanced } });
      c.connect('http://sync.test', await one!.deviceToken(agency.userId, c.clientId), agency.agencyId);
      clients.push(c);
    }
    try {
      const id = clients[0]!.saveIncubator(undefined, { name: '防城港双实例孵化器' });
      await clients[0]!.engine.sync();
      for (const [i, c] of clients.entries()) {
        await c.engine.sync();
        c.saveIncubator(id, [{ legalRep: '甲' }, { contactName: '乙' }, { industry: '丙' }][i]!);
        c.saveIncubator(undefined, { name: `第${i}台新建` });
      }
      for (let r = 0; r < 2; r++) for (const c of clients) await c.engine.sync();
      const server = await serverDump(one!, agency.agencyId);
      for (const c of clients) {
        expect(pendingOpCount(c.opened.db)).toBe(0);
        expect(clientDump(c)).toEqual(server);
      }
      expect(clients[2]!.incubator(id)).toMatchObject({ legalRep: '甲', contactName: '乙', industry: '丙' });
      // Failed logins on one instance count on the other.
      const viaOne = new SyncHttp({ baseUrl: 'http://sync.test', fetchImpl: one!.injectFetch });
      const viaTwo = new SyncHttp({ baseUrl: 'http://sync.test', fetchImpl: two!.injectFetch });
      await expect(viaOne.login({ login: agency.login, password: 'bad-1', clientId: 'x' })).rejects.toMatchObject({ failure: 'unauthorized' });
      await expect(viaTwo.login({ login: agency.login, password: 'bad-2', clientId: 'x' })).rejects.toMatchObject({ failure: 'unauthorized' });
      await expect(viaOne.login({ login: agency.login, password: TEST_PASSWORD, clientId: 'x' })).rejects.toMatchObject({ failure: 'rate-limited' });
    } finally {
      for (const c of clients) c.close();
    }
  });

  it('an instance frozen while holding an agency’s push lock: others answer 503 busy (retryable) and recover', async () => {
    const server = await startTestSyncServer({ dbTimeouts: { lockMs: 300 } });
    cleanups.push(() => server.close());
    const agency = await server.newAgency();
    const c = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    c.connect('http://sync.test', await server.deviceToken(agency.userId, c.clientId), agency.agencyId);
    c.saveIncubator(undefined, { name: '贺州锁超时孵化器' });
    // The frozen instance: a transaction holding the agency's push lock, never finishing.
    const frozen = new pg.Client({ connectionString: server.dbUrl });
    await frozen.connect();
    try {
      await frozen.query('begin');
      await frozen.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [agency.agencyId]);
      const err = await c.engine.sync().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SyncTransportError);
      expect((err as SyncTransportError).failure).toBe('busy');
      expect((err as SyncTransportError).status).toBe(503);
      expect((err as SyncTransportError).transient).toBe(true);
      expect(pendingOpCount(c.opened.db)).toBeGreaterThan(0);
      await frozen.query('rollback');
      expect((await c.engine.sync()).applied).toBeGreaterThan(0);
      expect(pendingOpCount(c.opened.db)).toBe(0);
    } finally {
      await frozen.end();
      c.close();
    }
  });
});
