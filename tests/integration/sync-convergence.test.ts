// sync.md test 1: the convergence property. 3–5 clients, random create / edit / delete / restore / sign /
// attach / conflict resolution, random partial syncs (requests dropped before the server, answers lost after it)
// and disconnects; after quiescence every client's canonical dump equals the server's.
// Runs: SYNC_PROPERTY_RUNS (default 1000). A failure prints fast-check's seed and path; replay with
// SYNC_PROPERTY_SEED=<seed> SYNC_PROPERTY_PATH=<path>.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverDump, startTestSyncServer, type TestSyncServer } from '../support/sync-server.js';
import { clientDump, openTestSyncClient, type TestSyncClient } from '../support/sync-client.js';
import { flakyFetch, type FlakyControl } from '../support/sync-flaky-fetch.js';
import { registerSyncEntity } from '../../core/sync/registry.js';
import { attachBlob, signDocument } from '../../core/sync/documents.js';
import { resolveConflict } from '../../core/sync/conflicts.js';
import { incubators } from '../../db/schema/index.js';
import { restoreIncubator } from '../../db/repositories/incubator-repository.js';
import { hasBlob, listOpenConflicts, pendingOpCount } from '../../db/repositories/sync-state-repository.js';
import { incubatorSearchText } from '../../core/services/search-text.js';
import { toRpcError } from '../../core/error-mapping.js';
import { SyncTransportError } from '../../core/sync/transport.js';
import { mulberry32 } from '../support/property-seed.js';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 1000);
const LANES = Number(process.env.SYNC_PROPERTY_LANES ?? 4);
const d = describe;

// Test-only: incubators as a signable document kind, so the property covers signing (sync.md §7).
registerSyncEntity({
  name: 'incubators',
  table: incubators,
  localOnly: ['searchText'],
  document: true,
  derive: (row) => ({ searchText: incubatorSearchText({ name: String(row.name ?? ''), operator: String(row.operator ?? ''), creditCode: String(row.creditCode ?? '') }) }),
});

/**
 * Refusals a user would see, by kind (core/error-mapping.ts), never by message text: editing a signed row
 * (locked), a row deleted meanwhile (not-found), signing with pending edits or a missing attachment (conflict).
 * Anything else — a validation error, a storage or internal error — fails the run.
 */
const EXPECTED_REFUSALS: ReadonlySet<string> = new Set(['locked', 'not-found', 'conflict']);

/** Sync failures a faulty network explains (requests dropped before the server, answers lost after it, offline). */
const NETWORK_FAILURES: ReadonlySet<string> = new Set(['offline', 'timeout', 'bad-response']);

const client = fc.nat(4);
const row = fc.nat(7);
const command = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('create' as const), c: client, name: fc.constantFrom('甲', '乙', '丙') }) },
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('edit' as const),
      c: client,
      row,
      field: fc.constantFrom('name', 'industry', 'contactName'),
      value: fc.constantFrom('a', 'b', 'c', ''),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), c: client, row }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('restore' as const), c: client, row }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('sign' as const), c: client, row }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('attach' as const), c: client, row, blob: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('resolve' as const), c: client, choice: fc.constantFrom('mine' as const, 'theirs' as const) }) },
  {
    weight: 5,
    arbitrary: fc.record({ t: fc.constant('sync' as const), c: client, flaky: fc.boolean(), seed: fc.integer() }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('offline' as const), c: client }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('online' as const), c: client }) },
);
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

d('sync convergence (property, PostgreSQL)', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function run(nClients: number, commands: Command[]): Promise<void> {
    const agency = await server.newAgency();
    const clients: { c: TestSyncClient; net: FlakyControl }[] = [];
    for (let i = 0; i < nClients; i++) {
      const net: FlakyControl = { online: true, dropRate: 0, cutRate: 0, random: Math.random };
      // Small pages on some clients exercise batching and paging; large ones keep the run fast.
      const small = i % 2 === 0;
      const c = openTestSyncClient({
        engine: { fetchImpl: flakyFetch(server.injectFetch, net), pushBatch: small ? 3 : 100, pullLimit: small ? 4 : 100 },
      });
      c.connect('http://sync.test', await server.deviceToken(agency.userId, c.clientId), agency.agencyId);
      clients.push({ c, net });
    }
    const rowsOf = (c: TestSyncClient) => c.opened.db.select({ id: incubators.id }).from(incubators).orderBy(incubators.id).all().map((r) => r.id);
    const pick = (c: TestSyncClient, i: number) => {
      const ids = rowsOf(c);
      return ids.length ? ids[i % ids.length]! : null;
    };
    const tolerate = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        if (!EXPECTED_REFUSALS.has(toRpcError(e).kind)) throw e;
      }
    };
    try {
      for (const cmd of commands) {
        const slot = clients[cmd.c % nClients]!;
        const c = slot.c;
        switch (cmd.t) {
          case 'create':
            tolerate(() => c.saveIncubator(undefined, { name: cmd.name }));
            break;
          case 'edit': {
            const id = pick(c, cmd.row);
            if (id) tolerate(() => c.saveIncubator(id, { [cmd.field]: cmd.value }));
            break;
          }
          case 'delete': {
            const id = pick(c, cmd.row);
            if (id) tolerate(() => c.deleteIncubator(id));
            break;
          }
          case 'restore': {
            const id = pick(c, cmd.row);
            if (id) tolerate(() => restoreIncubator(c.opened.db, c.ctx, id));
            break;
          }
          case 'sign': {
            const id = pick(c, cmd.row);
            if (id) tolerate(() => signDocument(c.opened.db, c.ctx, 'incubators', id));
            break;
          }
          case 'attach': {
            const id = pick(c, cmd.row);
            if (id) {
              tolerate(() => {
                const ref = attachBlob(c.opened.db, Buffer.from(`附件 ${cmd.blob}`), new Date());
                c.saveIncubator(id, { registeredAddress: ref });
              });
            }
            break;
          }
          case 'resolve': {
            const open = listOpenConflicts(c.opened.db);
            if (open[0]) tolerate(() => resolveConflict(c.opened.db, c.ctx, open[0]!.id, { choice: cmd.choice }));
            break;
          }
          case 'sync': {
            slot.net.random = mulberry32(cmd.seed);
            slot.net.dropRate = cmd.flaky ? 0.2 : 0;
            slot.net.cutRate = cmd.flaky ? 0.2 : 0;
            const faulty = cmd.flaky || !slot.net.online;
            await c.engine.sync().catch((e: unknown) => {
              // On a healthy network every sync succeeds; on a faulty one only the network may be the reason.
              if (!faulty || !(e instanceof SyncTransportError && NETWORK_FAILURES.has(e.failure))) throw e;
            });
            break;
          }
          case 'offline':
            slot.net.online = false;
            break;
          case 'online':
            slot.net.online = true;
            break;
        }
      }
      // Quiescence: everyone online on a healthy network, then sync until nothing moves.
      for (const s of clients) Object.assign(s.net, { online: true, dropRate: 0, cutRate: 0 });
      for (let round = 0; round < 2; round++) for (const s of clients) await s.c.engine.sync();
      const expected = await serverDump(server, agency.agencyId);
      for (const s of clients) {
        expect(pendingOpCount(s.c.opened.db)).toBe(0);
        expect(clientDump(s.c)).toEqual(expected);
        for (const entry of Object.values(expected)) {
          const ref = (entry as { fields: { registeredAddress?: string } }).fields.registeredAddress;
          if (ref?.startsWith('sha256:')) expect(hasBlob(s.c.opened.db, ref.slice(7))).toBe(true);
        }
      }
    } finally {
      for (const s of clients) s.c.close();
    }
  }

  it(`converges after quiescence (${RUNS} seeded runs)`, async () => {
    // Runs are independent (each has its own agency), so several property checks run side by side: one waits on
    // PostgreSQL while another computes. Each has its own seed, printed by fast-check on failure.
    const baseSeed = process.env.SYNC_PROPERTY_SEED ? Number(process.env.SYNC_PROPERTY_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);
    const path = process.env.SYNC_PROPERTY_PATH;
    const lanes = process.env.SYNC_PROPERTY_SEED ? 1 : Math.min(LANES, RUNS);
    // Printed before the run, so even a run killed by a timeout can be replayed.
    for (let lane = 0; lane < lanes; lane++) console.log(`[property] lane ${lane}: SYNC_PROPERTY_SEED=${(baseSeed + lane * 7919) | 0}`);
    const property = fc.asyncProperty(fc.integer({ min: 3, max: 5 }), fc.array(command, { minLength: 5, maxLength: 25 }), (n, cmds) => run(n, cmds));
    await Promise.all(
      Array.from({ length: lanes }, (_, lane) => {
        const seed = (baseSeed + lane * 7919) | 0;
        const numRuns = Math.ceil(RUNS / lanes);
        return fc
          .assert(property, { numRuns, seed, ...(path ? { path } : {}), endOnFailure: false, verbose: 1 })
          .catch((e: unknown) => {
            throw new Error(`收敛性质测试失败（复现：SYNC_PROPERTY_SEED=${seed}${path ? '' : ' 并按下方 path 设置 SYNC_PROPERTY_PATH'}）\n${(e as Error).message}`);
          });
      }),
    );
  }, 1_800_000);
});
