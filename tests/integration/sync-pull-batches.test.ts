// docs/sync.md §Pull: a pulled page is written in one savepoint with prepared statements; a row the database refuses
// sends the page back to one savepoint per row, so that row alone is quarantined and the rest applies.
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openTestSyncClient, type TestSyncClient } from '../support/sync-client.js';
import { applyPulledPage } from '../../core/sync/apply-pull.js';
import { readLocalRow, writeLocalRow } from '../../core/sync/local-rows.js';
import { syncEntity } from '../../core/sync/registry.js';
import { diagnoses, incubators } from '../../db/schema/index.js';
import { SYNC_KEYS, listOpenIssues, readNumber } from '../../db/repositories/sync-state-repository.js';
import type { PulledRow } from '../../shared/sync/protocol.js';

const NOW = '2026-03-01T08:00:00.000Z';

function incubatorRow(rowId: string, i: number, version = 3): PulledRow {
  return {
    cursor: i + 1,
    entity: 'incubators',
    rowId,
    version,
    fields: {
      name: `南宁第${i}孵化器`,
      operator: `运营机构${i}`,
      creditCode: `9145010${String(i).padStart(11, '0')}`,
      registeredCapital: 100 + i,
      reportedTorchStats: i % 2 === 0,
      incubatorType: '综合型',
    },
    deletedAt: null,
    signed: null,
  };
}

describe('pulled pages applied in batches', () => {
  let client: TestSyncClient | undefined;
  afterEach(() => client?.close());

  it('a page applies in one pass: rows inserted and updated, derived columns and booleans as before, cursor moved', () => {
    client = openTestSyncClient();
    const db = client.opened.db;
    const ids = Array.from({ length: 300 }, () => randomUUID());
    const first = applyPulledPage(db, ids.map((id, i) => incubatorRow(id, i)), 300, NOW);
    expect(first).toEqual({ applied: 300, skippedFields: 0, unknownEntities: 0, quarantined: 0 });
    const row = client.incubator(ids[7]!)!;
    expect(row).toMatchObject({ name: '南宁第7孵化器', version: 3, registeredCapital: 107, reportedTorchStats: false, createdAt: NOW, updatedAt: NOW });
    // The search text is derived locally (the registry's derive), exactly as a single-row write derives it.
    expect(row.searchText).toContain('南宁第7孵化器'.toLowerCase());
    expect(client.incubator(ids[8]!)!.reportedTorchStats).toBe(true);
    // A local edit pending on one field: the pulled page updates every other field and leaves that one alone.
    client.saveIncubator(ids[0]!, { operator: '本机改的运营机构' });
    const second = applyPulledPage(
      db,
      ids.map((id, i) => ({ ...incubatorRow(id, i, 4), fields: { ...incubatorRow(id, i).fields, operator: `新运营机构${i}` } })),
      600,
      NOW,
    );
    expect(second).toMatchObject({ applied: 300, skippedFields: 1, quarantined: 0 });
    expect(client.incubator(ids[0]!)!.operator).toBe('本机改的运营机构');
    expect(client.incubator(ids[1]!)).toMatchObject({ operator: '新运营机构1', version: 4, createdAt: NOW });
    expect(readNumber(db, SYNC_KEYS.cursor)).toBe(600);
  });

  it('one row the database refuses is quarantined alone: the rest of its page applies', () => {
    client = openTestSyncClient();
    const db = client.opened.db;
    // A real refusal by SQLite for one row, as a constraint or a signed row's guard refuses it.
    client.opened.sqlite.exec(`create trigger refuse_one before insert on incubators when new.name = '南宁第5孵化器'
      begin select raise(abort, 'refused by test trigger'); end`);
    const ids = Array.from({ length: 20 }, () => randomUUID());
    const result = applyPulledPage(db, ids.map((id, i) => incubatorRow(id, i)), 20, NOW);
    expect(result).toEqual({ applied: 19, skippedFields: 0, unknownEntities: 0, quarantined: 1 });
    expect(client.incubator(ids[5]!)).toBeUndefined();
    for (const [i, id] of ids.entries()) if (i !== 5) expect(client.incubator(id)?.name).toBe(`南宁第${i}孵化器`);
    const issues = listOpenIssues(db);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ status: 'quarantined', entity: 'incubators', rowId: ids[5], field: '*' });
    expect(issues[0]!.message).toContain('南宁第5孵化器');
    expect(issues[0]!.message).toContain('refused by test trigger');
    expect(readNumber(db, SYNC_KEYS.cursor)).toBe(20);
    // The refusal gone, the row's next version applies and settles its quarantine.
    client.opened.sqlite.exec('drop trigger refuse_one');
    expect(applyPulledPage(db, [incubatorRow(ids[5]!, 5, 4)], 21, NOW)).toMatchObject({ applied: 1, quarantined: 0 });
    expect(client.incubator(ids[5]!)?.version).toBe(4);
    expect(listOpenIssues(db)).toHaveLength(0);
  });

  it('a refused row that appears after a good one of the same page leaves that good row written once', () => {
    client = openTestSyncClient();
    const db = client.opened.db;
    client.opened.sqlite.exec(`create trigger refuse_update before update on incubators when new.version = 9
      begin select raise(abort, 'refused update'); end`);
    const id = randomUUID();
    const other = randomUUID();
    const page = [incubatorRow(id, 1, 2), incubatorRow(other, 2, 2), { ...incubatorRow(id, 1, 9), cursor: 3 }];
    const result = applyPulledPage(db, page, 3, NOW);
    expect(result).toMatchObject({ applied: 2, quarantined: 1 });
    expect(client.incubator(id)?.version).toBe(2);
    expect(client.incubator(other)?.version).toBe(2);
  });

  it('a document’s pulled values merge into its map as a single-row write merges them', () => {
    client = openTestSyncClient();
    const db = client.opened.db;
    const incubatorId = client.saveIncubator(undefined, { name: '文档孵化器' });
    const def = syncEntity('diagnoses')!;
    const viaSingle = randomUUID();
    const viaPage = randomUUID();
    for (const id of [viaSingle, viaPage]) {
      writeLocalRow(db, def, id, { incubatorId, 'values.summary': '原有小结', 'values.score': 3 }, { version: 1, now: NOW });
    }
    const pulled = { incubatorId, 'values.score': 5, 'values.advice': '新增建议', header: { takenAt: NOW, values: { name: '文档孵化器' } } };
    writeLocalRow(db, def, viaSingle, { ...pulled, deletedAt: null }, { version: 2, now: NOW });
    applyPulledPage(db, [{ cursor: 1, entity: 'diagnoses', rowId: viaPage, version: 2, fields: pulled, deletedAt: null, signed: null }], 1, NOW);
    const strip = (r: Record<string, unknown> | undefined) => ({ ...r, id: undefined });
    expect(strip(readLocalRow(db, def, viaPage))).toEqual(strip(readLocalRow(db, def, viaSingle)));
    const stored = db.select().from(diagnoses).where(eq(diagnoses.id, viaPage)).get()!;
    expect(JSON.parse(stored.valuesJson)).toEqual({ summary: '原有小结', score: 5, advice: '新增建议' });
    expect(db.select().from(incubators).all()).toHaveLength(1);
  });
});
