import { describe, expect, it } from 'vitest';
import { checkTaskOrder } from './task-order.js';
import { budgetTotal, checkBudget } from './budget.js';
import { cleanPastedText, splitLines } from './plan-text.js';
import { checkTaskProgress } from './task-progress.js';

const tasks = (...months: (string | null)[]) => months.map((dueMonth) => ({ dueMonth }));

describe('checkTaskOrder', () => {
  const period = { planStart: '2025-03-15', contractEnd: '2026-02-28' };

  it('tasks in order within the plan and the contract pass; equal months are in order', () => {
    expect(checkTaskOrder(tasks('2025-03', '2025-06', '2025-06', '2026-02'), period)).toEqual([]);
  });

  it('a task earlier than the one before it is an error on that task', () => {
    expect(checkTaskOrder(tasks('2025-06', '2025-09', '2025-05', '2025-10'), period)).toEqual([
      { field: 'tasks[2].dueMonth', severity: 'error', message: '任务3的期限（2025年05月）早于任务2（2025年09月），请按时间顺序排列' },
    ]);
  });

  it('none before the plan starts', () => {
    expect(checkTaskOrder(tasks('2025-02'), period)).toEqual([{ field: 'tasks[0].dueMonth', severity: 'error', message: '任务1的期限（2025年02月）早于方案开始（2025年03月）' }]);
  });

  it('after the contract’s end is a warning, not an error', () => {
    expect(checkTaskOrder(tasks('2025-06', '2026-03'), period)).toEqual([
      { field: 'tasks[1].dueMonth', severity: 'warning', message: '任务2的期限（2026年03月）晚于合同期满（2026年02月28日），需续签合同或调整期限' },
    ]);
  });

  it('empty months and a missing contract or start are skipped', () => {
    expect(checkTaskOrder(tasks(null, '2025-06', null, '2025-01'), { planStart: null, contractEnd: null })).toEqual([
      { field: 'tasks[3].dueMonth', severity: 'error', message: '任务4的期限（2025年01月）早于任务2（2025年06月），请按时间顺序排列' },
    ]);
  });
});

describe('budget', () => {
  const lines = [
    { item: '专家咨询费', amountFen: 3_000_000 },
    { item: '培训费', amountFen: 1_250_050 },
  ];

  it('totals in 分, exactly', () => {
    expect(budgetTotal(lines)).toEqual({ totalFen: 4_250_050, complete: true });
    expect(budgetTotal([...lines, { item: '差旅', amountFen: null }])).toEqual({ totalFen: 4_250_050, complete: false });
    expect(budgetTotal([])).toEqual({ totalFen: 0, complete: true });
  });

  it('within the fee: no message; above it: a warning that says by how much', () => {
    expect(checkBudget(lines, 5_000_000)).toEqual([]);
    expect(checkBudget(lines, 4_250_050)).toEqual([]);
    expect(checkBudget(lines, 4_000_000)).toEqual([
      { field: 'budget', severity: 'warning', message: '经费预算合计 ¥42,500.50，超出合同技术服务报酬 ¥40,000.00（多出 ¥2,500.50）' },
    ]);
    expect(checkBudget([...lines, { item: '差旅', amountFen: null }], 4_000_000)[0]?.message).toMatch(/^经费预算合计至少 /);
  });

  it('an item needs its name; no contract, no comparison', () => {
    expect(checkBudget([{ item: ' ', amountFen: 1 }], null)).toEqual([{ field: 'budget[0].item', severity: 'error', message: '请填写第 1 行的预算项目名称' }]);
  });
});

describe('text pasted from Word', () => {
  it('loses invisible characters and odd line breaks, keeps what is seen', () => {
    const pasted = '\ufeff一、建设概况\r\n孵化器\u200b面积\u00a05000\u00ad平方米\u000b二、运行\u0007机制\r\n\r\n\r\n\r\n三、团队  \t';
    expect(cleanPastedText(pasted)).toBe('一、建设概况\n孵化器面积 5000平方米\n二、运行机制\n\n三、团队');
    expect(splitLines(pasted)).toEqual(['一、建设概况', '孵化器面积 5000平方米', '二、运行机制', '', '三、团队']);
    expect(splitLines('  \r\n ')).toEqual([]);
  });
});

describe('checkTaskProgress (§5.2.5)', () => {
  const today = '2026-03-20';
  it('a task done today or earlier, with its date, passes; so does one not started', () => {
    expect(checkTaskProgress({ status: '已完成', doneOn: '2026-03-20' }, today)).toEqual([]);
    expect(checkTaskProgress({ status: '未开始', doneOn: null }, today)).toEqual([]);
  });
  it('已完成 without a date, or a date without 已完成, is a warning; a date after today is an error', () => {
    expect(checkTaskProgress({ status: '已完成', doneOn: null }, today)).toEqual([{ field: 'doneOn', severity: 'warning', message: '任务已完成，请填写完成日期' }]);
    expect(checkTaskProgress({ status: '进行中', doneOn: '2026-03-01' }, today)).toEqual([
      { field: 'doneOn', severity: 'warning', message: '填写了完成日期，但实施状态不是「已完成」' },
    ]);
    expect(checkTaskProgress({ status: '已完成', doneOn: '2026-03-21' }, today)).toEqual([
      { field: 'doneOn', severity: 'error', message: '完成日期（2026年03月21日）晚于今天，请核对' },
    ]);
  });
});
