// 第六条's change requests through the router, on a real SQLite file with a fixed clock: recorded with who asked,
// date and content; the answer-period reminder is due, then overdue past the period (工作台 and the contract's
// card alike); once answered there is no reminder; bad input is refused next to its field.
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

async function effectiveContract() {
  await t.call('agency.save', { name: '广西科服咨询有限公司', staff: [] });
  const inc = await t.call('incubators.save', { values: { name: '桂创孵化器', operator: '桂创运营有限公司', creditCode: '91450107MA5KA3RN4L', incubatorType: '综合型' } });
  const c = await t.call('documents.create', { kind, incubatorId: inc.id });
  await t.call('documents.saveDraft', { kind, id: c.id, values: { fee: '60000', serviceSubject: '桂创孵化器培育', answerDays: '15', serviceStart: '2025-07-01', serviceEnd: '2026-06-30' } });
  await t.call('documents.complete', { kind, id: c.id });
  await t.call('contracts.transition', { id: c.id, event: 'sign', date: '2025-07-01', by: '黄敏', reason: '' });
  await t.call('contracts.transition', { id: c.id, event: 'takeEffect', date: '2025-07-01', by: '黄敏', reason: '' });
  return c;
}

const answerReminders = async () => (await t.call('contracts.reminders', {})).filter((r) => r.kind === 'changeRequestAnswer');

describe('第六条 change requests', () => {
  it('reminds of the answer period: due, overdue past it, gone once answered', async () => {
    const c = await effectiveContract();
    expect(await answerReminders()).toEqual([]);
    const view = await t.call('contracts.recordChangeRequest', { id: c.id, raisedBy: 'partyA', date: '2025-07-01', content: '甲方场地改造，请求调整服务时间' });
    expect(view.changeRequests).toEqual([expect.objectContaining({ raisedBy: 'partyA', receivedDate: '2025-07-01', content: '甲方场地改造，请求调整服务时间', answeredDate: null })]);
    const due = view.reminders.filter((r) => r.kind === 'changeRequestAnswer');
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ urgency: 'due', date: '2025-07-16', target: { contractId: c.id, anchor: `change-request:${view.changeRequests[0]!.id}` } });
    expect(due[0]!.message).toContain('请在2025年07月16日前答复甲方2025年07月01日提出的变更请求');
    expect((await answerReminders()).map((r) => r.urgency)).toEqual(['due']);

    setToday('2025-07-16');
    expect((await answerReminders()).map((r) => r.urgency)).toEqual(['due']);
    setToday('2025-07-17');
    const overdue = await answerReminders();
    expect(overdue.map((r) => r.urgency)).toEqual(['overdue']);
    expect(overdue[0]!.message).toContain('按第六条视为同意');

    const answered = await t.call('contracts.answerChangeRequest', { id: c.id, requestId: view.changeRequests[0]!.id, date: '2025-07-17', content: '同意调整' });
    expect(answered.changeRequests[0]).toMatchObject({ answeredDate: '2025-07-17', answer: '同意调整' });
    expect(answered.reminders.filter((r) => r.kind === 'changeRequestAnswer')).toEqual([]);
    expect(await answerReminders()).toEqual([]);
    const again = await failureOf(t.call('contracts.answerChangeRequest', { id: c.id, requestId: view.changeRequests[0]!.id, date: '2025-07-17', content: '再答复' }));
    expect(again.message).toBe('这条变更请求已于2025-07-17答复');
  });

  it('a request the agency (乙方) made waits for 甲方: upcoming, then due to record the deemed consent', async () => {
    const c = await effectiveContract();
    await t.call('contracts.recordChangeRequest', { id: c.id, raisedBy: 'partyB', date: '2025-07-01', content: '调整第二期款支付时间' });
    expect((await answerReminders()).map((r) => r.urgency)).toEqual(['upcoming']);
    setToday('2025-07-20');
    expect((await answerReminders()).map((r) => r.urgency)).toEqual(['due']);
  });

  it('refuses a missing date, a future date, empty content and an answer before the request, next to the field', async () => {
    const c = await effectiveContract();
    expect(await failureOf(t.call('contracts.recordChangeRequest', { id: c.id, raisedBy: 'partyA', date: '', content: '变更' }))).toMatchObject({ message: '请选择日期', field: 'date' });
    expect(await failureOf(t.call('contracts.recordChangeRequest', { id: c.id, raisedBy: 'partyA', date: '2025-07-02', content: '变更' }))).toMatchObject({ message: '日期不能晚于今天', field: 'date' });
    expect(await failureOf(t.call('contracts.recordChangeRequest', { id: c.id, raisedBy: 'partyA', date: '2025-07-01', content: ' ' }))).toMatchObject({ message: '请填写变更请求的内容', field: 'content' });
    setToday('2025-07-05');
    const view = await t.call('contracts.recordChangeRequest', { id: c.id, raisedBy: 'partyA', date: '2025-07-04', content: '变更' });
    const early = await failureOf(t.call('contracts.answerChangeRequest', { id: c.id, requestId: view.changeRequests[0]!.id, date: '2025-07-03', content: '同意' }));
    expect(early).toMatchObject({ message: '答复日期不能早于收到请求的日期', field: 'date' });
    expect((await t.call('contracts.lifecycle', { id: c.id })).changeRequests[0]!.answeredDate).toBeNull();
  });
});
