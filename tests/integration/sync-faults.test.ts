// sync.md tests 5 (fault-injecting proxy) and 9 (resumable, verified blobs; never signed with a blob missing).
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverDump, startTestSyncServer, type TestSyncServer } from '../support/sync-server.js';
import { clientDump, openTestSyncClient, type TestSyncClient } from '../support/sync-client.js';
import { startFaultProxy, type Fault } from '../support/sync-fault-proxy.js';
import { attachBlob, signDocument } from '../../core/sync/documents.js';
import { registerSyncEntity } from '../../core/sync/registry.js';
import { SyncHttp, SyncTransportError } from '../../core/sync/transport.js';
import { agencyStaff } from '../../db/schema/index.js';
import { mulberry32, propertySeed } from '../support/property-seed.js';
import { hasBlob, listBlobsToUpload, listOpenIssues, pendingOpCount, readSyncSettings } from '../../db/repositories/sync-state-repository.js';
import { saveAgencyProfile } from '../../db/repositories/agency-repository.js';
import { blobStatus } from '../../server/sync/blobs.js';

const d = describe;

// Test-only: staff rows as a signable document kind (sync.md §7).
registerSyncEntity({ name: 'agency_staff', table: agencyStaff, document: true });

function tokenOf(c: TestSyncClient): string {
  return readSyncSettings(c.opened.db).token!;
}

d('faults on the wire', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer({ listen: true });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('test 5: dropped, cut, 500 and 401 answers; after healing all converge and uploads resume by themselves', async () => {
    const agency = await server.newAgency();
    let n = 0;
    const faults: Fault[] = ['drop', 'cut', 'error500', 'error401', 'pass', 'cut-request', 'pass'];
    const proxy = await startFaultProxy(server.url, () => faults[n++ % faults.length]!);
    const clients: TestSyncClient[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const c = openTestSyncClient({ engine: { pushBatch: 2, pullLimit: 2, blobChunk: 1000, timeoutMs: 5_000 } });
        c.connect(proxy.url, await server.deviceToken(agency.userId, c.clientId), agency.agencyId);
        clients.push(c);
      }
      const big = randomBytes(20_000);
      const ids: string[] = [];
      for (const [i, c] of clients.entries()) {
        for (let k = 0; k < 3; k++) ids.push(c.saveIncubator(undefined, { name: `孵化器${i}-${k}`, industry: `行业${k}` }));
      }
      const ref = attachBlob(clients[0]!.opened.db, big, new Date());
      clients[0]!.saveIncubator(ids[0]!, { registeredAddress: ref });
      // Many syncs through the faulty proxy: some fail, none corrupts anything.
      let failures = 0;
      for (let round = 0; round < 8; round++) {
        for (const c of clients) await c.engine.sync().catch(() => (failures += 1));
      }
      expect(failures).toBeGreaterThan(0);
      expect(proxy.counts.cut + proxy.counts['cut-request']).toBeGreaterThan(0);
      proxy.heal();
      // No new local edit: the next syncs finish what was interrupted.
      for (let round = 0; round < 2; round++) for (const c of clients) await c.engine.sync();
      const dump = await serverDump(server, agency.agencyId);
      for (const c of clients) {
        expect(pendingOpCount(c.opened.db)).toBe(0);
        expect(listBlobsToUpload(c.opened.db)).toHaveLength(0);
        expect(clientDump(c)).toEqual(dump);
        expect(hasBlob(c.opened.db, ref.slice(7))).toBe(true);
      }
      expect(Object.keys(dump)).toHaveLength(9);
      expect(await blobStatus(server.opened.db, agency.agencyId, ref.slice(7))).toMatchObject({ complete: true, size: big.length });
    } finally {
      for (const c of clients) c.close();
      await proxy.close();
    }
  }, 120_000);

  it('test 9: an upload cut at a random byte resumes from what the server has and verifies the hash', async () => {
    const agency = await server.newAgency();
    const c = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    c.connect('http://sync.test', await server.deviceToken(agency.userId, c.clientId), agency.agencyId);
    const http = new SyncHttp({ baseUrl: 'http://sync.test', token: tokenOf(c), fetchImpl: server.injectFetch });
    const data = randomBytes(300_000);
    const sha = createHash('sha256').update(data).digest('hex');
    // A first attempt that dies after a random number of bytes (whole chunks reached the server).
    const chunk = 64 * 1024;
    const cutAt = chunk + Math.floor(mulberry32(propertySeed('SYNC_CUT_SEED'))() * (data.length - chunk - 1));
    for (let off = 0; off + chunk <= cutAt; off += chunk) await http.putBlobChunk(sha, data.length, off, data.subarray(off, off + chunk));
    const partial = await http.blobStatus(sha);
    expect(partial?.complete).toBe(false);
    expect(partial?.offset).toBe(Math.floor(cutAt / chunk) * chunk);
    // A resend from a wrong offset is told where to continue.
    await expect(http.putBlobChunk(sha, data.length, partial!.offset + 5, data.subarray(0, 10))).rejects.toMatchObject({
      failure: 'offset-mismatch',
      extra: { offset: partial!.offset },
    });
    // The client's upload queue resumes it.
    c.opened.sqlite.prepare('insert into sync_blobs (sha256, size, data, uploaded, created_at) values (?, ?, ?, 0, ?)').run(sha, data.length, data, 'now');
    const report = await c.engine.sync();
    expect(report.blobsUp).toBe(1);
    expect(await http.blobStatus(sha)).toMatchObject({ complete: true, offset: data.length });
    // Repeating the PUT is harmless.
    expect(await http.putBlobChunk(sha, data.length, 0, data.subarray(0, 10))).toMatchObject({ complete: true });
    // Bytes that do not hash to the name are refused and discarded.
    const fake = randomBytes(1000);
    const wrongName = createHash('sha256').update('something else').digest('hex');
    await expect(http.putBlobChunk(wrongName, fake.length, 0, fake)).rejects.toMatchObject({ failure: 'hash-mismatch' });
    expect((await http.blobStatus(wrongName))?.complete ?? false).toBe(false);
    c.close();
  });

  it('test 9: a document is never signed while a blob it references is missing on the server', async () => {
    const agency = await server.newAgency();
    const a = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    const b = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    for (const c of [a, b]) c.connect('http://sync.test', await server.deviceToken(agency.userId, c.clientId), agency.agencyId);
    saveAgencyProfile(a.opened.db, a.ctx, { name: '机构', address: '', phone: '', staff: [{ name: '签字人', title: '', isServiceStaff: true, incubatorYears: null, phone: '' }] });
    await a.engine.sync();
    const staffId = (a.opened.sqlite.prepare('select id from agency_staff').get() as { id: string }).id;
    // a attaches a signature image but its upload has not happened (marked uploaded to skip the queue).
    const ref = attachBlob(a.opened.db, Buffer.from('签名图片'), new Date());
    a.opened.sqlite.prepare('update sync_blobs set uploaded = 1').run();
    a.opened.sqlite.prepare("update agency_staff set phone = ? where id = ?").run(ref, staffId);
    a.opened.sqlite
      .prepare("insert into outbox (op_id, client_id, entity, row_id, field, base_version, new_value, hlc, schema_version, created_at) values ('op-ref', ?, 'agency_staff', ?, 'phone', 1, ?, ?, ?, 'now')")
      .run(a.clientId, staffId, JSON.stringify(ref), `${new Date().toISOString()}-0000-${a.clientId}`, a.opened.schemaVersion);
    await a.engine.sync();
    // The blob is here, so the local check passes; the server must refuse.
    signDocument(a.opened.db, a.ctx, 'agency_staff', staffId);
    const r = await a.engine.sync();
    expect(r.rejected).toBe(1);
    expect(listOpenIssues(a.opened.db)[0]?.message).toContain('附件');
    await b.engine.sync();
    expect(clientDump(b)).toEqual(await serverDump(server, agency.agencyId));
    expect((clientDump(b)[`agency_staff/${staffId}`] as { signed: string | null }).signed).toBeNull();
    // Once the blob is there, signing goes through.
    a.opened.sqlite.prepare('update sync_blobs set uploaded = 0').run();
    await a.engine.sync();
    signDocument(a.opened.db, a.ctx, 'agency_staff', staffId);
    const r2 = await a.engine.sync();
    expect(r2.applied).toBe(1);
    expect(r2.rejected).toBe(0);
    a.close();
    b.close();
  });

  it('a 401 from a revoked token is not retried forever and says what to do', async () => {
    const agency = await server.newAgency();
    const c = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    c.connect('http://sync.test', 'wbd_not-a-token', agency.agencyId);
    c.saveIncubator(undefined, { name: 'x' });
    const e = await c.engine.sync().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SyncTransportError);
    expect((e as SyncTransportError).transient).toBe(false);
    expect((e as Error).message).toContain('重新登录');
    c.close();
  });
});
