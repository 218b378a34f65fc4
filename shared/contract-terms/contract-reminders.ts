// What a contract asks of the agency on a given day (数字孵化服务参考指南 §5.5.2: reminders at key dates; 附录B 第四条, 第六条,
// 第十二条). Pure: the caller passes today's date and filters out reminders marked done by their stable key.
import { addDays, addMonths, daysBetween } from '../dates/date-math.js';
import { formatFenWithSymbol } from '../money/format-money.js';
import { formatChineseDate } from '../validation/dates.js';
import type { ContractStatus } from './contract-lifecycle.js';

/** How many days ahead a date becomes a reminder. */
export const REMINDER_LEAD_DAYS = 7;

export interface InstalmentForReminders {
  /** Stable id of the instalment inside its contract. */
  key: string;
  amountFen: number;
  /** ISO date; an instalment due at a milestone has none and is not reminded of by date. */
  dueDate: string | null;
  paidDate: string | null;
}

export interface ChangeRequestForReminders {
  key: string;
  /** 第六条: who asked. The agency is 乙方. */
  raisedBy: 'partyA' | 'partyB';
  receivedDate: string;
  answeredDate: string | null;
}

export interface ContractForReminders {
  id: string;
  number: string;
  status: ContractStatus;
  /** The date the contract is to take effect (ISO), when known. */
  effectiveDate: string | null;
  /** 服务期限's last day (ISO), when known. */
  endDate: string | null;
  /** 第十二条. */
  renewalAllowed: boolean;
  instalments: readonly InstalmentForReminders[];
  changeRequests: readonly ChangeRequestForReminders[];
  /** 第六条 「__日内予以答复」. */
  answerDays: number | null;
}

export type ReminderKind = 'takeEffect' | 'renewalWindow' | 'termEnded' | 'instalmentDue' | 'instalmentOverdue' | 'changeRequestAnswer';
export type ReminderUrgency = 'overdue' | 'due' | 'upcoming';

export interface ContractReminder {
  /** Stable across days, so 「已处理」 can be stored against it. */
  key: string;
  kind: ReminderKind;
  urgency: ReminderUrgency;
  /** The date it is about (ISO). */
  date: string;
  /** What to do, in Chinese. */
  message: string;
  /** Where to go: the contract and the part of it (lifecycle, article-12, instalment:<key>, change-request:<key>). */
  target: { contractId: string; anchor: string };
}

const IN_FORCE: ReadonlySet<ContractStatus> = new Set(['effective', 'renewed', 'suspended']);
const PAYABLE: ReadonlySet<ContractStatus> = new Set(['signed', 'effective', 'renewed', 'suspended', 'expired']);
const URGENCY_ORDER: Record<ReminderUrgency, number> = { overdue: 0, due: 1, upcoming: 2 };

function reminder(c: ContractForReminders, kind: ReminderKind, subject: string, urgency: ReminderUrgency, date: string, message: string, anchor: string): ContractReminder {
  return { key: `${c.id}:${kind}:${subject}`, kind, urgency, date, message: `合同 ${c.number}：${message}`, target: { contractId: c.id, anchor } };
}

/** Dates derived from today once per call, not once per contract: a 1 000-contract list stays well under 50 ms. */
interface Clock {
  today: string;
  /** Dates up to here are within the lead time. */
  leadEnd: string;
  /** A month is never longer than 31 days: ends after this cannot be in the renewal month. */
  monthAhead: string;
}

function lifecycleReminders(c: ContractForReminders, { today, leadEnd, monthAhead }: Clock): ContractReminder[] {
  const out: ContractReminder[] = [];
  if (c.status === 'signed' && c.effectiveDate && c.effectiveDate <= leadEnd) {
    const reached = today >= c.effectiveDate;
    out.push(
      reminder(c, 'takeEffect', c.effectiveDate, reached ? 'due' : 'upcoming', c.effectiveDate,
        reached ? `已到生效日期（${formatChineseDate(c.effectiveDate)}），请确认合同生效` : `将于${formatChineseDate(c.effectiveDate)}生效，请做好开展服务的准备`, 'lifecycle'),
    );
  }
  if (!c.endDate) return out;
  if (c.status === 'effective' && c.renewalAllowed && today <= c.endDate && c.endDate <= monthAhead && today >= addMonths(c.endDate, -1)) {
    const left = daysBetween(today, c.endDate);
    out.push(reminder(c, 'renewalWindow', c.endDate, 'due', c.endDate, `将于${formatChineseDate(c.endDate)}期满（还有 ${left} 天），可在届满前一个月内与甲方商议续签`, 'article-12'));
  }
  if (IN_FORCE.has(c.status) && today > c.endDate) {
    out.push(reminder(c, 'termEnded', c.endDate, 'overdue', c.endDate, `合同期限已于${formatChineseDate(c.endDate)}届满，请标记为到期`, 'lifecycle'));
  }
  return out;
}

function instalmentReminders(c: ContractForReminders, { today, leadEnd }: Clock): ContractReminder[] {
  if (!PAYABLE.has(c.status)) return [];
  const out: ContractReminder[] = [];
  c.instalments.forEach((inst, i) => {
    if (inst.paidDate || !inst.dueDate) return;
    const what = `第 ${i + 1} 期款 ${formatFenWithSymbol(inst.amountFen)}`;
    const anchor = `instalment:${inst.key}`;
    if (today > inst.dueDate) {
      const late = daysBetween(inst.dueDate, today);
      out.push(reminder(c, 'instalmentOverdue', inst.key, 'overdue', inst.dueDate, `${what} 应于${formatChineseDate(inst.dueDate)}支付，已逾期 ${late} 天，请催收或记录已收款`, anchor));
    } else if (inst.dueDate <= leadEnd) {
      out.push(reminder(c, 'instalmentDue', inst.key, 'due', inst.dueDate, `${what} 应于${formatChineseDate(inst.dueDate)}支付，请提醒甲方付款`, anchor));
    }
  });
  return out;
}

function changeRequestReminders(c: ContractForReminders, { today }: Clock): ContractReminder[] {
  if (c.answerDays === null || c.status === 'draft' || c.status === 'terminated' || c.status === 'expired') return [];
  const days = c.answerDays;
  return c.changeRequests.flatMap((cr) => {
    if (cr.answeredDate) return [];
    const deadline = addDays(cr.receivedDate, days);
    const by = formatChineseDate(deadline);
    const anchor = `change-request:${cr.key}`;
    const received = formatChineseDate(cr.receivedDate);
    if (cr.raisedBy === 'partyA') {
      return today > deadline
        ? [reminder(c, 'changeRequestAnswer', cr.key, 'overdue', deadline, `甲方${received}提出的变更请求未在${by}前答复，按第六条视为同意，请记录并执行变更`, anchor)]
        : [reminder(c, 'changeRequestAnswer', cr.key, 'due', deadline, `请在${by}前答复甲方${received}提出的变更请求（逾期未答复视为同意）`, anchor)];
    }
    return today > deadline
      ? [reminder(c, 'changeRequestAnswer', cr.key, 'due', deadline, `甲方未在${by}前答复本方${received}提出的变更请求，按第六条视为同意，请记录`, anchor)]
      : [reminder(c, 'changeRequestAnswer', cr.key, 'upcoming', deadline, `等待甲方答复本方${received}提出的变更请求，期限${by}，逾期未答复视为同意`, anchor)];
  });
}

/** Every reminder for these contracts on `today` (ISO): the overdue first, then by date, then by contract number. */
export function remindersFor(contracts: readonly ContractForReminders[], today: string): ContractReminder[] {
  const clock: Clock = { today, leadEnd: addDays(today, REMINDER_LEAD_DAYS), monthAhead: addDays(today, 31) };
  const all: { r: ContractReminder; number: string }[] = [];
  for (const c of contracts) {
    for (const r of [...lifecycleReminders(c, clock), ...instalmentReminders(c, clock), ...changeRequestReminders(c, clock)]) all.push({ r, number: c.number });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  all.sort((a, b) => URGENCY_ORDER[a.r.urgency] - URGENCY_ORDER[b.r.urgency] || cmp(a.r.date, b.r.date) || cmp(a.number, b.number));
  return all.map((x) => x.r);
}
