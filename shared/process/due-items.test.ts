import { describe, expect, it } from 'vitest';
import { dueEntries, dueTaskEntries, lastDayOfMonth } from './due-items.js';

const today = '2026-12-02';

describe('due this week', () => {
  it('lists open records due within seven days (today and the sixth day after included) or overdue, oldest first', () => {
    const entries = dueEntries(
      [
        { id: 'c1', projectId: 'p', kind: 'complaint', values: { content: '服务人员未按约定时间到场', answerDue: '2026-12-08', answeredDate: null } },
        { id: 'c2', projectId: 'p', kind: 'complaint', values: { content: '超出一周', answerDue: '2026-12-09', answeredDate: null } },
        { id: 'c3', projectId: 'p', kind: 'complaint', values: { content: '已答复', answerDue: '2026-12-03', answeredDate: '2026-12-01' } },
        { id: 'a1', projectId: 'p', kind: 'correctiveAction', values: { nonConformity: '档案未归档', deadline: '2026-12-01', closedDate: '' } },
        { id: 't1', projectId: 'p', kind: 'serviceTask', values: { task: '组织入孵企业培训', dueDate: today, doneDate: null } },
        { id: 'l1', projectId: 'p', kind: 'consultation', values: { date: today } },
      ],
      today,
    );
    expect(entries.map((e) => [e.recordId, e.urgency])).toEqual([
      ['a1', 'overdue'],
      ['t1', 'due'],
      ['c1', 'due'],
    ]);
    expect(entries[0]!.wording).toBe('整改期限（已逾期）：档案未归档（12月1日）');
    expect(entries[2]!.wording).toBe('投诉待答复：服务人员未按约定时间到场（12月8日）');
  });

  it('ignores records without a valid due date', () => {
    expect(dueEntries([{ id: 'x', projectId: 'p', kind: 'complaint', values: { answerDue: '下周' } }], today)).toEqual([]);
  });
});

describe("a signed plan's tasks", () => {
  it('are due by the last day of their month (leap years too) until done', () => {
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
    const task = (itemId: string, dueMonth: string, status: string | null) => ({ planId: 'p', itemId, description: `任务 ${itemId}`, dueMonth, status });
    // 2026-12-25: December ends on the 31st, the seventh day counting today: due. November is past: overdue.
    const entries = dueTaskEntries([task('a', '2026-12', null), task('b', '2026-11', '进行中'), task('c', '2026-11', '已完成'), task('d', '2027-01', null), task('e', '2026年12月', null)], '2026-12-25');
    expect(entries.map((e) => [e.itemId, e.urgency, e.date])).toEqual([
      ['b', 'overdue', '2026-11-30'],
      ['a', 'due', '2026-12-31'],
    ]);
    expect(entries[1]!.wording).toBe('培育方案任务：任务 a（12月底）');
    expect(dueTaskEntries([task('a', '2026-12', null)], '2026-12-24')).toEqual([]);
  });
});
