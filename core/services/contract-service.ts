// What only the contract has, beside the generic documents.* methods: its lifecycle (each move recorded with date,
// reason and who; illegal moves refused with a message; 续签 makes the next period's contract), its reminders
// (工作台 and the contract's own page), and the contract list's search. docs/contract-lifecycle.md.
import type { contractsContract, LifecycleView, ContractRow, ReminderView } from '../../shared/contract/contracts-contract.js';
import type { DocumentRecord } from '../../shared/domain/document-record.js';
import {
  allowedContractEvents,
  applyContractEvent,
  CONTRACT_EVENT_LABELS,
  type ContractForReminders,
  type ContractStatus,
  remindersFor,
} from '../../shared/contract-terms/index.js';
import { addDays, addMonths } from '../../shared/dates/date-math.js';
import { AppError } from '../../shared/rpc/result.js';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import { getDocument, listDocuments } from '../../db/repositories/document-repository.js';
import {
  allChangeRequests,
  allTransitions,
  appendChangeEntry,
  appendTransition,
  doneReminderKeys,
  markReminderDone,
  type StoredChangeRequest,
  type StoredTransition,
  transitionsOf,
} from '../../db/repositories/contract-lifecycle-repository.js';
import type { Executor } from '../../db/database.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';
import { createNewDocument, localIsoDate } from './document-service.js';

const kind = 'contract' as const;

const text = (v: FieldValue | undefined): string => (typeof v === 'string' ? v : '');
const isoOrNull = (v: FieldValue | undefined): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

export function statusOf(history: readonly StoredTransition[]): ContractStatus {
  return history[history.length - 1]?.to ?? 'draft';
}

/** What the reminders read of a contract: its term, 第四条's instalments, 第六条's answer period. */
export function contractForReminders(record: DocumentRecord, status: ContractStatus, changeRequests: readonly StoredChangeRequest[]): ContractForReminders {
  const v = record.values;
  return {
    id: record.id,
    number: text(v.contractNo) || '（未编号）',
    status,
    effectiveDate: isoOrNull(v.serviceStart),
    endDate: isoOrNull(v.serviceEnd),
    // 第十二条 of the reference: 「期限届满前一个月双方可以续签延长期限」.
    renewalAllowed: true,
    instalments:
      v.paymentMode === '分期'
        ? (record.lists.instalments ?? []).map((item) => ({
            key: item.id,
            amountFen: typeof item.values.amount === 'number' ? item.values.amount : 0,
            dueDate: isoOrNull(item.values.dueDate),
            paidDate: isoOrNull(item.values.paidOn),
          }))
        : [],
    changeRequests: changeRequests.map((cr) => ({ key: cr.id, raisedBy: cr.raisedBy, receivedDate: cr.receivedDate, answeredDate: cr.answeredDate })),
    answerDays: typeof v.answerDays === 'number' ? v.answerDays : null,
  };
}

function requireContract(db: Executor, id: string): DocumentRecord {
  const record = getDocument(db, kind, id);
  if (!record) throw new AppError('not-found', '找不到这份合同，可能已被删除。');
  return record;
}

/** Every live contract with its status, and the incubator it belongs to. */
function contractsWithStatus(db: Executor): { record: DocumentRecord; status: ContractStatus; incubatorName: string }[] {
  const moves = allTransitions(db);
  return listDocuments(db, kind).flatMap((s) => {
    const record = getDocument(db, kind, s.id);
    return record ? [{ record, status: statusOf(moves.get(s.id) ?? []), incubatorName: s.incubatorName }] : [];
  });
}

export function openReminders(db: Executor, today: string): ReminderView[] {
  const all = contractsWithStatus(db);
  const names = new Map(all.map((c) => [c.record.id, c.incubatorName]));
  const done = doneReminderKeys(db);
  const requests = allChangeRequests(db);
  return remindersFor(
    all.map((c) => contractForReminders(c.record, c.status, requests.get(c.record.id) ?? [])),
    today,
  )
    .filter((r) => !done.has(r.key))
    .map((r) => ({ ...r, incubatorName: names.get(r.target.contractId) ?? '' }));
}

function lifecycleView(db: Executor, id: string, today: string): LifecycleView {
  const history = transitionsOf(db, id);
  const status = statusOf(history);
  return {
    status,
    history,
    allowed: allowedContractEvents(status),
    changeRequests: allChangeRequests(db).get(id) ?? [],
    reminders: openReminders(db, today).filter((r) => r.target.contractId === id),
  };
}

export function searchContracts(db: Executor, input: { text: string; status?: ContractStatus; expiringWithinDays?: number }, today: string): ContractRow[] {
  const needle = input.text.trim().toLowerCase();
  const until = input.expiringWithinDays === undefined ? null : addDays(today, input.expiringWithinDays);
  return contractsWithStatus(db)
    .map(({ record, status, incubatorName }): ContractRow => ({
      id: record.id,
      incubatorId: record.incubatorId,
      incubatorName,
      contractNo: text(record.values.contractNo),
      projectName: text(record.values.projectName),
      partyAName: text(record.values.partyAName),
      partyBName: text(record.values.partyBName),
      status,
      serviceEnd: isoOrNull(record.values.serviceEnd),
    }))
    .filter((r) => !needle || [r.contractNo, r.projectName, r.partyAName, r.partyBName, r.incubatorName].some((x) => x.toLowerCase().includes(needle)))
    .filter((r) => !input.status || r.status === input.status)
    .filter((r) => until === null || (r.serviceEnd !== null && r.serviceEnd >= today && r.serviceEnd <= until));
}

/** A change request or answer: a date not in the future and some content, each refused next to its field. */
function checkChangeEntry(date: string, content: string, today: string, missingContent: string): void {
  if (date === '') throw new AppError('validation', '请选择日期', { field: 'date' });
  if (date > today) throw new AppError('validation', '日期不能晚于今天', { field: 'date' });
  if (content.trim() === '') throw new AppError('validation', missingContent, { field: 'content' });
}

export function contractHandlers(wb: Workbench): HandlersFor<typeof contractsContract> {
  const db = () => wb.database.db;
  const today = () => localIsoDate(wb.now());
  return {
    'contracts.lifecycle': ({ id }) => {
      requireContract(db(), id);
      return lifecycleView(db(), id, today());
    },

    'contracts.transition': ({ id, event, date, reason, by }) => {
      const record = requireContract(db(), id);
      const history = transitionsOf(db(), id);
      const status = statusOf(history);
      if (event === 'sign' && record.status !== 'completed') {
        throw new AppError('validation', '合同尚未定稿：请先点击“完成”，检查通过后再记录签订', { field: 'event' });
      }
      const state = { status, history, term: { endDate: isoOrNull(record.values.serviceEnd), renewalAllowed: true } };
      // Checked before a successor is made, so a refused 续签 leaves nothing behind.
      const request = { event, date, reason, by, ...(event === 'renew' ? { successorId: 'pending' } : {}) };
      const checked = applyContractEvent(state, request, today());
      if (!checked.ok) throw new AppError('validation', checked.message, { field: checked.field });
      return db().transaction(() => {
        let transition = checked.transition;
        if (event === 'renew') {
          const end = isoOrNull(record.values.serviceEnd)!;
          const start = addDays(end, 1);
          const next = createNewDocument(wb, kind, record.incubatorId, { projectName: text(record.values.projectName), serviceStart: start, serviceEnd: addDays(addMonths(start, 12), -1) });
          transition = { ...transition, successorId: next.id };
        }
        const number = text(record.values.contractNo);
        appendTransition(db(), wb.changeContext(), id, transition, `合同 ${number}：${CONTRACT_EVENT_LABELS[event]}`);
        return lifecycleView(db(), id, today());
      });
    },

    'contracts.recordChangeRequest': ({ id, raisedBy, date, content }) => {
      const record = requireContract(db(), id);
      checkChangeEntry(date, content, today(), '请填写变更请求的内容');
      const who = raisedBy === 'partyA' ? '甲方' : '乙方';
      appendChangeEntry(db(), wb.changeContext(), { contractId: id, entry: 'request', requestId: null, raisedBy, date, content: content.trim() }, `合同 ${text(record.values.contractNo)}：记录${who}变更请求`);
      return lifecycleView(db(), id, today());
    },

    'contracts.answerChangeRequest': ({ id, requestId, date, content }) => {
      const record = requireContract(db(), id);
      const request = (allChangeRequests(db()).get(id) ?? []).find((cr) => cr.id === requestId);
      if (!request) throw new AppError('not-found', '找不到这条变更请求，可能已被删除。');
      if (request.answeredDate) throw new AppError('validation', `这条变更请求已于${request.answeredDate}答复`, { field: 'date' });
      checkChangeEntry(date, content, today(), '请填写答复的内容');
      if (date < request.receivedDate) throw new AppError('validation', '答复日期不能早于收到请求的日期', { field: 'date' });
      appendChangeEntry(db(), wb.changeContext(), { contractId: id, entry: 'answer', requestId, raisedBy: null, date, content: content.trim() }, `合同 ${text(record.values.contractNo)}：记录变更请求的答复`);
      return lifecycleView(db(), id, today());
    },

    'contracts.reminders': () => openReminders(db(), today()),

    'contracts.markReminderDone': ({ key, contractId }) => {
      requireContract(db(), contractId);
      markReminderDone(db(), wb.changeContext(), contractId, key, '合同提醒已处理');
      return { ok: true };
    },

    'contracts.search': (input) => searchContracts(db(), input, today()),
  };
}
