// sync.md test 3: the server process SIGKILLed at each statement boundary of a batch, restarted, the batch
// retried: nothing lost, nothing applied twice. A real server process on loopback, real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, serverDump, startTestSyncServer, type TestSyncServer } from '../support/sync-server.js';
import { clientDump, openTestSyncClient } from '../support/sync-client.js';
import { startServerProcess } from '../support/sync-processes.js';
import { listOpenConflicts, listPendingOps, pendingOpCount } from '../../db/repositories/sync-state-repository.js';
import { rowsOf } from '../../server/db/connect.js';

const d = describe;
// The batch's writes are one statement (docs/sync.md §Throughput): killed before it, and after it before the commit.
const BOUNDARIES = ['begin', 'locked', 'read-progress', 'loaded-records', 'applied-ops', 'wrote-batch'];

d('test 3: server killed mid-batch', () => {
  let db: { url: string; drop: () => Promise<void> };
  let helper: TestSyncServer;
  beforeAll(async () => {
    db = await createTestDatabase('kill');
    helper = await startTestSyncServer({ dbUrl: db.url });
  });
  afterAll(async () => {
    await helper?.app.close();
    await helper?.opened.close();
    await db?.drop();
  });

  it.each(BOUNDARIES)('killed at %s: retried batch applies exactly once', async (boundary) => {
    const agency = await helper.newAgency();
    const crashing = await startServerProcess({ DATABASE_URL: db.url, SYNC_TEST_CRASH_AT: boundary });
    let healthy: Awaited<ReturnType<typeof startServerProcess>> | null = null;
    const a = openTestSyncClient({ engine: { timeoutMs: 10_000 } });
    const b = openTestSyncClient({ engine: { timeoutMs: 10_000 } });
    try {
      // Healthy first round through the in-process app to set up a conflict for a's batch.
      for (const c of [a, b]) {
        c.connect('http://sync.test', await helper.deviceToken(agency.userId, c.clientId), agency.agencyId);
        (c.engine as unknown as { options: { fetchImpl?: typeof fetch } }).options.fetchImpl = helper.injectFetch;
      }
      const r = a.saveIncubator(undefined, { name: '钦州孵化器' });
      await a.engine.sync();
      await b.engine.sync();
      b.saveIncubator(r, { industry: '港口物流' });
      await b.engine.sync();
      a.saveIncubator(r, { industry: '海洋经济', contactName: '陈六' });
      const s = a.saveIncubator(undefined, { name: '北海孵化器', industry: '旅游' });
      const opsForS = listPendingOps(a.opened.db, 100).filter((o) => o.rowId === s).length;
      const totalOps = listPendingOps(a.opened.db, 100).length;

      // Now over the network to the server process that dies at `boundary`.
      const setUrl = (url: string) => a.opened.sqlite.prepare("update meta set value = ? where key = 'sync.server_url'").run(url);
      (a.engine as unknown as { options: { fetchImpl?: typeof fetch } }).options.fetchImpl = undefined;
      setUrl(crashing.url);
      await expect(a.engine.sync()).rejects.toThrow();
      await crashing.child.exited;
      expect(pendingOpCount(a.opened.db)).toBe(totalOps); // nothing acknowledged, nothing dropped

      healthy = await startServerProcess({ DATABASE_URL: db.url });
      setUrl(healthy.url);
      const report = await a.engine.sync();
      expect(pendingOpCount(a.opened.db)).toBe(0);
      expect(report.conflicts.length + listOpenConflicts(a.opened.db).length).toBeGreaterThanOrEqual(1);
      expect(listOpenConflicts(a.opened.db)).toHaveLength(1);
      await b.engine.sync();

      const server = await serverDump(helper, agency.agencyId);
      expect(clientDump(a)).toEqual(server);
      expect(clientDump(b)).toEqual(server);
      const versions = rowsOf<{ row_id: string; version: number }>(
        await helper.opened.db.execute(sql`select row_id, version from records where agency_id = ${agency.agencyId}`),
      );
      // Each op of the new row bumped its version exactly once.
      expect(versions.find((v) => v.row_id === s)?.version).toBe(opsForS);
      const progress = rowsOf<{ last_seq: string }>(
        await helper.opened.db.execute(sql`select last_seq from client_progress where agency_id = ${agency.agencyId} and client_id = ${a.clientId}`),
      );
      expect(Number(progress[0]?.last_seq)).toBeGreaterThanOrEqual(totalOps);
      const outcomes = rowsOf<{ n: string }>(
        await helper.opened.db.execute(sql`select count(*) as n from op_outcomes where agency_id = ${agency.agencyId} and client_id = ${a.clientId}`),
      );
      expect(Number(outcomes[0]?.n)).toBe(1);
    } finally {
      crashing.child.kill();
      healthy?.child.kill('SIGTERM');
      await healthy?.child.exited;
      a.close();
      b.close();
    }
  }, 60_000);
});
