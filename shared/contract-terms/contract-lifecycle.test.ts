import { describe, expect, it } from 'vitest';
import {
  CONTRACT_EVENTS,
  CONTRACT_STATUSES,
  CONTRACT_TRANSITIONS,
  allowedContractEvents,
  applyContractEvent,
  checkServicePeriod,
  type ContractEvent,
  type ContractLifecycleState,
  type ContractStatus,
  type TransitionRequest,
} from './contract-lifecycle.js';

const TODAY = '2026-07-05';
const term = { endDate: '2026-06-30', renewalAllowed: true };
const state = (status: ContractStatus, history: ContractLifecycleState['history'] = []): ContractLifecycleState => ({ status, history, term });
const request = (event: ContractEvent, overrides: Partial<TransitionRequest> = {}): TransitionRequest => ({
  event,
  date: event === 'expire' ? '2026-06-30' : '2026-06-10',
  reason: '双方协商一致',
  by: '李顾问',
  ...(event === 'renew' ? { successorId: 'contract-2' } : {}),
  ...overrides,
});

// Written out by hand (not derived from CONTRACT_TRANSITIONS) so the test states the rules independently.
const LEGAL: Record<ContractStatus, Partial<Record<ContractEvent, ContractStatus>>> = {
  draft: { sign: 'signed' },
  signed: { takeEffect: 'effective', terminate: 'terminated' },
  effective: { renew: 'renewed', suspend: 'suspended', terminate: 'terminated', expire: 'expired' },
  renewed: { terminate: 'terminated', expire: 'expired' },
  suspended: { resume: 'effective', terminate: 'terminated', expire: 'expired' },
  terminated: {},
  expired: {},
};

describe('the lifecycle: every move from every status', () => {
  for (const from of CONTRACT_STATUSES) {
    for (const event of CONTRACT_EVENTS) {
      const to = LEGAL[from][event];
      if (to) {
        it(`${from} —${event}→ ${to}`, () => {
          const r = applyContractEvent(state(from), request(event), TODAY);
          expect(r).toMatchObject({ ok: true, status: to, transition: { event, from, to, by: '李顾问' } });
        });
      } else {
        it(`${from} —${event}→ refused`, () => {
          const r = applyContractEvent(state(from), request(event), TODAY);
          expect(r.ok).toBe(false);
          if (!r.ok) {
            expect(r.field).toBe('event');
            expect(r.message).toMatch(from === 'terminated' || from === 'expired' ? /状态不能再变更/ : /的合同不能/);
          }
        });
      }
    }
  }

  it('the table in the code says the same as the test', () => {
    for (const from of CONTRACT_STATUSES) {
      const legal = Object.keys(LEGAL[from]).sort();
      expect(allowedContractEvents(from).sort()).toEqual(legal);
      for (const event of allowedContractEvents(from)) expect(CONTRACT_TRANSITIONS[event].to).toBe(LEGAL[from][event]);
    }
  });

  it('refusals say what to do instead', () => {
    const r = applyContractEvent(state('draft'), request('takeEffect'), TODAY);
    expect(r).toEqual({ ok: false, field: 'event', message: '「草稿」的合同不能生效：请先签订' });
    expect(applyContractEvent(state('terminated'), request('resume'), TODAY)).toEqual({ ok: false, field: 'event', message: '合同已终止，状态不能再变更' });
  });
});

describe('what every move records', () => {
  it('date, reason, who; 续签 the linked contract', () => {
    const r = applyContractEvent(state('effective'), request('renew', { date: '2026-06-05', reason: '' }), TODAY);
    expect(r).toEqual({
      ok: true,
      status: 'renewed',
      transition: { event: 'renew', from: 'effective', to: 'renewed', date: '2026-06-05', reason: '', by: '李顾问', successorId: 'contract-2' },
    });
  });

  it.each(['suspend', 'resume', 'terminate'] as const)('%s needs a reason', (event) => {
    const from = event === 'resume' ? 'suspended' : 'effective';
    const r = applyContractEvent(state(from), request(event, { reason: '  ' }), TODAY);
    expect(r).toMatchObject({ ok: false, field: 'reason' });
  });

  it('sign and take effect need no reason', () => {
    expect(applyContractEvent(state('draft'), request('sign', { reason: undefined }), TODAY).ok).toBe(true);
  });

  it('needs who recorded it', () => {
    expect(applyContractEvent(state('draft'), request('sign', { by: ' ' }), TODAY)).toEqual({ ok: false, field: 'by', message: '请填写经办人' });
  });

  it('the date: present, valid, not in the future, not before the previous move', () => {
    expect(applyContractEvent(state('draft'), request('sign', { date: '' }), TODAY)).toMatchObject({ field: 'date', message: '请填写日期' });
    expect(applyContractEvent(state('draft'), request('sign', { date: '2026-02-30' }), TODAY)).toMatchObject({ field: 'date' });
    expect(applyContractEvent(state('draft'), request('sign', { date: '2026-07-06' }), TODAY)).toMatchObject({ field: 'date' });
    const signed = applyContractEvent(state('draft'), request('sign', { date: '2026-05-10' }), TODAY);
    if (!signed.ok) throw new Error(signed.message);
    const early = applyContractEvent(state('signed', [signed.transition]), request('takeEffect', { date: '2026-05-09' }), TODAY);
    expect(early).toEqual({ ok: false, field: 'date', message: '日期不能早于上一次状态变更（2026年05月10日签订）' });
    expect(applyContractEvent(state('signed', [signed.transition]), request('takeEffect', { date: '2026-05-10' }), TODAY).ok).toBe(true);
  });
});

describe('续签 and 到期 follow the term', () => {
  it('续签 only when 第十二条 allows it', () => {
    const s = { ...state('effective'), term: { ...term, renewalAllowed: false } };
    expect(applyContractEvent(s, request('renew'), TODAY)).toEqual({ ok: false, field: 'event', message: '合同第十二条未约定可续签' });
  });

  it('续签 only in the month before expiry, end day included', () => {
    expect(applyContractEvent(state('effective'), request('renew', { date: '2026-05-29' }), TODAY)).toEqual({
      ok: false,
      field: 'date',
      message: '续签应在期限届满前一个月内商定（2026年05月30日至2026年06月30日）',
    });
    expect(applyContractEvent(state('effective'), request('renew', { date: '2026-05-30' }), TODAY).ok).toBe(true);
    expect(applyContractEvent(state('effective'), request('renew', { date: '2026-06-30' }), '2026-07-02').ok).toBe(true);
  });

  it('续签 needs the linked contract', () => {
    expect(applyContractEvent(state('effective'), request('renew', { successorId: undefined }), TODAY)).toMatchObject({ ok: false, field: 'successorId' });
  });

  it('到期 not before the term ends', () => {
    expect(applyContractEvent(state('effective'), request('expire', { date: '2026-06-20' }), TODAY)).toEqual({
      ok: false,
      field: 'date',
      message: '合同期限至2026年06月30日，届满后才能标记为到期',
    });
    expect(applyContractEvent(state('suspended'), request('expire', { date: '2026-07-01' }), '2026-07-01').ok).toBe(true);
  });

  it('续签 and 到期 need an end date', () => {
    const s = { ...state('effective'), term: { endDate: null, renewalAllowed: true } };
    expect(applyContractEvent(s, request('renew'), TODAY)).toMatchObject({ ok: false, message: '请先填写服务期限的截止日期' });
    expect(applyContractEvent(s, request('expire'), TODAY)).toMatchObject({ ok: false, message: '请先填写服务期限的截止日期' });
  });
});

describe('checkServicePeriod', () => {
  it('an end before the start is refused next to the end date', () => {
    expect(checkServicePeriod('2025-07-01', '2025-06-30')).toEqual({ ok: false, field: 'endDate', message: '截止日期不能早于开始日期（2025年07月01日）' });
    expect(checkServicePeriod('2025-07-01', '2025-07-01')).toEqual({ ok: true });
    expect(checkServicePeriod('', '2025-07-01')).toMatchObject({ ok: false, field: 'startDate' });
    expect(checkServicePeriod('2025-07-01', 'x')).toMatchObject({ ok: false, field: 'endDate' });
  });
});
