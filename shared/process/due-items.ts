// What is due this week (工作台 「本周待办」, docs/process.md §Due this week): an open record whose due date is
// within the next seven days — today counted — or already past. A record is open until the field that closes it is
// filled (an answered complaint, a closed corrective action, a done task, a resolved issue). A signed plan's task
// (附录C 阶段性任务目标) is due by the last day of its 完成期限 month until its progress says 已完成.
import { addDays, addMonths } from '../dates/date-math.js';
import { isEmptyValue } from '../forms/field-engine.js';
import type { FieldValue } from '../forms/field-definition.js';
import { RECORD_DEFINITIONS, type RecordKind } from './record-kinds.js';

export const DUE_WINDOW_DAYS = 7;

export interface DueCandidate {
  id: string;
  projectId: string;
  kind: RecordKind;
  values: Readonly<Record<string, FieldValue>>;
}

export interface DueEntry {
  recordId: string;
  projectId: string;
  kind: RecordKind;
  date: string;
  urgency: 'overdue' | 'due';
  /** 「投诉待答复：…（12月3日）」 without the incubator, which the caller adds. */
  wording: string;
}

const isIso = (v: FieldValue | undefined): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

function shortDate(iso: string): string {
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

function clip(text: string, max = 30): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

/** Due and overdue entries, most urgent first. `today` is the local ISO date. */
export function dueEntries(records: readonly DueCandidate[], today: string): DueEntry[] {
  const horizon = addDays(today, DUE_WINDOW_DAYS - 1);
  const out: DueEntry[] = [];
  for (const r of records) {
    const def = RECORD_DEFINITIONS[r.kind];
    if (!def.due) continue;
    const date = r.values[def.due.dateField];
    if (!isIso(date) || !isEmptyValue(r.values[def.due.closedBy]) || date > horizon) continue;
    const overdue = date < today;
    const title = clip(String(r.values[def.titleField] ?? ''));
    out.push({
      recordId: r.id,
      projectId: r.projectId,
      kind: r.kind,
      date,
      urgency: overdue ? 'overdue' : 'due',
      wording: `${def.due.wording}${overdue ? '（已逾期）' : ''}：${title}（${shortDate(date)}）`,
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.recordId.localeCompare(b.recordId));
}

export interface PlanTaskCandidate {
  planId: string;
  itemId: string;
  description: string;
  /** 'YYYY-MM'. */
  dueMonth: string;
  /** The task's 实施状态 from its progress (§5.2.5), null when none was recorded. */
  status: string | null;
}

export interface PlanTaskDue {
  planId: string;
  itemId: string;
  /** The last day of the task's month. */
  date: string;
  urgency: 'overdue' | 'due';
  wording: string;
}

/** The last day of a 'YYYY-MM' month, as an ISO date. */
export function lastDayOfMonth(month: string): string {
  return addDays(addMonths(`${month}-01`, 1), -1);
}

/** A signed plan's tasks not yet done whose month ends within seven days or has ended. */
export function dueTaskEntries(tasks: readonly PlanTaskCandidate[], today: string): PlanTaskDue[] {
  const horizon = addDays(today, DUE_WINDOW_DAYS - 1);
  return tasks
    .filter((t) => /^\d{4}-\d{2}$/.test(t.dueMonth) && t.status !== '已完成')
    .map((t) => {
      const date = lastDayOfMonth(t.dueMonth);
      const overdue = date < today;
      return { planId: t.planId, itemId: t.itemId, date, urgency: overdue ? ('overdue' as const) : ('due' as const), wording: `培育方案任务${overdue ? '（已逾期）' : ''}：${clip(t.description)}（${Number(t.dueMonth.slice(5, 7))}月底）` };
    })
    .filter((t) => t.date <= horizon)
    .sort((a, b) => a.date.localeCompare(b.date) || a.itemId.localeCompare(b.itemId));
}
