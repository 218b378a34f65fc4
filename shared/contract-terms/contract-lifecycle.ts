// The contract's lifecycle (附录B 第九条, 第十二条; 《科技企业孵化器数字孵化服务参考指南》 §5.5.2–5.5.3: 生效、续约、
// 中止、到期). The legal moves and
// why each one is or is not allowed: docs/contract-lifecycle.md.
import { addMonths } from '../dates/date-math.js';
import { formatChineseDate, isIsoDate } from '../validation/dates.js';

export const CONTRACT_STATUSES = ['draft', 'signed', 'effective', 'renewed', 'suspended', 'terminated', 'expired'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  draft: '草稿',
  signed: '已签订',
  effective: '生效',
  renewed: '已续签',
  suspended: '中止',
  terminated: '终止',
  expired: '到期',
};

export const CONTRACT_EVENTS = ['sign', 'takeEffect', 'renew', 'suspend', 'resume', 'terminate', 'expire'] as const;
export type ContractEvent = (typeof CONTRACT_EVENTS)[number];

export const CONTRACT_EVENT_LABELS: Record<ContractEvent, string> = {
  sign: '签订',
  takeEffect: '生效',
  renew: '续签',
  suspend: '中止',
  resume: '恢复履行',
  terminate: '终止',
  expire: '到期',
};

/** Each event: the statuses it may leave from, and where it leads. Everything not listed is refused. */
export const CONTRACT_TRANSITIONS: Record<ContractEvent, { from: readonly ContractStatus[]; to: ContractStatus }> = {
  sign: { from: ['draft'], to: 'signed' },
  takeEffect: { from: ['signed'], to: 'effective' },
  renew: { from: ['effective'], to: 'renewed' },
  suspend: { from: ['effective'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'effective' },
  terminate: { from: ['signed', 'effective', 'renewed', 'suspended'], to: 'terminated' },
  expire: { from: ['effective', 'renewed', 'suspended'], to: 'expired' },
};

/** Events whose record must say why: a party's rights change and the other side may dispute it later. */
const REASON_REQUIRED: ReadonlySet<ContractEvent> = new Set(['suspend', 'resume', 'terminate']);

export interface ContractTransition {
  event: ContractEvent;
  from: ContractStatus;
  to: ContractStatus;
  /** When it happened (ISO date), as agreed or signed — not when it was typed. */
  date: string;
  reason: string;
  /** Who recorded it (the consultant's name). */
  by: string;
  /** 续签: the linked contract for the new period. */
  successorId?: string;
}

export interface ContractTerm {
  /** 服务期限's last day (ISO), when known. */
  endDate: string | null;
  /** 第十二条: renewal may be agreed in the month before expiry. */
  renewalAllowed: boolean;
}

export interface ContractLifecycleState {
  status: ContractStatus;
  history: readonly ContractTransition[];
  term: ContractTerm;
}

export interface TransitionRequest {
  event: ContractEvent;
  date: string;
  reason?: string;
  by: string;
  successorId?: string;
}

export type TransitionField = 'event' | 'date' | 'reason' | 'by' | 'successorId';
export type TransitionResult =
  | { ok: true; status: ContractStatus; transition: ContractTransition }
  | { ok: false; field: TransitionField; message: string };

const HINTS: Partial<Record<`${ContractStatus}:${ContractEvent}`, string>> = {
  'draft:takeEffect': '请先签订',
  'draft:renew': '请先签订并生效',
  'draft:terminate': '草稿不需要终止，可直接删除',
  'signed:renew': '合同生效后才能续签',
  'signed:suspend': '合同生效后才能中止',
  'renewed:suspend': '已商定续签的合同不能中止，如需停止履行请终止',
  'effective:resume': '合同正在履行，无需恢复',
  'signed:sign': '合同已签订',
  'effective:sign': '合同已签订',
  'effective:takeEffect': '合同已生效',
  'suspended:takeEffect': '请用「恢复履行」',
  'suspended:renew': '请先恢复履行',
  'signed:expire': '合同尚未生效',
};

function refusal(from: ContractStatus, event: ContractEvent): string {
  if (from === 'terminated' || from === 'expired') return `合同已${CONTRACT_STATUS_LABELS[from]}，状态不能再变更`;
  const hint = HINTS[`${from}:${event}`];
  return `「${CONTRACT_STATUS_LABELS[from]}」的合同不能${CONTRACT_EVENT_LABELS[event]}${hint ? `：${hint}` : ''}`;
}

/** The events that may follow the current status (what the UI offers). */
export function allowedContractEvents(status: ContractStatus): ContractEvent[] {
  return CONTRACT_EVENTS.filter((e) => CONTRACT_TRANSITIONS[e].from.includes(status));
}

function checkEventSpecific(state: ContractLifecycleState, req: TransitionRequest): TransitionResult | null {
  const { endDate, renewalAllowed } = state.term;
  if (req.event === 'renew') {
    if (!renewalAllowed) return { ok: false, field: 'event', message: '合同第十二条未约定可续签' };
    if (!endDate) return { ok: false, field: 'event', message: '请先填写服务期限的截止日期' };
    const opens = addMonths(endDate, -1);
    if (req.date < opens || req.date > endDate) {
      return { ok: false, field: 'date', message: `续签应在期限届满前一个月内商定（${formatChineseDate(opens)}至${formatChineseDate(endDate)}）` };
    }
    if (!req.successorId) return { ok: false, field: 'successorId', message: '续签须关联新一期的合同' };
  }
  if (req.event === 'expire') {
    if (!endDate) return { ok: false, field: 'event', message: '请先填写服务期限的截止日期' };
    if (req.date < endDate) return { ok: false, field: 'date', message: `合同期限至${formatChineseDate(endDate)}，届满后才能标记为到期` };
  }
  return null;
}

/**
 * Checks one move of the lifecycle and returns the record to append, or why it is refused (with the field the
 * message belongs next to). `today` (ISO) bounds the date: what is recorded has happened.
 */
export function applyContractEvent(state: ContractLifecycleState, req: TransitionRequest, today: string): TransitionResult {
  const rule = CONTRACT_TRANSITIONS[req.event];
  if (!rule.from.includes(state.status)) return { ok: false, field: 'event', message: refusal(state.status, req.event) };
  if (!req.date) return { ok: false, field: 'date', message: '请填写日期' };
  if (!isIsoDate(req.date)) return { ok: false, field: 'date', message: '日期格式不对，应为 YYYY-MM-DD' };
  if (req.date > today) return { ok: false, field: 'date', message: '日期不能晚于今天：请在事情发生后再记录' };
  const last = state.history[state.history.length - 1];
  if (last && req.date < last.date) {
    return { ok: false, field: 'date', message: `日期不能早于上一次状态变更（${formatChineseDate(last.date)}${CONTRACT_EVENT_LABELS[last.event]}）` };
  }
  const reason = (req.reason ?? '').trim();
  if (REASON_REQUIRED.has(req.event) && reason === '') return { ok: false, field: 'reason', message: `请填写${CONTRACT_EVENT_LABELS[req.event]}的原因` };
  const by = req.by.trim();
  if (by === '') return { ok: false, field: 'by', message: '请填写经办人' };
  const specific = checkEventSpecific(state, req);
  if (specific) return specific;
  const transition: ContractTransition = { event: req.event, from: state.status, to: rule.to, date: req.date, reason, by };
  if (req.event === 'renew' && req.successorId) transition.successorId = req.successorId;
  return { ok: true, status: rule.to, transition };
}

/** 服务期限: an end before the start is refused next to the end date. */
export function checkServicePeriod(startDate: string, endDate: string): { ok: true } | { ok: false; field: 'startDate' | 'endDate'; message: string } {
  if (!isIsoDate(startDate)) return { ok: false, field: 'startDate', message: '请填写服务期限的开始日期' };
  if (!isIsoDate(endDate)) return { ok: false, field: 'endDate', message: '请填写服务期限的截止日期' };
  if (endDate < startDate) return { ok: false, field: 'endDate', message: `截止日期不能早于开始日期（${formatChineseDate(startDate)}）` };
  return { ok: true };
}
