import { describe, expect, it } from 'vitest';
import { remindersFor, type ContractForReminders } from './contract-reminders.js';

const base: ContractForReminders = {
  id: 'c1',
  number: 'GXPY-2026-001',
  status: 'effective',
  effectiveDate: '2025-07-01',
  endDate: '2026-06-30',
  renewalAllowed: true,
  instalments: [],
  changeRequests: [],
  answerDays: 15,
};
const contract = (over: Partial<ContractForReminders>): ContractForReminders => ({ ...base, ...over });

describe('remindersFor with a fixed clock', () => {
  it('nothing to do in the middle of a quiet contract', () => {
    expect(remindersFor([base], '2026-01-15')).toEqual([]);
  });

  it('taking effect: a week ahead, then on the day and after', () => {
    const c = contract({ status: 'signed', effectiveDate: '2026-03-10' });
    expect(remindersFor([c], '2026-03-02')).toEqual([]);
    expect(remindersFor([c], '2026-03-03')).toEqual([
      { key: 'c1:takeEffect:2026-03-10', kind: 'takeEffect', urgency: 'upcoming', date: '2026-03-10', message: '合同 GXPY-2026-001：将于2026年03月10日生效，请做好开展服务的准备', target: { contractId: 'c1', anchor: 'lifecycle' } },
    ]);
    expect(remindersFor([c], '2026-03-12')[0]).toMatchObject({ urgency: 'due', message: '合同 GXPY-2026-001：已到生效日期（2026年03月10日），请确认合同生效' });
    expect(remindersFor([contract({ status: 'effective', effectiveDate: '2026-03-10' })], '2026-03-12')).toEqual([]);
  });

  it('the month before expiry, only when 第十二条 allows renewal', () => {
    expect(remindersFor([base], '2026-05-29')).toEqual([]);
    expect(remindersFor([base], '2026-05-30')).toEqual([
      {
        key: 'c1:renewalWindow:2026-06-30',
        kind: 'renewalWindow',
        urgency: 'due',
        date: '2026-06-30',
        message: '合同 GXPY-2026-001：将于2026年06月30日期满（还有 31 天），可在届满前一个月内与甲方商议续签',
        target: { contractId: 'c1', anchor: 'article-12' },
      },
    ]);
    expect(remindersFor([base], '2026-06-30')[0]?.message).toContain('还有 0 天');
    expect(remindersFor([contract({ renewalAllowed: false })], '2026-06-15')).toEqual([]);
    expect(remindersFor([contract({ status: 'renewed' })], '2026-06-15')).toEqual([]);
  });

  it('a term that has ended asks to be marked 到期', () => {
    for (const status of ['effective', 'renewed', 'suspended'] as const) {
      expect(remindersFor([contract({ status })], '2026-07-01')).toMatchObject([{ kind: 'termEnded', urgency: 'overdue', target: { anchor: 'lifecycle' } }]);
    }
    expect(remindersFor([contract({ status: 'expired' })], '2026-07-01')).toEqual([]);
  });

  it('instalments due within a week, then overdue; paid ones and milestone ones are quiet', () => {
    const c = contract({
      instalments: [
        { key: 'i1', amountFen: 300_000, dueDate: '2026-02-01', paidDate: null },
        { key: 'i2', amountFen: 700_000, dueDate: '2026-02-10', paidDate: null },
        { key: 'i3', amountFen: 100_000, dueDate: '2026-01-01', paidDate: '2026-01-01' },
        { key: 'i4', amountFen: 100_000, dueDate: null, paidDate: null },
      ],
    });
    expect(remindersFor([c], '2026-02-05')).toEqual([
      { key: 'c1:instalmentOverdue:i1', kind: 'instalmentOverdue', urgency: 'overdue', date: '2026-02-01', message: '合同 GXPY-2026-001：第 1 期款 ¥3,000.00 应于2026年02月01日支付，已逾期 4 天，请催收或记录已收款', target: { contractId: 'c1', anchor: 'instalment:i1' } },
      { key: 'c1:instalmentDue:i2', kind: 'instalmentDue', urgency: 'due', date: '2026-02-10', message: '合同 GXPY-2026-001：第 2 期款 ¥7,000.00 应于2026年02月10日支付，请提醒甲方付款', target: { contractId: 'c1', anchor: 'instalment:i2' } },
    ]);
    expect(remindersFor([contract({ ...c, status: 'draft' })], '2026-02-05')).toEqual([]);
    expect(remindersFor([contract({ ...c, status: 'terminated' })], '2026-02-05')).toEqual([]);
    expect(remindersFor([contract({ ...c, status: 'expired' })], '2026-07-05').map((r) => r.kind)).toEqual(['instalmentOverdue', 'instalmentOverdue']);
  });

  it('第六条: the answer period after a change request, both ways', () => {
    const c = contract({
      changeRequests: [
        { key: 'r1', raisedBy: 'partyA', receivedDate: '2026-03-01', answeredDate: null },
        { key: 'r2', raisedBy: 'partyB', receivedDate: '2026-03-01', answeredDate: null },
        { key: 'r3', raisedBy: 'partyA', receivedDate: '2026-03-01', answeredDate: '2026-03-05' },
      ],
    });
    expect(remindersFor([c], '2026-03-10').map((r) => [r.urgency, r.date, r.message, r.target.anchor])).toEqual([
      ['due', '2026-03-16', '合同 GXPY-2026-001：请在2026年03月16日前答复甲方2026年03月01日提出的变更请求（逾期未答复视为同意）', 'change-request:r1'],
      ['upcoming', '2026-03-16', '合同 GXPY-2026-001：等待甲方答复本方2026年03月01日提出的变更请求，期限2026年03月16日，逾期未答复视为同意', 'change-request:r2'],
    ]);
    expect(remindersFor([c], '2026-03-17').map((r) => [r.urgency, r.message])).toEqual([
      ['overdue', '合同 GXPY-2026-001：甲方2026年03月01日提出的变更请求未在2026年03月16日前答复，按第六条视为同意，请记录并执行变更'],
      ['due', '合同 GXPY-2026-001：甲方未在2026年03月16日前答复本方2026年03月01日提出的变更请求，按第六条视为同意，请记录'],
    ]);
    expect(remindersFor([contract({ ...c, answerDays: null })], '2026-03-10')).toEqual([]);
  });

  it('keys are stable from day to day, so 「已处理」 sticks', () => {
    const c = contract({ instalments: [{ key: 'i1', amountFen: 1, dueDate: '2026-02-01', paidDate: null }] });
    expect(remindersFor([c], '2026-01-28')[0]?.key).toBe('c1:instalmentDue:i1');
    expect(remindersFor([c], '2026-02-02')[0]?.key).toBe('c1:instalmentOverdue:i1');
    expect(remindersFor([c], '2026-02-20')[0]?.key).toBe('c1:instalmentOverdue:i1');
  });

  it('orders overdue first, then by date, then by contract number', () => {
    const a = contract({ id: 'a', number: 'GXPY-2026-002', instalments: [{ key: 'x', amountFen: 1, dueDate: '2026-02-03', paidDate: null }] });
    const b = contract({ id: 'b', number: 'GXPY-2026-001', instalments: [{ key: 'x', amountFen: 1, dueDate: '2026-02-03', paidDate: null }] });
    const d = contract({ id: 'd', number: 'GXPY-2026-003', instalments: [{ key: 'x', amountFen: 1, dueDate: '2026-01-20', paidDate: null }] });
    expect(remindersFor([a, b, d], '2026-02-01').map((r) => `${r.urgency}:${r.target.contractId}`)).toEqual(['overdue:d', 'due:b', 'due:a']);
  });
});
