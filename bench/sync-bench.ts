// Sync benchmarks on loopback with PostgreSQL (run: scripts/with-test-postgres.sh node --import tsx bench/sync-bench.ts):
//  1. 10 000 field changes pushed by one client and pulled by another (< 5 s), and the ratio to a raw multi-row
//     INSERT of the same 10 000 rows into PostgreSQL;
//  2. the initial pull of 1 000 incubators with four document rows each (< 10 s);
//  3. the server process's memory (peak RSS) under that load.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { createTestDatabase, startTestSyncServer, TEST_DATABASE_URL } from '../tests/support/sync-server.js';
import { openTestSyncClient, type TestSyncClient } from '../tests/support/sync-client.js';
import { startServerProcess } from '../tests/support/sync-processes.js';
import { saveAgencyProfile } from '../db/repositories/agency-repository.js';
import { pendingOpCount } from '../db/repositories/sync-state-repository.js';

if (!TEST_DATABASE_URL) {
  console.error('需要 TEST_DATABASE_URL：请用 scripts/with-test-postgres.sh node --import tsx bench/sync-bench.ts 运行。');
  process.exit(2);
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

function createIncubators(c: TestSyncClient, n: number, tag: string): void {
  c.opened.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      // 10 synced fields each: name, operator, creditCode, legalRep, registeredAddress, industry, contactName,
      // contactMobile, registeredCapital, incubatorType.
      c.saveIncubator(undefined, {
        name: `${tag}孵化器${i}`,
        operator: `运营机构${i}`,
        creditCode: `9145010${String(i).padStart(11, '0')}`,
        legalRep: `法人${i}`,
        registeredAddress: `南宁市青秀区民族大道${i}号`,
        industry: '电子信息',
        contactName: `联系人${i}`,
        contactMobile: `139${String(i).padStart(8, '0')}`,
        registeredCapital: 1000 + i,
        incubatorType: '综合型',
      });
    }
  });
}

async function main(): Promise<void> {
  const db = await createTestDatabase('bench');
  const helper = await startTestSyncServer({ dbUrl: db.url });
  const { child, url } = await startServerProcess({
    DATABASE_URL: db.url,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    ...(process.env.BENCH_SERVER_PROFILE ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}` } : {}),
  });
  const pid = child.proc.pid!;
  const results: Record<string, string | number> = {};
  try {
    const agency = await helper.newAgency('基准测试机构');
    const connect = async (c: TestSyncClient) => c.connect(url, await helper.deviceToken(agency.userId, c.clientId), agency.agencyId);
    const baselineRss = rssMb(pid);

    // 1. 10 000 field changes up and down.
    // The push phase ends when the engine first reaches its pull step.
    // The per-phase breakdown: client prepare (outbox read, request written) up to 'before-push', HTTP + server up
    // to 'after-push', client acknowledge (outbox delete, results) up to 'after-ack'; and the first batch alone
    // (it opens the connection and runs the server's push code for the first time).
    let pushEnded = 0;
    const phases = { prepare: 0, http: 0, acknowledge: 0 };
    let mark = 0;
    let started = 0;
    let firstBatchMs = 0;
    const phaseOf: Record<string, keyof typeof phases> = { 'before-push': 'prepare', 'after-push': 'http', 'after-ack': 'acknowledge' };
    const a = openTestSyncClient({
      // The engine's own push batch (the product's): only the pull page is set here.
      engine: {
        pullLimit: 1000,
        checkpoint: (name) => {
          const now = performance.now();
          if (name === 'before-pull' && !pushEnded) pushEnded = now;
          const phase = phaseOf[name];
          if (phase && !pushEnded) phases[phase] += now - mark;
          if (name === 'after-ack' && !firstBatchMs) firstBatchMs = now - started;
          mark = now;
        },
      },
    });
    const b = openTestSyncClient({ engine: { pullLimit: 1000 } });
    await connect(a);
    await connect(b);
    createIncubators(a, 1000, '甲');
    const ops = pendingOpCount(a.opened.db);
    let t = performance.now();
    started = mark = t;
    const up = await a.engine.sync();
    const pushMs = pushEnded - t;
    results['1st client full sync incl. pulling back its own rows (ms)'] = Math.round(performance.now() - t);
    t = performance.now();
    const down = await b.engine.sync();
    const pullMs = performance.now() - t;
    results['ops'] = ops;
    results['push 10k ops (ms)'] = Math.round(pushMs);
    results['  client prepare / HTTP + server / client acknowledge (ms)'] = Object.values(phases).map(Math.round).join(' / ');
    results['  of which the first batch of 1 000 (ms)'] = Math.round(firstBatchMs);
    results['pull by 2nd client (ms)'] = Math.round(pullMs);
    results['push + pull (ms)'] = Math.round(pushMs + pullMs);
    results['applied / pulled rows'] = `${up.applied} / ${down.pulled}`;

    // The raw baseline: the same 10 000 (row, field, value) rows as multi-row INSERTs of 1 000 rows.
    const client = new pg.Client({ connectionString: db.url });
    client.on('error', () => undefined);
    await client.connect();
    await client.query('create table raw_bench (agency_id uuid, entity text, row_id text, field text, value jsonb)');
    const rows = a.opened.sqlite.prepare("select id as rowId from incubators").all() as { rowId: string }[];
    const values: unknown[][] = [];
    for (const r of rows) for (let f = 0; f < 10; f++) values.push([agency.agencyId, 'incubators', r.rowId, `field${f}`, JSON.stringify(`值${f}`)]);
    t = performance.now();
    await client.query('begin');
    for (let i = 0; i < values.length; i += 1000) {
      const chunk = values.slice(i, i + 1000);
      const params: unknown[] = [];
      const tuples = chunk.map((v, j) => {
        params.push(...v);
        return `($${j * 5 + 1}, $${j * 5 + 2}, $${j * 5 + 3}, $${j * 5 + 4}, $${j * 5 + 5})`;
      });
      await client.query(`insert into raw_bench values ${tuples.join(',')}`, params);
    }
    await client.query('commit');
    const rawMs = performance.now() - t;
    await client.end();
    results['raw multi-row INSERT of 10k rows (ms)'] = Math.round(rawMs);
    results['sync push throughput vs raw INSERT'] = `${Math.round((rawMs / pushMs) * 100)} %`;
    results['sync push+pull vs raw INSERT'] = `${Math.round((rawMs / (pushMs + pullMs)) * 100)} %`;

    // 2. 1 000 incubators with four document rows each (staff rows stand in for the four documents), pulled by a
    // fresh client.
    const writer = openTestSyncClient({ engine: { pullLimit: 1000 } });
    await connect(writer);
    createIncubators(writer, 1000, '乙');
    saveAgencyProfile(writer.opened.db, writer.ctx, {
      name: '基准测试机构',
      address: '南宁',
      phone: '0771-1234567',
      staff: Array.from({ length: 4000 }, (_, i) => ({ name: `文档${i}`, title: `第 ${i % 4} 份文档`, isServiceStaff: true, incubatorYears: i % 10, phone: `0771${i}` })),
    });
    await writer.engine.sync();
    const fresh = openTestSyncClient({ engine: { pullLimit: 1000 } });
    await connect(fresh);
    t = performance.now();
    const initial = await fresh.engine.sync();
    results['initial pull rows'] = initial.pulled;
    results['initial pull of 2 000 incubators + 4 000 document rows (ms)'] = Math.round(performance.now() - t);

    // 3. Server memory.
    results['server RSS idle (MB)'] = baselineRss;
    results['server peak RSS under load (MB)'] = peakRssMb(pid);
    for (const c of [a, b, writer, fresh]) c.close();
  } catch (e) {
    console.error('基准运行失败：', e);
    console.error(child.output());
    throw e;
  } finally {
    child.kill('SIGTERM');
    await child.exited;
    await helper.app.close();
    await helper.opened.close();
    await db.drop();
  }
  if (process.env.BENCH_LOG_LEVEL) console.log(child.output());
  console.log(`同步基准（回环地址 + PostgreSQL 15；负载 ${loadavg().map((l) => l.toFixed(2)).join(' / ')}）`);
  for (const [k, v] of Object.entries(results)) console.log(`  ${k}: ${v}`);
}

await main();
