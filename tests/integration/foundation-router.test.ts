// The core router against a real temp database made by the real migrations.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpcError } from '../../shared/rpc/result.js';
import type { IncubatorValues } from '../../shared/domain/incubator.js';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { sampleIncubator } from '../support/sample-incubator.js';

let t: TestWorkbench;
let clock = Date.parse('2026-05-10T02:00:00.000Z');
beforeEach(() => {
  clock = Date.parse('2026-05-10T02:00:00.000Z');
  t = openTestWorkbench({ now: () => new Date(clock) });
});
afterEach(() => t.cleanup());

async function failure(method: string, input: unknown): Promise<RpcError> {
  const r = await t.router.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}
const count = (table: string) => (t.wb.database.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const save = (values: IncubatorValues, extra: { id?: string; confirmedWarnings?: string[] } = {}) =>
  t.call('incubators.save', { values, ...extra });

describe('core router: envelope', () => {
  it('an unknown method is a bad-request envelope in Chinese', async () => {
    const e = await failure('incubators.drop', {});
    expect(e).toEqual({ kind: 'bad-request', message: '未知的操作：incubators.drop' });
  });

  it('input that breaks the contract is a bad-request with issues, and nothing is written', async () => {
    const e = await failure('incubators.save', { values: { name: 42 } });
    expect(e.kind).toBe('bad-request');
    expect(e.message).toBe('请求内容格式不正确。');
    expect(e.issues?.[0]?.field).toBe('values.name');
    expect(count('incubators') + count('outbox') + count('audit_log')).toBe(0);
  });

  it('inherited object names are not methods', async () => {
    expect((await failure('toString', {})).kind).toBe('bad-request');
    expect((await failure('__proto__', {})).kind).toBe('bad-request');
  });

  it('system.status reports a ready database at the current schema version', async () => {
    const s = await t.call('system.status', {});
    expect(s.database).toEqual({ state: 'ready' });
    expect(s.shell).toBe('test');
    expect(s.schemaVersion).toBe(t.wb.schemaVersion);
  });

  it('get of a missing id is not-found', async () => {
    expect((await failure('incubators.get', { id: 'nope' })).kind).toBe('not-found');
    expect((await failure('incubators.save', { id: 'nope', values: sampleIncubator(1) })).kind).toBe('not-found');
  });
});

describe('incubators.save', () => {
  it('creates, normalizes and reads back', async () => {
    const saved = await save(sampleIncubator(1, { creditCode: ' 91450107ma5ka3rn4l ', contactMobile: '+86 139-7710-0001' }));
    expect(saved.creditCode).toBe('91450107MA5KA3RN4L');
    expect(saved.contactMobile).toBe('13977100001');
    expect(saved.version).toBe(0);
    expect(await t.call('incubators.get', { id: saved.id })).toEqual(saved);
  });

  it('a hard error is a validation envelope naming the field, in Chinese, and nothing is written', async () => {
    const e = await failure('incubators.save', { values: sampleIncubator(1, { creditCode: '91450107MA5KA3RN4' }) });
    expect(e.kind).toBe('validation');
    expect(e.field).toBe('creditCode');
    expect(e.message).toBe('「统一社会信用代码」统一社会信用代码应为 18 位，当前为 17 位');
    const illegal = await failure('incubators.save', { values: sampleIncubator(1, { creditCode: '91450107MA5KA3RNOL' }) });
    expect(illegal.message).toContain('第 17 位“O”');
    expect(count('incubators') + count('outbox') + count('audit_log')).toBe(0);
  });

  it('the operating date before the registration date is refused', async () => {
    const e = await failure('incubators.save', { values: sampleIncubator(1, { registeredOn: '2020-05-01', operatingSince: '2020-01-01' }) });
    expect(e).toMatchObject({ kind: 'validation', field: 'operatingSince' });
    expect(e.message).toContain('「运营时间」不能早于「注册时间」');
  });

  it('专业型 without 所属产业领域 is refused', async () => {
    const e = await failure('incubators.save', { values: sampleIncubator(2, { incubatorType: '专业型', industry: '' }) });
    expect(e).toMatchObject({ kind: 'validation', field: 'industry' });
  });

  it('a wrong check character needs confirmation, then saves as typed (upper-cased)', async () => {
    const values = sampleIncubator(3, { creditCode: '91350100m0001tgqxm' });
    const e = await failure('incubators.save', { values });
    expect(e.kind).toBe('needs-confirmation');
    expect(e.field).toBe('creditCode');
    expect(e.issues?.map((i) => i.severity)).toEqual(['warning', 'warning']);
    expect(e.issues?.[0]?.message).toContain('校验位应为');
    expect(count('incubators')).toBe(0);

    const saved = await save(values, { confirmedWarnings: ['creditCode'] });
    expect(saved.creditCode).toBe('91350100M0001TGQXM');
    expect((await t.call('incubators.get', { id: saved.id })).creditCode).toBe('91350100M0001TGQXM');
  });

  it('a code outside Guangxi with a correct check character is a warning to confirm', async () => {
    const e = await failure('incubators.save', { values: sampleIncubator(4, { creditCode: '91440101MA5CJQ4N59' }) });
    expect(e.kind).toBe('needs-confirmation');
    expect(e.issues).toHaveLength(1);
    expect(e.issues?.[0]?.message).toContain('不在广西');
    await save(sampleIncubator(4, { creditCode: '91440101MA5CJQ4N59' }), { confirmedWarnings: ['creditCode'] });
  });

  it('every write leaves one pending op per changed field and an audit entry', async () => {
    const created = await save(sampleIncubator(5));
    const afterCreate = count('outbox');
    expect(afterCreate).toBeGreaterThan(5);
    expect(count('audit_log')).toBe(1);
    // Not yet sent: the create's own op of 法人代表 takes the new value (docs/history.md), no second op.
    await save({ ...sampleIncubator(5), legalRep: '覃建华' }, { id: created.id });
    expect(count('outbox')).toBe(afterCreate);
    const ops = t.wb.database.sqlite.prepare("select entity, row_id, new_value from outbox where field = 'legalRep'").all();
    expect(ops).toEqual([{ entity: 'incubators', row_id: created.id, new_value: JSON.stringify('覃建华') }]);
    expect(count('audit_log')).toBe(2);
  });
});

describe('list, search, delete and undo', () => {
  beforeEach(async () => {
    expect(await t.call('demo.load', {})).toEqual({ created: 5, skipped: 0 });
  });

  const names = async (query: string) => (await t.call('incubators.list', { query })).map((i) => i.name);

  it('demo.load twice adds nothing twice', async () => {
    expect(await t.call('demo.load', {})).toEqual({ created: 0, skipped: 5 });
    expect(await t.call('incubators.list', {})).toHaveLength(5);
  });

  it('search finds by name, 信用代码 (any case), 运营机构, pinyin initials and full pinyin', async () => {
    expect(await names('邕江')).toEqual(['南宁邕江科技企业孵化器']);
    expect(await names('91450200ma5l2c8qx9')).toEqual(['柳州汽车零部件专业孵化器']);
    expect(await names('5L2C8')).toEqual(['柳州汽车零部件专业孵化器']);
    expect(await names('健康产业发展服务中心')).toEqual(['玉林中医药健康产业孵化基地']);
    expect(await names('lzqc')).toEqual(['柳州汽车零部件专业孵化器']);
    expect(await names('LZQC')).toEqual(['柳州汽车零部件专业孵化器']);
    expect(await names('guilin')).toEqual(['桂林漓江电子信息孵化园']);
    expect(await names('  ')).toHaveLength(5);
    expect(await names('不存在的孵化器')).toEqual([]);
  });

  it('LIKE wildcards in a query are literal', async () => {
    expect(await names('%')).toEqual([]);
    expect(await names('_')).toEqual([]);
  });

  it('delete is a tombstone, listed as undoable; undo brings it back', async () => {
    const [target] = await t.call('incubators.list', { query: 'lzqc' });
    const { auditId } = await t.call('incubators.delete', { id: target!.id });
    expect(await names('')).not.toContain(target!.name);
    expect(await names('lzqc')).toEqual([]);
    expect((await failure('incubators.get', { id: target!.id })).kind).toBe('not-found');
    const row = t.wb.database.sqlite.prepare('select deleted_at from incubators where id = ?').get(target!.id) as { deleted_at: string | null };
    expect(row.deleted_at).not.toBeNull();

    const history = await t.call('history.recent', { limit: 10 });
    expect(history[0]).toMatchObject({ id: auditId, action: 'delete', rowId: target!.id, undoable: true });
    expect(history[0]!.summary).toContain('柳州汽车零部件专业孵化器');

    expect(await t.call('history.undoDelete', { auditId })).toEqual({ rowId: target!.id });
    expect(await names('lzqc')).toEqual(['柳州汽车零部件专业孵化器']);
    const after = await t.call('history.recent', { limit: 10 });
    expect(after[0]!.action).toBe('restore');
    expect(after.find((h) => h.id === auditId)?.undoable).toBe(false);
  });

  it('a delete older than the undo window is not undoable', async () => {
    const [target] = await t.call('incubators.list', { query: 'guilin' });
    const { auditId } = await t.call('incubators.delete', { id: target!.id });
    clock += 31 * 24 * 3600 * 1000;
    expect((await t.call('history.recent', { limit: 5 }))[0]?.undoable).toBe(false);
    const e = await failure('history.undoDelete', { auditId });
    expect(e.kind).toBe('validation');
    expect(e.message).toContain('30 天');
  });

  it('undo of something that is not a delete is not-found', async () => {
    const history = await t.call('history.recent', { limit: 50 });
    const create = history.find((h) => h.action === 'create')!;
    expect((await failure('history.undoDelete', { auditId: create.id })).kind).toBe('not-found');
    expect((await failure('history.undoDelete', { auditId: 99999 })).kind).toBe('not-found');
  });

  it('deleting twice is not-found the second time', async () => {
    const [target] = await t.call('incubators.list', {});
    await t.call('incubators.delete', { id: target!.id });
    expect((await failure('incubators.delete', { id: target!.id })).kind).toBe('not-found');
  });
});

describe('agency', () => {
  it('an empty agency does not meet §4.2; the demo agency does', async () => {
    const empty = await t.call('agency.get', {});
    expect(empty.qualification.met).toBe(false);
    await t.call('demo.load', {});
    const demo = await t.call('agency.get', {});
    expect(demo.profile.staff).toHaveLength(4);
    expect(demo.qualification).toMatchObject({ serviceStaffCount: 3, experiencedCount: 2, met: true });
  });

  it('saving staff rows keeps ids, tombstones removed rows, and records ops', async () => {
    const first = await t.call('agency.save', {
      name: '服务机构',
      phone: '0771-5551234',
      staff: [
        { name: '甲', isServiceStaff: true, incubatorYears: 3 },
        { name: '乙', isServiceStaff: true, incubatorYears: 1 },
      ],
    });
    expect(first.qualification.met).toBe(false);
    expect(first.qualification.summary).toContain('服务人员还差 1 人');
    const [a, b] = first.profile.staff;
    const second = await t.call('agency.save', {
      ...first.profile,
      staff: [{ ...a!, incubatorYears: 4 }, { name: '丙', isServiceStaff: true, incubatorYears: 0 }, { name: '丁', isServiceStaff: true, incubatorYears: 2 }],
    });
    expect(second.profile.staff.map((s) => s.name)).toEqual(['甲', '丙', '丁']);
    expect(second.profile.staff[0]!.id).toBe(a!.id);
    expect(second.qualification.met).toBe(true);
    const gone = t.wb.database.sqlite.prepare('select deleted_at from agency_staff where id = ?').get(b!.id) as { deleted_at: string | null };
    expect(gone.deleted_at).not.toBeNull();
  });

  it('an invalid phone is a validation envelope on the phone field', async () => {
    const e = await failure('agency.save', { name: '甲', phone: '123', staff: [] });
    expect(e).toMatchObject({ kind: 'validation', field: 'phone' });
  });
});
