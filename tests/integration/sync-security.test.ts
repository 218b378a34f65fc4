// Login with a password and device tokens, the login rate limit, the request size limit, and clock drift
// (sync.md §4, §10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, startTestSyncServer, type TestSyncServer } from '../support/sync-server.js';
import { openTestSyncClient } from '../support/sync-client.js';
import { SyncHttp, SyncTransportError } from '../../core/sync/transport.js';
import { HlcError } from '../../shared/sync/hlc.js';
import { pendingOpCount } from '../../db/repositories/sync-state-repository.js';

const d = describe;

d('accounts, limits and clocks', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer({ loginLimits: { perAccount: 2, perAddress: 6, windowMs: 60_000 }, bodyLimit: 64 * 1024 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('logs in with a password, gets its own token per device; failed logins lock that account only', async () => {
    const agency = await server.newAgency();
    const other = await server.newAgency();
    const c = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    await expect(c.engine.login({ serverUrl: 'https://sync.test', login: agency.login, password: 'wrong' })).rejects.toMatchObject({ failure: 'unauthorized' });
    const r = await c.engine.login({ serverUrl: 'https://sync.test', login: agency.login, password: TEST_PASSWORD });
    expect(r.agencyName).toContain('机构');
    c.saveIncubator(undefined, { name: '崇左孵化器' });
    expect((await c.engine.sync()).applied).toBeGreaterThan(0);
    // Two wrong passwords within the window: the account is locked, even for the right password…
    const http = new SyncHttp({ baseUrl: 'http://sync.test', fetchImpl: server.injectFetch });
    for (const password of ['x', 'y']) await expect(http.login({ login: agency.login, password, clientId: 'c' })).rejects.toMatchObject({ failure: 'unauthorized' });
    await expect(http.login({ login: agency.login, password: TEST_PASSWORD, clientId: 'c' })).rejects.toMatchObject({ failure: 'rate-limited' });
    // …while another account from the same address still logs in.
    await expect(http.login({ login: other.login, password: TEST_PASSWORD, clientId: 'c2' })).resolves.toMatchObject({ agencyId: other.agencyId });
    c.close();
  });

  it('refuses oversized requests', async () => {
    const agency = await server.newAgency();
    const c = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    c.connect('http://sync.test', await server.deviceToken(agency.userId, c.clientId), agency.agencyId);
    c.saveIncubator(undefined, { name: '大'.repeat(40_000) });
    await expect(c.engine.sync()).rejects.toMatchObject({ failure: 'too-large' });
    expect(pendingOpCount(c.opened.db)).toBeGreaterThan(0);
    c.close();
  });

  it('a batch over the size limit is resent in smaller batches', async () => {
    const agency = await server.newAgency();
    const c = openTestSyncClient({ engine: { fetchImpl: server.injectFetch, pushBatch: 500 } });
    c.connect('http://sync.test', await server.deviceToken(agency.userId, c.clientId), agency.agencyId);
    for (let i = 0; i < 60; i++) c.saveIncubator(undefined, { name: `孵化器${i}`, registeredAddress: '地址'.repeat(300) });
    const r = await c.engine.sync();
    expect(r.applied).toBe(r.pushed);
    expect(pendingOpCount(c.opened.db)).toBe(0);
    c.close();
  });

  it('clock drift beyond 5 minutes is an error the user sees, both ways; nothing is lost', async () => {
    const agency = await server.newAgency();
    const ahead = openTestSyncClient({ engine: { fetchImpl: server.injectFetch }, now: () => new Date(Date.now() + 10 * 60_000) });
    ahead.connect('http://sync.test', await server.deviceToken(agency.userId, ahead.clientId), agency.agencyId);
    ahead.saveIncubator(undefined, { name: '来宾孵化器' });
    const e = await ahead.engine.sync().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SyncTransportError);
    expect((e as SyncTransportError).failure).toBe('clock-drift');
    expect(ahead.engine.lastError()?.message).toContain('校准');
    expect(pendingOpCount(ahead.opened.db)).toBeGreaterThan(0);

    const behind = openTestSyncClient({ engine: { fetchImpl: server.injectFetch }, now: () => new Date(Date.now() - 10 * 60_000) });
    behind.connect('http://sync.test', await server.deviceToken(agency.userId, behind.clientId), agency.agencyId);
    const e2 = await behind.engine.sync().catch((x: unknown) => x);
    expect(e2).toBeInstanceOf(HlcError);
    expect(behind.engine.lastError()).toMatchObject({ kind: 'clock-drift' });
    ahead.close();
    behind.close();
  });
});
