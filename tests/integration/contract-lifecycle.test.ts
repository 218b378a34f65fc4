// The contract's lifecycle and reminders through the router, with a fixed clock: every move recorded with date,
// reason and who; illegal moves refused with the lifecycle's message; 续签 makes the next period's contract;
// reminders on the day they are due, gone once marked done; the list's search.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { failureOf } from '../support/rpc-failure.js';

let t: TestWorkbench;
let now = new Date('2025-07-01T02:00:00Z');
beforeEach(() => {
  now = new Date('2025-07-01T02:00:00Z');
  t = openTestWorkbench({ now: () => now });
});
afterEach(() => t.cleanup());

const kind = 'contract' as const;
const setToday = (iso: string) => (now = new Date(`${iso}T02:00:00Z`));


async function completedContract(values: Record<string, string> = {}, lists?: Record<string, { id: string; values: Record<string, string> }[]>) {
  await t.call('agency.save', { name: '广西科服咨询有限公司', staff: [] });
  const inc = await t.call('incubators.save', { values: { name: '桂创孵化器', operator: '桂创运营有限公司', creditCode: '91450107MA5KA3RN4L', incubatorType: '综合型' } });
  const c = await t.call('documents.create', { kind, incubatorId: inc.id });
  await t.call('documents.saveDraft', { kind, id: c.id, values: { fee: '60000', serviceSubject: '桂创孵化器培育', ...values }, ...(lists ? { lists } : {}) });
  await t.call('documents.complete', { kind, id: c.id });
  return c;
}

describe('the contract lifecycle', () => {
  it('records each move with date, reason and who, and refuses illegal moves with a message', async () => {
    const c = await completedContract();
    expect((await t.call('contracts.lifecycle', { id: c.id })).status).toBe('draft');
    expect((await failureOf(t.call('contracts.transition', { id: c.id, event: 'takeEffect', date: '2025-07-01', by: '黄敏', reason: '' }))).message).toBe('「草稿」的合同不能生效：请先签订');
    const signed = await t.call('contracts.transition', { id: c.id, event: 'sign', date: '2025-07-01', by: '黄敏', reason: '' });
    expect(signed.status).toBe('signed');
    expect(signed.allowed).toEqual(['takeEffect', 'terminate']);
    expect(signed.history[0]).toMatchObject({ event: 'sign', from: 'draft', to: 'signed', date: '2025-07-01', by: '黄敏' });

    const noReason = await failureOf(t.call('contracts.transition', { id: c.id, event: 'terminate', date: '2025-07-01', by: '黄敏', reason: ' ' }));
    expect(noReason).toMatchObject({ kind: 'validation', message: '请填写终止的原因', field: 'reason' });
    const future = await failureOf(t.call('contracts.transition', { id: c.id, event: 'takeEffect', date: '2025-07-02', by: '黄敏', reason: '' }));
    expect(future.field).toBe('date');

    await t.call('contracts.transition', { id: c.id, event: 'takeEffect', date: '2025-07-01', by: '黄敏', reason: '' });
    const suspended = await t.call('contracts.transition', { id: c.id, event: 'suspend', date: '2025-07-01', by: '韦晓东', reason: '甲方场地改造' });
    expect(suspended.history.map((h) => `${h.event}:${h.by}:${h.reason}`)).toEqual(['sign:黄敏:', 'takeEffect:黄敏:', 'suspend:韦晓东:甲方场地改造']);
    const terminated = await t.call('contracts.transition', { id: c.id, event: 'terminate', date: '2025-07-01', by: '韦晓东', reason: '双方协商一致' });
    expect(terminated.allowed).toEqual([]);
    expect((await failureOf(t.call('contracts.transition', { id: c.id, event: 'resume', date: '2025-07-01', by: '韦晓东', reason: '再议' }))).message).toBe('合同已终止，状态不能再变更');
  });

  it('refuses to record a signature on a contract that was never completed', async () => {
    await t.call('agency.save', { name: '广西科服咨询有限公司', staff: [] });
    const inc = await t.call('incubators.save', { values: { name: '桂创孵化器', operator: '桂创运营有限公司', creditCode: '91450107MA5KA3RN4L', incubatorType: '综合型' } });
    const c = await t.call('documents.create', { kind, incubatorId: inc.id });
    expect((await failureOf(t.call('contracts.transition', { id: c.id, event: 'sign', date: '2025-07-01', by: '黄敏', reason: '' }))).message).toContain('尚未定稿');
  });

  it('renews in the month before expiry only, linking a new contract for the next period', async () => {
    const c = await completedContract({ serviceStart: '2025-07-01', serviceEnd: '2025-12-31' });
    await t.call('contracts.transition', { id: c.id, event: 'sign', date: '2025-07-01', by: '黄敏', reason: '' });
    await t.call('contracts.transition', { id: c.id, event: 'takeEffect', date: '2025-07-01', by: '黄敏', reason: '' });
    setToday('2025-11-20');
    const early = await failureOf(t.call('contracts.transition', { id: c.id, event: 'renew', date: '2025-11-20', by: '黄敏', reason: '' }));
    expect(early.message).toBe('续签应在期限届满前一个月内商定（2025年11月30日至2025年12月31日）');
    expect(await t.call('documents.list', { kind })).toHaveLength(1);

    setToday('2025-12-05');
    const reminders = await t.call('contracts.reminders', {});
    expect(reminders.map((r) => r.kind)).toContain('renewalWindow');
    const renewed = await t.call('contracts.transition', { id: c.id, event: 'renew', date: '2025-12-05', by: '黄敏', reason: '' });
    expect(renewed.status).toBe('renewed');
    const successor = await t.call('documents.get', { kind, id: renewed.history.at(-1)!.successorId! });
    expect(successor.record.values).toMatchObject({ serviceStart: '2026-01-01', serviceEnd: '2026-12-31' });
    expect(successor.record.values.contractNo).not.toBe(c.values.contractNo);
  });

  it('reminds of taking effect and of instalments due and overdue, on the contract and the 工作台, until marked done', async () => {
    const lists = {
      instalments: [
        { id: crypto.randomUUID(), values: { dueDate: '2025-07-20', amount: '30000' } },
        { id: crypto.randomUUID(), values: { dueDate: '2025-09-01', amount: '30000' } },
      ],
    };
    const c = await completedContract({ paymentMode: '分期', serviceStart: '2025-07-05', serviceEnd: '2026-07-04' }, lists);
    await t.call('contracts.transition', { id: c.id, event: 'sign', date: '2025-07-01', by: '黄敏', reason: '' });
    const onSigning = await t.call('contracts.lifecycle', { id: c.id });
    expect(onSigning.reminders.map((r) => r.message)).toEqual([expect.stringContaining('将于2025年07月05日生效')]);

    await t.call('contracts.transition', { id: c.id, event: 'takeEffect', date: '2025-07-01', by: '黄敏', reason: '' });
    setToday('2025-07-25');
    const late = await t.call('contracts.reminders', {});
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ kind: 'instalmentOverdue', urgency: 'overdue', incubatorName: '桂创孵化器', target: { contractId: c.id } });
    expect(late[0]!.message).toContain('第 1 期款 ¥30,000.00 应于2025年07月20日支付，已逾期 5 天');

    await t.call('contracts.markReminderDone', { key: late[0]!.key, contractId: c.id });
    expect(await t.call('contracts.reminders', {})).toEqual([]);
  });

  it('finds contracts by number, party, status and end of term', async () => {
    const c = await completedContract({ serviceStart: '2025-07-01', serviceEnd: '2025-07-20' });
    const number = String(c.values.contractNo);
    expect((await t.call('contracts.search', { text: number.slice(-5) })).map((r) => r.id)).toEqual([c.id]);
    expect(await t.call('contracts.search', { text: '桂创运营' })).toHaveLength(1);
    expect(await t.call('contracts.search', { text: '不存在的单位' })).toHaveLength(0);
    expect(await t.call('contracts.search', { text: '', status: 'signed' })).toHaveLength(0);
    expect(await t.call('contracts.search', { text: '', status: 'draft', expiringWithinDays: 30 })).toHaveLength(1);
    expect(await t.call('contracts.search', { text: '', expiringWithinDays: 10 })).toHaveLength(0);
  });
});
