// §5.2.5's record of a task under way: 已完成 says when (a warning until it does), a date done goes with 已完成 (a
// warning otherwise), and a task cannot have been done after today (an error: the date is mistyped).
import { fieldError, fieldWarning, type FieldIssue } from '../validation/field-issue.js';
import { formatChineseDate } from '../validation/dates.js';

export const TASK_STATUSES = ['未开始', '进行中', '已完成'] as const;

export interface TaskProgress {
  status: string | null;
  /** ISO date, or null while empty/invalid (its own field says why). */
  doneOn: string | null;
}

/** Issues name the progress fields: `doneOn`. `today` is an ISO date on the user's calendar. */
export function checkTaskProgress(p: TaskProgress, today: string): FieldIssue[] {
  const done = p.status === '已完成';
  if (p.doneOn && p.doneOn > today) return [fieldError('doneOn', `完成日期（${formatChineseDate(p.doneOn)}）晚于今天，请核对`)];
  if (done && !p.doneOn) return [fieldWarning('doneOn', '任务已完成，请填写完成日期')];
  if (!done && p.doneOn) return [fieldWarning('doneOn', '填写了完成日期，但实施状态不是「已完成」')];
  return [];
}
