// The portfolio's contract sheet (issue 11.5: 「合同（状态、费用、已付、下次提醒）」): each chosen incubator's latest
// contract with its lifecycle status, 技术服务报酬, what the instalments' 实际收款日期 say was paid, the next unpaid
// instalment, and the contract's most urgent open reminder (the same reminders as the 工作台, docs/contract-lifecycle.md).
import type { DocumentRecord, DocumentSummary } from '../../shared/domain/document-record.js';
import { CONTRACT_STATUS_LABELS } from '../../shared/contract-terms/index.js';
import type { PortfolioCell, PortfolioSheet } from '../../shared/forms/portfolio.js';
import type { ReminderView } from '../../shared/contract/contracts-contract.js';
import type { Executor } from '../../db/database.js';
import { getDocuments, listDocuments } from '../../db/repositories/document-repository.js';
import { allTransitions } from '../../db/repositories/contract-lifecycle-repository.js';
import { openReminders, statusOf } from './contract-service.js';

const MONEY = '#,##0.00';
const BATCH = 500;

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const yuan = (fen: number): number => fen / 100;

/** Paid and unpaid of 第四条's instalments, and the earliest unpaid one's due date; null sums when not 分期. */
function payments(record: DocumentRecord): { paid: number | null; unpaid: number | null; nextDue: string | null } {
  if (record.values.paymentMode !== '分期') return { paid: null, unpaid: null, nextDue: null };
  let paid = 0;
  let unpaid = 0;
  let nextDue: string | null = null;
  for (const item of record.lists.instalments ?? []) {
    const amount = typeof item.values.amount === 'number' ? item.values.amount : 0;
    if (text(item.values.paidOn) !== '') paid += amount;
    else {
      unpaid += amount;
      const due = text(item.values.dueDate);
      if (due !== '' && (nextDue === null || due < nextDue)) nextDue = due;
    }
  }
  return { paid: yuan(paid), unpaid: yuan(unpaid), nextDue };
}

/** The most urgent open reminder of each contract (overdue first, then by date), as the 工作台 orders them. */
function nextReminders(db: Executor, today: string): Map<string, ReminderView> {
  const next = new Map<string, ReminderView>();
  for (const r of openReminders(db, today)) {
    const seen = next.get(r.target.contractId);
    if (!seen || (r.urgency === 'overdue' && seen.urgency !== 'overdue') || (r.urgency === seen.urgency && r.date < seen.date)) next.set(r.target.contractId, r);
  }
  return next;
}

export function contractSheet(db: Executor, incubatorIds: ReadonlySet<string>, today: string): PortfolioSheet {
  const latest = new Map<string, DocumentSummary>();
  for (const s of listDocuments(db, 'contract')) if (incubatorIds.has(s.incubatorId) && !latest.has(s.incubatorId)) latest.set(s.incubatorId, s);
  const summaries = [...latest.values()];
  const moves = allTransitions(db);
  const reminders = nextReminders(db, today);
  const rows: PortfolioCell[][] = [];
  for (let start = 0; start < summaries.length; start += BATCH) {
    const batch = summaries.slice(start, start + BATCH);
    const records = getDocuments(db, 'contract', batch.map((s) => s.id));
    for (const s of batch) {
      const record = records.get(s.id);
      if (!record) continue;
      const v = record.values;
      const { paid, unpaid, nextDue } = payments(record);
      const reminder = reminders.get(record.id);
      rows.push([
        s.incubatorName,
        text(v.contractNo),
        text(v.projectName),
        CONTRACT_STATUS_LABELS[statusOf(moves.get(record.id) ?? [])],
        text(v.serviceStart),
        text(v.serviceEnd),
        typeof v.fee === 'number' ? yuan(v.fee) : null,
        text(v.paymentMode),
        paid,
        unpaid,
        nextDue,
        // The contract's number is in its own column: the message (which names its date) without 「合同 <编号>：」.
        reminder ? reminder.message.replace(/^合同 [^：]*：/, '') : null,
      ]);
    }
  }
  return {
    name: '合同',
    columns: [
      { header: '孵化器', width: 28 },
      { header: '合同编号', width: 20 },
      { header: '项目名称', width: 28 },
      { header: '状态', width: 8 },
      { header: '服务期限起', width: 12 },
      { header: '服务期限止', width: 12 },
      { header: '技术服务报酬（元）', width: 14, numFmt: MONEY },
      { header: '支付方式', width: 8 },
      { header: '已付（元）', width: 14, numFmt: MONEY },
      { header: '未付（元）', width: 14, numFmt: MONEY },
      { header: '下次应付日期', width: 12 },
      { header: '下次提醒', width: 50, wrap: true },
    ],
    rows,
  };
}
