// The order rules of 「五、阶段性任务目标」: tasks in time order and none before the plan starts (errors: the plan
// would contradict itself); none after the contract ends (a warning: the service may be renewed, 第十二条).
import { fieldError, fieldWarning, type FieldIssue } from '../validation/field-issue.js';
import { formatChineseDate } from '../validation/dates.js';
import { formatDueMonth } from './due-month.js';

export interface TaskTiming {
  /** ISO month (YYYY-MM), or null while empty/invalid (its own field says why). */
  dueMonth: string | null;
}

export interface PlanPeriod {
  /** The plan's start (ISO date or month); tasks due in an earlier month are refused. */
  planStart: string | null;
  /** The contract's last day (ISO date), when a contract exists. */
  contractEnd: string | null;
}

/** A task due 「2026年06月前」 is due by the end of June: the same month as the contract's end is fine. */
export function checkTaskOrder(tasks: readonly TaskTiming[], period: PlanPeriod): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const startMonth = period.planStart?.slice(0, 7) ?? null;
  const endMonth = period.contractEnd?.slice(0, 7) ?? null;
  let previous: { index: number; month: string } | null = null;
  tasks.forEach((task, i) => {
    const month = task.dueMonth;
    if (!month) return;
    const field = `tasks[${i}].dueMonth`;
    const label = `任务${i + 1}的期限（${formatDueMonth(month)}）`;
    if (startMonth && month < startMonth) issues.push(fieldError(field, `${label}早于方案开始（${formatDueMonth(startMonth)}）`));
    if (previous && month < previous.month) {
      issues.push(fieldError(field, `${label}早于任务${previous.index + 1}（${formatDueMonth(previous.month)}），请按时间顺序排列`));
    }
    if (endMonth && period.contractEnd && month > endMonth) {
      issues.push(fieldWarning(field, `${label}晚于合同期满（${formatChineseDate(period.contractEnd)}），需续签合同或调整期限`));
    }
    if (!previous || month >= previous.month) previous = { index: i, month };
  });
  return issues;
}
