// A full disk, for real: SQLite refuses to grow the file past max_page_count with SQLITE_FULL, exactly as it does
// when the disk has no room. The save must fail with a 'storage' envelope in Chinese, and earlier saves stay.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { sampleIncubator } from '../support/sample-incubator.js';

let t: TestWorkbench;
beforeEach(() => {
  t = openTestWorkbench();
});
afterEach(() => t.cleanup());

describe('a full disk', () => {
  it('a save that does not fit is a storage error in Chinese; earlier saves are intact and the app goes on', async () => {
    const saved: string[] = [];
    for (let i = 0; i < 3; i++) saved.push((await t.call('incubators.save', { values: sampleIncubator(i) })).id);
    const { sqlite } = t.wb.database;
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages}`);

    // Values as long as the fields allow (200 characters of address), so the rows soon stop fitting.
    const big = (i: number) => sampleIncubator(100 + i, { registeredAddress: `广西南宁市${'很长的地址'.repeat(38)}${i}`.slice(0, 200) });
    let full: Awaited<ReturnType<typeof t.router.dispatch>> | null = null;
    for (let i = 0; i < 500 && !full; i++) {
      const r = await t.router.dispatch('incubators.save', { values: big(i) });
      if (!r.ok) full = r;
      else saved.push((r.value as { id: string }).id);
    }
    expect(full, 'the database never filled up').not.toBeNull();
    if (full && !full.ok) {
      expect(full.error.kind).toBe('storage');
      expect(full.error.message).toContain('磁盘空间已满');
      expect(full.error.message).toContain('已保存的数据未受影响');
    }

    // Everything acknowledged is still there, with its outbox and audit rows; the failed save left nothing.
    const list = await t.call('incubators.list', {});
    expect(list.map((i) => i.id).sort()).toEqual([...saved].sort());
    const audits = (sqlite.prepare("select count(*) as n from audit_log where action = 'create'").get() as { n: number }).n;
    expect(audits).toBe(saved.length);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    // Room again (the user cleaned the disk): the same save goes through without restarting.
    sqlite.pragma('max_page_count = 1073741823');
    const again = await t.call('incubators.save', { values: big(999) });
    expect((await t.call('incubators.get', { id: again.id })).registeredAddress).toContain('很长的地址');
  });
});
