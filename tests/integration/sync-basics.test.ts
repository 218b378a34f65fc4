// sync.md tests 2 (resent batches), 6 (out-of-order commits), 7 (per-field conflicts), 11 (agency isolation).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverDump, startTestSyncServer, type TestSyncServer } from '../support/sync-server.js';
import { clientDump, openTestSyncClient, type TestSyncClient } from '../support/sync-client.js';
import { listOpenConflicts, listPendingOps, pendingOpCount, readSyncSettings } from '../../db/repositories/sync-state-repository.js';
import { SyncHttp, SyncTransportError } from '../../core/sync/transport.js';
import { SyncEngine } from '../../core/sync/engine.js';
import { outboxOp } from '../../core/sync/push-batch.js';
import { revokeDevice } from '../../server/auth/accounts.js';

const d = describe;

d('sync basics against PostgreSQL', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function clients(n: number, agency?: { agencyId: string; userId: string }) {
    const a = agency ?? (await server.newAgency());
    const list: TestSyncClient[] = [];
    for (let i = 0; i < n; i++) {
      const c = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
      c.connect('http://sync.test', await server.deviceToken(a.userId, c.clientId), a.agencyId);
      list.push(c);
    }
    return { agency: a, list };
  }

  it('creates offline on one client and shows it on another', async () => {
    const { agency, list: [a, b] } = await clients(2);
    const id = a!.saveIncubator(undefined, { name: '南宁科创孵化器', industry: '电子信息' });
    const r1 = await a!.engine.sync();
    expect(r1.applied).toBeGreaterThan(0);
    expect(pendingOpCount(a!.opened.db)).toBe(0);
    const r2 = await b!.engine.sync();
    expect(r2.pulled).toBe(1);
    expect(b!.incubator(id)?.name).toBe('南宁科创孵化器');
    expect(b!.incubator(id)?.searchText).toContain('nnkc');
    await a!.engine.sync();
    expect(clientDump(a!)).toEqual(await serverDump(server, agency.agencyId));
    expect(clientDump(b!)).toEqual(await serverDump(server, agency.agencyId));
  });

  it('test 7: same field from the same base is exactly one HARD conflict, both values kept; different fields merge', async () => {
    const { agency, list: [a, b] } = await clients(2);
    const id = a!.saveIncubator(undefined, { name: '桂林孵化器', industry: '', contactName: '' });
    await a!.engine.sync();
    await b!.engine.sync();
    // Same field, different values.
    a!.saveIncubator(id, { industry: '新材料' });
    b!.saveIncubator(id, { industry: '生物医药' });
    // Different fields.
    a!.saveIncubator(id, { contactName: '张三' });
    b!.saveIncubator(id, { legalRep: '李四' });
    const ra = await a!.engine.sync();
    const rb = await b!.engine.sync();
    expect(ra.conflicts).toHaveLength(0);
    expect(rb.conflicts).toHaveLength(1);
    expect(rb.conflicts[0]).toMatchObject({ field: 'industry', mine: '生物医药', theirs: '新材料' });
    await a!.engine.sync();
    const open = listOpenConflicts(b!.opened.db);
    expect(open).toHaveLength(1);
    expect(JSON.parse(open[0]!.mine)).toBe('生物医药');
    expect(JSON.parse(open[0]!.theirs)).toBe('新材料');
    // The server's value is shown by default; the other fields merged.
    for (const c of [a!, b!]) {
      const row = c.incubator(id)!;
      expect(row.industry).toBe('新材料');
      expect(row.contactName).toBe('张三');
      expect(row.legalRep).toBe('李四');
    }
    expect(listOpenConflicts(a!.opened.db)).toHaveLength(0);
    expect(clientDump(b!)).toEqual(await serverDump(server, agency.agencyId));
  });

  it('test 2: every batch delivered 1–3 times, also after a crash before the ack, equals one delivery', async () => {
    const { agency, list: [a, b] } = await clients(2);
    const id = a!.saveIncubator(undefined, { name: '柳州孵化器' });
    await a!.engine.sync();
    await b!.engine.sync();
    b!.saveIncubator(id, { industry: '汽车' });
    await b!.engine.sync();
    a!.saveIncubator(id, { industry: '机械' }); // will conflict
    a!.saveIncubator(id, { contactName: '王五' });
    const ops = listPendingOps(a!.opened.db, 100).map((r) => outboxOp(r));
    const token = readSyncSettings(a!.opened.db).token!;
    const http = new SyncHttp({ baseUrl: 'http://sync.test', token, fetchImpl: server.injectFetch });
    // "Crashed before the ack": the server applied, the client never saw the answer; sent twice more.
    const first = await http.push({ clientId: a!.clientId, ops });
    const second = await http.push({ clientId: a!.clientId, ops });
    const third = await http.push({ clientId: a!.clientId, ops: ops.slice(1) });
    expect(second.results.map((r) => r.status)).toEqual(first.results.map((r) => r.status));
    expect(third.lastSeq).toBe(first.lastSeq);
    const before = await serverDump(server, agency.agencyId);
    await a!.engine.sync(); // the real client resends the whole outbox once more
    expect(await serverDump(server, agency.agencyId)).toEqual(before);
    expect(pendingOpCount(a!.opened.db)).toBe(0);
    expect(listOpenConflicts(a!.opened.db)).toHaveLength(1);
    await b!.engine.sync();
    expect(clientDump(a!)).toEqual(before);
    expect(clientDump(b!)).toEqual(before);
    expect(a!.incubator(id)?.industry).toBe('汽车');
    expect(a!.incubator(id)?.contactName).toBe('王五');
  });

  it('test 6: a transaction that commits late is never skipped by a pulling client', async () => {
    const { agency, list: [a, b, reader] } = await clients(3);
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let holding = false;
    // Hold a's transaction open after it wrote its rows, before it commits.
    const slow = await startTestSyncServer({
      dbUrl: server.dbUrl,
      checkpoint: async (name, device) => {
        if (name === 'wrote-batch' && device.clientId === a!.clientId && !holding) {
          holding = true;
          await held;
        }
      },
    });
    try {
      for (const c of [a!, b!, reader!]) c.opened.sqlite.prepare("update meta set value = 'http://slow.test' where key = 'sync.server_url'").run();
      const slowFetch = slow.injectFetch;
      const ea = new SyncEngine({ db: a!.opened.db, schemaVersion: a!.opened.schemaVersion, fetchImpl: slowFetch });
      const eb = new SyncEngine({ db: b!.opened.db, schemaVersion: b!.opened.schemaVersion, fetchImpl: slowFetch });
      const er = new SyncEngine({ db: reader!.opened.db, schemaVersion: reader!.opened.schemaVersion, fetchImpl: slowFetch });
      a!.saveIncubator(undefined, { name: 'A 的孵化器' });
      b!.saveIncubator(undefined, { name: 'B 的孵化器' });
      const pa = ea.sync();
      while (!holding) await new Promise((r) => setTimeout(r, 5));
      const pb = eb.sync(); // starts after a, must wait for a's commit (per-agency serialisation)
      await new Promise((r) => setTimeout(r, 100));
      await er.sync(); // pulls while a is in flight: sees neither, or only committed ones in cursor order
      release();
      await Promise.all([pa, pb]);
      await er.sync();
      const names = Object.values(clientDump(reader!)).map((r) => (r as { fields: { name: string } }).fields.name).sort();
      expect(names).toEqual(['A 的孵化器', 'B 的孵化器']);
      expect(clientDump(reader!)).toEqual(await serverDump(server, agency.agencyId));
    } finally {
      release();
      await slow.app.close();
      await slow.opened.close();
    }
  });

  it("test 11: another agency's token reads and writes nothing of this agency; a revoked token is refused", async () => {
    const { agency: ag1, list: [a] } = await clients(1);
    const { agency: ag2, list: [x] } = await clients(1);
    const id = a!.saveIncubator(undefined, { name: '本机构的孵化器', industry: '秘密' });
    await a!.engine.sync();
    // The other agency pulls everything it can: nothing of agency 1.
    const rx = await x!.engine.sync();
    expect(rx.pulled).toBe(0);
    expect(x!.incubator(id)).toBeUndefined();
    // It writes to the same row id: lands in its own agency only.
    x!.opened.sqlite.prepare('insert into incubators (id, name, created_at, updated_at) values (?, ?, ?, ?)').run(id, 'x', 'now', 'now');
    x!.saveIncubator(id, { industry: '篡改' });
    await x!.engine.sync();
    await a!.engine.sync();
    expect(a!.incubator(id)?.industry).toBe('秘密');
    const dump1 = await serverDump(server, ag1.agencyId);
    expect((dump1[`incubators/${id}`] as { fields: { industry: string } }).fields.industry).toBe('秘密');
    expect(Object.keys(await serverDump(server, ag2.agencyId))).toEqual([`incubators/${id}`]);
    // Blobs are per agency too.
    const tokenOf = (c: TestSyncClient) => readSyncSettings(c.opened.db).token!;
    const hx = new SyncHttp({ baseUrl: 'http://sync.test', token: tokenOf(x!), fetchImpl: server.injectFetch });
    const ha = new SyncHttp({ baseUrl: 'http://sync.test', token: tokenOf(a!), fetchImpl: server.injectFetch });
    const data = Buffer.from('only agency 1');
    const sha = (await import('node:crypto')).createHash('sha256').update(data).digest('hex');
    await ha.putBlobChunk(sha, data.length, 0, data);
    expect(await hx.blobStatus(sha)).toBeNull();
    await expect(hx.getBlob(sha)).rejects.toMatchObject({ failure: 'not-found' });
    // A revoked device token is refused for push and pull.
    const deviceId = (a!.opened.sqlite.prepare("select value from meta where key = 'sync.device_id'").get() as { value: string } | undefined)?.value;
    expect(deviceId).toBeUndefined(); // test clients are provisioned by token; revoke by login instead
    const { sql } = await import('drizzle-orm');
    const login = (await server.opened.db.execute(sql`select login from users where id = ${ag1.userId}`)) as unknown as { rows: { login: string }[] };
    expect(await revokeDevice(server.opened.db, { login: login.rows[0]!.login })).toBe(1);
    await expect(ha.pull(0, 10)).rejects.toMatchObject({ failure: 'unauthorized' });
    a!.saveIncubator(id, { industry: '被停用后' });
    await expect(a!.engine.sync()).rejects.toBeInstanceOf(SyncTransportError);
    expect(a!.engine.lastError()?.kind).toBe('unauthorized');
    expect(pendingOpCount(a!.opened.db)).toBe(1); // kept for after a new login
  });
});
