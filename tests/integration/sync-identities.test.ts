// docs/sync.md §Identities, issue 15.1: a device whose history went back (a restored backup, an old copy of its
// data folder) or that logs in again under another URL never has an edit acknowledged and dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestSyncServer, TEST_PASSWORD, type TestSyncServer } from '../support/sync-server.js';
import { openTestSyncClient } from '../support/sync-client.js';
import { sampleIncubator } from '../support/sample-incubator.js';
import { incubatorValuesSchema, type IncubatorValues } from '../../shared/domain/incubator.js';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { pendingOpCount, listOpenConflicts, readSyncSettings } from '../../db/repositories/sync-state-repository.js';
import { makeTempDir } from '../../db/testing/test-database.js';
import { SyncHttp, SyncTransportError } from '../../core/sync/transport.js';

describe('restore and re-login against PostgreSQL', () => {
  let server: TestSyncServer;
  const opened: TestWorkbench[] = [];
  beforeAll(async () => {
    server = await startTestSyncServer({ listen: true });
  });
  afterAll(async () => {
    for (const t of opened) t.cleanup();
    await server?.close();
  });

  function workbench(): TestWorkbench {
    const t = openTestWorkbench();
    opened.push(t);
    return t;
  }

  let made = 0;
  /** Saves through the app's contract, as the form does: the whole header, some fields changed. */
  async function save(t: TestWorkbench, id: string | undefined, values: Partial<IncubatorValues>): Promise<string> {
    const current = id ? await t.call('incubators.get', { id }) : null;
    const base = current ? incubatorValuesSchema.parse(current) : sampleIncubator(9000 + ++made);
    return (await t.call('incubators.save', { ...(id ? { id } : {}), values: { ...base, ...values } })).id;
  }

  it('backup → edit → sync → restore → edit → sync: a second device sees both edits', async () => {
    const agency = await server.newAgency();
    const a = workbench();
    const b = workbench();
    for (const t of [a, b]) await t.call('sync.login', { serverUrl: server.url, login: agency.login, password: TEST_PASSWORD });
    const id = await save(a, undefined, { name: '南宁恢复测试孵化器', industry: '电子信息' });
    await a.call('sync.now', {});
    const backup = await a.call('backups.create', {});
    await save(a, id, { legalRep: '张一' });
    await save(a, id, { contactName: '王二' });
    await a.call('sync.now', {});
    await a.call('backups.restore', { name: backup.name });
    // After the restore this device holds the state of the backup: its next edit is numbered like ops the server has.
    await save(a, id, { operator: '恢复后的运营机构' });
    const report = await a.call('sync.now', {});
    expect(report.applied).toBeGreaterThan(0);
    expect(pendingOpCount(a.wb.database.db)).toBe(0);
    expect((await a.call('sync.status', {})).state).toBe('synced');
    await b.call('sync.now', {});
    const seen = await b.call('incubators.get', { id });
    expect(seen).toMatchObject({ name: '南宁恢复测试孵化器', legalRep: '张一', contactName: '王二', operator: '恢复后的运营机构' });
    // And the restored device itself converges to the same record.
    await a.call('sync.now', {});
    expect(await a.call('incubators.get', { id })).toMatchObject({ legalRep: '张一', contactName: '王二', operator: '恢复后的运营机构' });
    expect(listOpenConflicts(a.wb.database.db)).toHaveLength(0);
  });

  it('an old copy of the data folder (no restore mark) is detected by the server by op fingerprints', async () => {
    const agency = await server.newAgency();
    const a = workbench();
    const b = workbench();
    for (const t of [a, b]) await t.call('sync.login', { serverUrl: server.url, login: agency.login, password: TEST_PASSWORD });
    const id = await save(a, undefined, { name: '柳州旧副本孵化器' });
    await a.call('sync.now', {});
    // Copy the data file aside as a user copying the folder would, then edit and sync.
    const { dir: copyDir, cleanup } = makeTempDir();
    try {
      a.wb.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      copyFileSync(a.wb.databaseFile, join(copyDir, 'old.sqlite'));
      await save(a, id, { legalRep: '李三' });
      await a.call('sync.now', {});
      // Put the old copy back behind the app's back (no restore, no mark).
      a.wb.close();
      copyFileSync(join(copyDir, 'old.sqlite'), a.wb.databaseFile);
      a.wb.open();
      await save(a, id, { contactName: '赵四' });
      await save(a, id, { industry: '新材料' });
      await a.call('sync.now', {});
      expect(pendingOpCount(a.wb.database.db)).toBe(0);
      await b.call('sync.now', {});
      expect(await b.call('incubators.get', { id })).toMatchObject({ legalRep: '李三', contactName: '赵四', industry: '新材料' });
    } finally {
      cleanup();
    }
  });

  it('logging in again under another URL of the same server keeps numbering; the next edit arrives', async () => {
    const agency = await server.newAgency();
    const a = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    const b = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    try {
      await a.engine.login({ serverUrl: 'http://127.0.0.1:8787', login: agency.login, password: TEST_PASSWORD });
      await b.engine.login({ serverUrl: 'http://127.0.0.1:8787', login: agency.login, password: TEST_PASSWORD });
      const id = a.saveIncubator(undefined, { name: '桂林再登录孵化器' });
      await a.engine.sync();
      a.saveIncubator(id, { legalRep: '周五' });
      await a.engine.sync();
      // Same server, another address (a new proxy, localhost for 127.0.0.1, TLS): the server's identity says so.
      await a.engine.login({ serverUrl: 'https://sync.example.cn/', login: agency.login, password: TEST_PASSWORD });
      a.saveIncubator(id, { contactName: '吴六' });
      const r = await a.engine.sync();
      expect(r.applied).toBe(1);
      expect(pendingOpCount(a.opened.db)).toBe(0);
      await b.engine.sync();
      expect(b.incubator(id)).toMatchObject({ name: '桂林再登录孵化器', legalRep: '周五', contactName: '吴六' });
      expect(listOpenConflicts(b.opened.db)).toHaveLength(0);
    } finally {
      a.close();
      b.close();
    }
  });

  it('logging in to another agency and back takes a new identity: nothing is taken for an op the server already has', async () => {
    const first = await server.newAgency();
    const second = await server.newAgency();
    const a = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    const b = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    try {
      await a.engine.login({ serverUrl: 'https://sync.test', login: first.login, password: TEST_PASSWORD });
      await b.engine.login({ serverUrl: 'https://sync.test', login: first.login, password: TEST_PASSWORD });
      const id = a.saveIncubator(undefined, { name: '北海往返孵化器' });
      await a.engine.sync();
      await a.engine.login({ serverUrl: 'https://sync.test', login: second.login, password: TEST_PASSWORD });
      a.saveIncubator(undefined, { name: '第二机构的孵化器' });
      await a.engine.sync();
      await a.engine.login({ serverUrl: 'https://sync.test', login: first.login, password: TEST_PASSWORD });
      a.saveIncubator(id, { legalRep: '郑七' });
      await a.engine.sync();
      expect(pendingOpCount(a.opened.db)).toBe(0);
      await b.engine.sync();
      expect(b.incubator(id)?.legalRep).toBe('郑七');
    } finally {
      a.close();
      b.close();
    }
  });

  it('a client identity the server already knows cannot be taken by another device', async () => {
    const agency = await server.newAgency();
    const a = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    const b = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    try {
      for (const c of [a, b]) await c.engine.login({ serverUrl: 'https://sync.test', login: agency.login, password: TEST_PASSWORD });
      a.saveIncubator(undefined, { name: '身份测试' });
      await a.engine.sync();
      const http = new SyncHttp({ baseUrl: 'http://sync.test', token: readSyncSettings(b.opened.db).token, fetchImpl: server.injectFetch });
      const err = await http.clientIdentity(a.clientId).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SyncTransportError);
      expect((err as SyncTransportError).failure).toBe('forbidden');
    } finally {
      a.close();
      b.close();
    }
  });
});
