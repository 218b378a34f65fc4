// 操作记录 as people read it (issue 8.2, UI half): filters by record, kind and action; entries say whether their
// record can still be opened; the record filter names records. Real database, through the router.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { sampleIncubator } from '../support/sample-incubator.js';

let t: TestWorkbench;
beforeEach(() => {
  t = openTestWorkbench();
});
afterEach(() => t.cleanup());

async function threeIncubators() {
  const a = await t.call('incubators.save', { values: sampleIncubator(1) });
  const b = await t.call('incubators.save', { values: sampleIncubator(2) });
  const c = await t.call('incubators.save', { values: sampleIncubator(3) });
  await t.call('incubators.save', { id: a.id, values: { ...sampleIncubator(1), legalRep: '改一' } });
  await t.call('incubators.save', { id: a.id, values: { ...sampleIncubator(1), name: '改名后的孵化器', legalRep: '改二' }, confirmedWarnings: [] });
  await t.call('incubators.delete', { id: c.id });
  return { a, b, c };
}

describe('history.list', () => {
  it('filters by record: only that record, newest first, with the right record state', async () => {
    const { a } = await threeIncubators();
    const { entries, more } = await t.call('history.list', { entity: 'incubators', rowId: a.id });
    expect(more).toBe(false);
    // Two edits: two entries, or one once continuous edits are coalesced into one entry per session.
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['update', 'create']));
    expect(entries.at(-1)!.action).toBe('create');
    expect(entries.every((e) => e.rowId === a.id && e.record === 'live')).toBe(true);
    expect(entries[0]!.summary).toContain('「改名后的孵化器」');
  });

  it('filters by kind and by action; a deleted record is in the bin and its delete undoable', async () => {
    const { c } = await threeIncubators();
    await t.call('agency.save', { name: '柳州科服中心', phone: '0772-5551234', staff: [{ name: '甲', isServiceStaff: true, incubatorYears: 3 }] });
    const incubatorEntries = (await t.call('history.list', { entity: 'incubators' })).entries;
    expect(incubatorEntries.length).toBeGreaterThanOrEqual(5);
    expect(incubatorEntries.every((e) => e.entity === 'incubators')).toBe(true);

    const deletes = (await t.call('history.list', { action: 'delete' })).entries;
    expect(deletes).toHaveLength(1);
    expect(deletes[0]).toMatchObject({ rowId: c.id, record: 'deleted', undoable: true });

    const all = (await t.call('history.list', {})).entries;
    expect(all.map((e) => e.entity)).toContain('agency_staff');
    expect(all.filter((e) => e.rowId === c.id).every((e) => e.record === 'deleted')).toBe(true);
  });

  it('pages: `more` says older entries match, and beforeId continues without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) await t.call('incubators.save', { values: sampleIncubator(10 + i) });
    const first = await t.call('history.list', { limit: 3 });
    expect(first.more).toBe(true);
    const second = await t.call('history.list', { limit: 3, beforeId: first.entries.at(-1)!.id });
    const third = await t.call('history.list', { limit: 3, beforeId: second.entries.at(-1)!.id });
    expect(third.more).toBe(false);
    const ids = [...first.entries, ...second.entries, ...third.entries].map((e) => e.id);
    expect(ids).toHaveLength(7);
    expect([...ids].sort((x, y) => y - x)).toEqual(ids);
  });

  it('an entry about a row that no longer exists anywhere is "gone"', async () => {
    const { b } = await threeIncubators();
    t.wb.database.sqlite.prepare('delete from incubators where id = ?').run(b.id);
    const entries = (await t.call('history.list', { rowId: b.id })).entries;
    expect(entries.map((e) => e.record)).toEqual(['gone']);
  });
});

describe('history.records', () => {
  it('lists each record once, most recently changed first, named by its current name', async () => {
    const { a, b, c } = await threeIncubators();
    const records = await t.call('history.records', { entity: 'incubators' });
    expect(records.map((r) => r.rowId)).toEqual([c.id, a.id, b.id]);
    expect(records.find((r) => r.rowId === a.id)?.label).toBe('改名后的孵化器');
    expect(records.find((r) => r.rowId === c.id)?.label).toBe(c.name);
  });

  it('names a diagnosis by the incubator its history names (documents have no name column)', async () => {
    await t.call('demo.load', {});
    const records = await t.call('history.records', { entity: 'diagnoses' });
    expect(records.length).toBeGreaterThan(0);
    const names = (await t.call('incubators.list', {})).map((i) => i.name);
    for (const r of records) expect(names).toContain(r.label);
  });
});
