// docs/sync.md §Validation and §Quarantine, issue 15.2–15.3: the server checks every pushed value with the shared
// schema of its entity and field, per op; unsafe text is refused at the app's contract and per op by the server;
// a bad row in the server's table is quarantined by clients while the rest applies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { TEST_PASSWORD, startTestSyncServer, type TestSyncServer } from '../support/sync-server.js';
import { openTestSyncClient, type TestSyncClient } from '../support/sync-client.js';
import { openTestWorkbench } from '../support/workbench-fixture.js';
import { sampleIncubator } from '../support/sample-incubator.js';
import { SyncHttp } from '../../core/sync/transport.js';
import { formatHlc } from '../../shared/sync/hlc.js';
import type { SyncOp } from '../../shared/sync/protocol.js';
import { listOpenIssues, pendingOpCount } from '../../db/repositories/sync-state-repository.js';
import { findMigrationsFolder, readSchemaVersion } from '../../db/migrations-folder.js';

/** The app's data version (one per migration): a push under an older one is refused as from an outdated app. */
const SCHEMA_VERSION = readSchemaVersion(findMigrationsFolder());

describe('validation and quarantine against PostgreSQL', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer({ listen: true });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function connected(agency: { agencyId: string; userId: string }): Promise<TestSyncClient> {
    const c = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    c.connect('http://sync.test', await server.deviceToken(agency.userId, c.clientId), agency.agencyId);
    return c;
  }

  /** A device speaking the protocol directly (a broken or hostile client), with its own numbering. */
  async function rawDevice(agency: { userId: string }) {
    const clientId = randomUUID();
    const http = new SyncHttp({ baseUrl: 'http://sync.test', token: await server.deviceToken(agency.userId, clientId), fetchImpl: server.injectFetch });
    let seq = 0;
    return {
      push: (ops: (Omit<SyncOp, 'seq' | 'opId' | 'hlc' | 'schemaVersion' | 'baseVersion'> & { baseVersion?: number })[]) =>
        http.push({
          clientId,
          ops: ops.map((o) => ({ baseVersion: 0, ...o, seq: ++seq, opId: randomUUID(), hlc: formatHlc({ millis: Date.now(), counter: seq, node: clientId }), schemaVersion: SCHEMA_VERSION })),
        }),
    };
  }

  it('a pushed null for a required field and 「abc」 as 注册资金 are rejected per op, naming the record; a second device still syncs', async () => {
    const agency = await server.newAgency();
    const a = await connected(agency);
    const id = a.saveIncubator(undefined, { name: '钦州校验孵化器' });
    await a.engine.sync();
    const raw = await rawDevice(agency);
    const res = await raw.push([
      { entity: 'incubators', rowId: id, field: 'name', value: null },
      { entity: 'incubators', rowId: id, field: 'registeredCapital', value: 'abc' },
      { entity: 'incubators', rowId: id, field: 'legalRep', value: '覃八', baseVersion: 100 },
    ]);
    expect(res.lastSeq).toBe(3);
    expect(res.results.map((r) => [r.seq, r.status, r.code])).toEqual([
      [1, 'rejected', 400],
      [2, 'rejected', 400],
    ]);
    expect(res.results[0]!.message).toContain('孵化器「钦州校验孵化器」的「孵化器名称」');
    expect(res.results[1]!.message).toContain('「注册资金（万元）」');
    const b = await connected(agency);
    await b.engine.sync();
    expect(b.incubator(id)).toMatchObject({ name: '钦州校验孵化器', registeredCapital: null, legalRep: '覃八' });
    a.close();
    b.close();
  });

  it('an entity or field of a newer client is stored as it came', async () => {
    const agency = await server.newAgency();
    const raw = await rawDevice(agency);
    const res = await raw.push([
      { entity: 'future_things', rowId: 'f1', field: 'anything', value: { nested: [1, 'x'] } },
      { entity: 'incubators', rowId: 'i1', field: 'aFieldOfVersion9', value: 42 },
    ]);
    expect(res.results).toEqual([]);
    const rows = await server.opened.db.execute(sql`select entity, fields from records where agency_id = ${agency.agencyId} order by entity`);
    expect((rows as unknown as { rows: unknown[] }).rows).toEqual([
      { entity: 'future_things', fields: { anything: { nested: [1, 'x'] } } },
      { entity: 'incubators', fields: { aFieldOfVersion9: 42 } },
    ]);
  });

  it('NUL and lone surrogates: refused by the app with a Chinese message, and per op with 400 by the server (never 500)', async () => {
    const t = openTestWorkbench();
    try {
      for (const bad of ['南宁\u0000孵化器', '南宁\uD800孵化器', '南宁\uDC00孵化器']) {
        const err = await t.failure('incubators.save', { values: sampleIncubator(1, { name: bad }) });
        expect(err.kind).toBe('validation');
        expect(err.message).toContain('无法保存的字符');
        expect(err.issues?.[0]?.field).toBe('name');
      }
      expect(pendingOpCount(t.wb.database.db)).toBe(0);
    } finally {
      t.cleanup();
    }
    const agency = await server.newAgency();
    const raw = await rawDevice(agency);
    const res = await raw.push([
      { entity: 'incubators', rowId: 'n1', field: 'name', value: 'a\u0000b' },
      { entity: 'incubators', rowId: 'n1', field: 'industry', value: 'x\uD83D' },
      { entity: 'diagnoses', rowId: 'd1', field: 'values.note', value: 'y\uDE00' },
      { entity: 'incubators', rowId: 'n\u00002', field: 'name', value: '好名字' },
      { entity: 'incubators', rowId: 'n1', field: 'name', value: '正常的名字😀' },
    ]);
    expect(res.lastSeq).toBe(5);
    expect(res.results.map((r) => [r.seq, r.status, r.code])).toEqual([
      [1, 'rejected', 400],
      [2, 'rejected', 400],
      [3, 'rejected', 400],
      [4, 'rejected', 400],
    ]);
    for (const r of res.results) expect(r.message).toContain('无法保存的字符');
    // The refusals are stored (a resent batch gets the same answers), and the good op applied.
    const again = await raw.push([]);
    expect(again.lastSeq).toBe(5);
    const stored = await server.opened.db.execute(sql`select fields from records where agency_id = ${agency.agencyId}`);
    expect((stored as unknown as { rows: unknown[] }).rows).toEqual([{ fields: { name: '正常的名字😀' } }]);
  });

  it('a bad row written into the server’s table is quarantined by clients, named in the drawer; the rest applies, and a fix clears it', async () => {
    const agency = await server.newAgency();
    const a = await connected(agency);
    const good = a.saveIncubator(undefined, { name: '贵港好孵化器' });
    const broken = a.saveIncubator(undefined, { name: '玉林坏孵化器' });
    await a.engine.sync();
    // Someone edits the server's table by hand: a NOT NULL column of every client gets null, a number gets text.
    await server.opened.db.execute(sql`
      update records set fields = fields || '{"name": null, "registeredCapital": "abc"}'::jsonb,
        version = version + 1, cursor = (select last_cursor + 1 from agencies where id = ${agency.agencyId})
      where agency_id = ${agency.agencyId} and row_id = ${broken}`);
    await server.opened.db.execute(sql`update agencies set last_cursor = last_cursor + 1 where id = ${agency.agencyId}`);
    const b = await connected(agency);
    const report = await b.engine.sync();
    expect(report.pulled).toBe(2);
    expect(b.incubator(good)?.name).toBe('贵港好孵化器');
    expect(b.incubator(broken)).toBeUndefined();
    const issues = listOpenIssues(b.opened.db);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ status: 'quarantined', entity: 'incubators', rowId: broken, field: 'name' });
    expect(issues[0]!.message).toContain('孵化器');
    // The device that has it still syncs, and keeps its good copy.
    await a.engine.sync();
    expect(a.incubator(broken)?.name).toBe('玉林坏孵化器');
    // A later good version of the row applies and settles the quarantine.
    a.saveIncubator(broken, { name: '玉林修好的孵化器', registeredCapital: 100 });
    await a.engine.sync();
    await b.engine.sync();
    expect(b.incubator(broken)?.name).toBe('玉林修好的孵化器');
    expect(listOpenIssues(b.opened.db)).toHaveLength(0);
    a.close();
    b.close();
  });

  it('the sync drawer lists a quarantined row by its record’s name', async () => {
    const agency = await server.newAgency();
    const a = await connected(agency);
    const id = a.saveIncubator(undefined, { name: '百色隔离孵化器' });
    await a.engine.sync();
    await server.opened.db.execute(sql`
      update records set fields = fields || '{"registeredCapital": "abc"}'::jsonb, version = version + 1,
        cursor = (select last_cursor + 1 from agencies where id = ${agency.agencyId})
      where agency_id = ${agency.agencyId} and row_id = ${id}`);
    await server.opened.db.execute(sql`update agencies set last_cursor = last_cursor + 1 where id = ${agency.agencyId}`);
    const t = openTestWorkbench();
    try {
      await t.call('sync.login', { serverUrl: server.url, login: agency.login, password: TEST_PASSWORD });
      await t.call('sync.now', {});
      expect((await t.call('sync.status', {})).openIssues).toBe(1);
      const [issue] = await t.call('sync.issues', {});
      expect(issue).toMatchObject({ status: 'quarantined', recordName: '孵化器「百色隔离孵化器」', field: 'registeredCapital' });
      expect(issue!.message).toContain('从服务器收到的孵化器「百色隔离孵化器」的「注册资金（万元）」无效');
    } finally {
      t.cleanup();
      a.close();
    }
  });
});
