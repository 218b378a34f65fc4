// docs/sync.md §Throughput: a pushed batch is checked op by op, then written set-based (one upsert of its records,
// one insert of its outcomes and fingerprints, in one statement). The answers per op are those of op-by-op writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { startTestSyncServer, type TestSyncServer } from '../support/sync-server.js';
import { SyncHttp } from '../../core/sync/transport.js';
import { formatHlc } from '../../shared/sync/hlc.js';
import type { SyncOp } from '../../shared/sync/protocol.js';
import { rowsOf } from '../../server/db/connect.js';
import { findMigrationsFolder, readSchemaVersion } from '../../db/migrations-folder.js';

const SCHEMA_VERSION = readSchemaVersion(findMigrationsFolder());

describe('set-based push against PostgreSQL', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function device(userId: string) {
    const clientId = randomUUID();
    const http = new SyncHttp({ baseUrl: 'http://sync.test', token: await server.deviceToken(userId, clientId), fetchImpl: server.injectFetch });
    let seq = 0;
    const ops = (list: (Pick<SyncOp, 'entity' | 'rowId' | 'field' | 'value'> & { baseVersion?: number })[]): SyncOp[] =>
      list.map((o) => ({ baseVersion: 0, ...o, seq: ++seq, opId: randomUUID(), hlc: formatHlc({ millis: Date.now(), counter: seq, node: clientId }), schemaVersion: SCHEMA_VERSION }));
    return { clientId, ops, push: (batch: SyncOp[]) => http.push({ clientId, ops: batch }) };
  }

  const query = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await server.opened.db.execute(q));

  it('one rejected and one conflicting op among applied ones: per-op answers, versions, cursors, outcomes and fingerprints as op by op', async () => {
    const agency = await server.newAgency();
    const other = await device(agency.userId);
    const first = await other.push(other.ops([{ entity: 'incubators', rowId: 'r1', field: 'name', value: '梧州孵化器' }, { entity: 'incubators', rowId: 'r1', field: 'industry', value: '林业' }]));
    expect(first).toMatchObject({ lastSeq: 2, results: [] });
    const before = await query<{ last_cursor: string }>(sql`select last_cursor from agencies where id = ${agency.agencyId}`);

    const a = await device(agency.userId);
    const batch = a.ops([
      { entity: 'incubators', rowId: 'r1', field: 'legalRep', value: '韦九', baseVersion: 2 },
      { entity: 'incubators', rowId: 'r1', field: 'name', value: null, baseVersion: 2 },
      { entity: 'incubators', rowId: 'r1', field: 'industry', value: '造纸', baseVersion: 1 },
      { entity: 'incubators', rowId: 'r2', field: 'name', value: '贺州孵化器' },
      { entity: 'incubators', rowId: 'r2', field: 'registeredCapital', value: 300 },
      { entity: 'incubators', rowId: 'r3', field: 'name', value: '来宾孵化器' },
    ]);
    const res = await a.push(batch);
    expect(res.lastSeq).toBe(6);
    expect(res.results.map((r) => [r.seq, r.status, r.code ?? null, r.serverValue, r.serverVersion])).toEqual([
      [2, 'rejected', 400, '梧州孵化器', 3],
      [3, 'conflict', null, '林业', 3],
    ]);

    const records = await query<{ row_id: string; version: number; cursor: string; fields: Record<string, unknown>; field_meta: Record<string, { v: number; c: string }> }>(
      sql`select row_id, version, cursor, fields, field_meta from records where agency_id = ${agency.agencyId} order by row_id`,
    );
    expect(records.map((r) => [r.row_id, r.version, r.fields])).toEqual([
      ['r1', 3, { name: '梧州孵化器', industry: '林业', legalRep: '韦九' }],
      ['r2', 2, { name: '贺州孵化器', registeredCapital: 300 }],
      ['r3', 1, { name: '来宾孵化器' }],
    ]);
    expect(records[0]!.field_meta.legalRep).toEqual(expect.objectContaining({ v: 3, c: a.clientId }));
    expect(records[1]!.field_meta.registeredCapital).toEqual(expect.objectContaining({ v: 2, c: a.clientId }));
    // Each written record took the next cursor, in order, and the agency's counter moved by as many.
    const base = Number(before[0]!.last_cursor);
    expect(records.map((r) => Number(r.cursor))).toEqual([base + 1, base + 2, base + 3]);
    const after = await query<{ last_cursor: string }>(sql`select last_cursor from agencies where id = ${agency.agencyId}`);
    expect(Number(after[0]!.last_cursor)).toBe(base + 3);

    const outcomes = await query<{ seq: string; op_id: string; status: string }>(
      sql`select seq, op_id, status from op_outcomes where agency_id = ${agency.agencyId} and client_id = ${a.clientId} order by seq`,
    );
    expect(outcomes.map((o) => [Number(o.seq), o.op_id, o.status])).toEqual([
      [2, batch[1]!.opId, 'rejected'],
      [3, batch[2]!.opId, 'conflict'],
    ]);
    const prints = await query<{ seq: string; op_id: string }>(
      sql`select seq, op_id from op_fingerprints where agency_id = ${agency.agencyId} and client_id = ${a.clientId} order by seq`,
    );
    expect(prints.map((p) => [Number(p.seq), p.op_id])).toEqual(batch.map((o) => [o.seq, o.opId]));
    const progress = await query<{ last_seq: string }>(sql`select last_seq from client_progress where agency_id = ${agency.agencyId} and client_id = ${a.clientId}`);
    expect(Number(progress[0]!.last_seq)).toBe(6);

    // The same batch again (its answer lost): the same answers, nothing written twice.
    const again = await a.push(batch);
    expect(again.lastSeq).toBe(6);
    expect(again.results.map((r) => [r.seq, r.status])).toEqual([
      [2, 'rejected'],
      [3, 'conflict'],
    ]);
    const versions = await query<{ row_id: string; version: number }>(sql`select row_id, version from records where agency_id = ${agency.agencyId} order by row_id`);
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('a batch whose every op is refused writes no record and moves no cursor, but records its progress', async () => {
    const agency = await server.newAgency();
    const a = await device(agency.userId);
    const res = await a.push(a.ops([{ entity: 'incubators', rowId: 'x1', field: 'name', value: null }, { entity: 'incubators', rowId: 'x1', field: 'registeredCapital', value: 'abc' }]));
    expect(res.results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await query(sql`select 1 from records where agency_id = ${agency.agencyId}`)).toHaveLength(0);
    const agencyRow = await query<{ last_cursor: string }>(sql`select last_cursor from agencies where id = ${agency.agencyId}`);
    expect(Number(agencyRow[0]!.last_cursor)).toBe(0);
    const progress = await query<{ last_seq: string }>(sql`select last_seq from client_progress where agency_id = ${agency.agencyId} and client_id = ${a.clientId}`);
    expect(Number(progress[0]!.last_seq)).toBe(2);
  });
});
