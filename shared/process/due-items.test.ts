import { describe, expect, it } from 'vitest';
import { dueEntries } from './due-items.js';

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
