// No duplicate incubators (issue 8.3), through the router on a real database made by the real migrations.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncubatorValues } from '../../shared/domain/incubator.js';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { guangxiCreditCode, sampleIncubator } from '../support/sample-incubator.js';
import { saveIncubator } from '../../db/repositories/incubator-repository.js';

const DAY = 24 * 3600 * 1000;
let t: TestWorkbench;
let clock = 0;
beforeEach(() => {
  clock = Date.parse('2026-05-10T02:00:00.000Z');
  t = openTestWorkbench({ now: () => new Date(clock) });
});
afterEach(() => t.cleanup());
const failure = (method: string, input: unknown) => t.failure(method, input);
const save = (values: IncubatorValues, extra: { id?: string; confirmedWarnings?: string[] } = {}) =>
  t.call('incubators.save', { values, ...extra });
const count = () => (t.wb.database.sqlite.prepare('select count(*) as n from incubators').get() as { n: number }).n;

describe('the same 统一社会信用代码', () => {
  it('is refused for a second incubator, on the code field, naming and linking the first; nothing is written', async () => {
    const first = await save(sampleIncubator(1));
    const e = await failure('incubators.save', { values: sampleIncubator(2, { creditCode: first.creditCode.toLowerCase() }) });
    expect(e.kind).toBe('validation');
    expect(e.field).toBe('creditCode');
    expect(e.message).toBe(`「统一社会信用代码」该统一社会信用代码已登记为「${first.name}」，同一代码不能登记两个孵化器`);
    expect(e.issues).toEqual([{ field: 'creditCode', severity: 'error', message: `该统一社会信用代码已登记为「${first.name}」，同一代码不能登记两个孵化器` }]);
    expect(e.related).toEqual({ entity: 'incubators', id: first.id, label: first.name, deleted: false });
    expect(count()).toBe(1);
  });

  it('cannot be confirmed away', async () => {
    const first = await save(sampleIncubator(1));
    const e = await failure('incubators.save', {
      values: sampleIncubator(2, { creditCode: first.creditCode }),
      confirmedWarnings: ['creditCode', 'name'],
    });
    expect(e.kind).toBe('validation');
  });

  it('is refused when editing another incubator to it, but saving a record with its own code is fine', async () => {
    const first = await save(sampleIncubator(1));
    const second = await save(sampleIncubator(2));
    expect((await failure('incubators.save', { id: second.id, values: { ...sampleIncubator(2), creditCode: first.creditCode } })).field).toBe('creditCode');
    const again = await save({ ...sampleIncubator(1), legalRep: '新法人' }, { id: first.id });
    expect(again.legalRep).toBe('新法人');
  });

  it('counts an incubator in the bin (deleted within 30 days), and says so; after 30 days the code is free', async () => {
    const first = await save(sampleIncubator(1));
    await t.call('incubators.delete', { id: first.id });
    clock += 29 * DAY;
    const e = await failure('incubators.save', { values: sampleIncubator(2, { creditCode: first.creditCode }) });
    expect(e.field).toBe('creditCode');
    expect(e.message).toContain('已删除，可在“设置与备份 → 操作记录”中撤销删除');
    expect(e.related).toMatchObject({ id: first.id, deleted: true });

    clock += 2 * DAY;
    const reused = await save(sampleIncubator(2, { creditCode: first.creditCode }));
    expect(reused.creditCode).toBe(first.creditCode);
  });

  it('stops undoing a delete when the code has been registered again since (e.g. by a colleague, via sync)', async () => {
    const first = await save(sampleIncubator(1));
    const { auditId } = await t.call('incubators.delete', { id: first.id });
    // Rows pulled from the sync server are written by the repository, not through the service's checks.
    const values = sampleIncubator(2, { creditCode: first.creditCode });
    const successor = saveIncubator(t.wb.database.db, t.wb.changeContext(), { values, searchText: values.name });
    const e = await failure('history.undoDelete', { auditId });
    expect(e.kind).toBe('validation');
    expect(e.message).toBe(
      `无法撤销删除「${first.name}」：该统一社会信用代码已登记为「${successor.name}」，同一代码不能登记两个孵化器。请先修改或删除「${successor.name}」。`,
    );
    expect(e.related).toMatchObject({ id: successor.id, deleted: false });
    expect((await t.call('incubators.list', {})).map((i) => i.id)).toEqual([successor.id]);
  });
});

describe('the same name with another code', () => {
  it('is a warning on the name to confirm, naming the other code; confirmed, it saves', async () => {
    const first = await save(sampleIncubator(1));
    const values = sampleIncubator(2, { name: ` ${first.name.replace('号', '号 ')}` });
    const e = await failure('incubators.save', { values });
    expect(e.kind).toBe('needs-confirmation');
    expect(e.field).toBe('name');
    expect(e.issues).toEqual([
      {
        field: 'name',
        severity: 'warning',
        message: `已有同名孵化器「${first.name}」（信用代码 ${first.creditCode}），请核实是否为另一家孵化器`,
      },
    ]);
    expect(e.related).toMatchObject({ id: first.id, label: first.name });
    expect(count()).toBe(1);

    const second = await save(values, { confirmedWarnings: ['name'] });
    expect(second.creditCode).toBe(guangxiCreditCode(2));
    expect(count()).toBe(2);
  });

  it('treats full-width and half-width forms as the same name', async () => {
    await save(sampleIncubator(1, { name: '南宁(东盟)科技孵化器' }));
    const e = await failure('incubators.save', { values: sampleIncubator(2, { name: '南宁（东盟）科技孵化器' }) });
    expect(e).toMatchObject({ kind: 'needs-confirmation', field: 'name' });
  });

  it('a taken code is reported before a shared name', async () => {
    const first = await save(sampleIncubator(1));
    const e = await failure('incubators.save', { values: sampleIncubator(2, { name: first.name, creditCode: first.creditCode }) });
    expect(e).toMatchObject({ kind: 'validation', field: 'creditCode' });
  });
});
