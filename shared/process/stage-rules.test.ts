import { describe, expect, it } from 'vitest';
import { checkStageMove, type ProjectFacts, stageStatuses } from './stage-rules.js';
import { PROJECT_STAGES } from './stages.js';

const none: ProjectFacts = { documents: [], records: [] };

describe('stage completion', () => {
  it('says what each stage needs, and nothing is complete on an empty project', () => {
    const s = stageStatuses(none);
    expect(s.map((x) => x.stage)).toEqual([...PROJECT_STAGES]);
    expect(s.every((x) => !x.done)).toBe(true);
    expect(s.find((x) => x.stage === 'contracting')!.requirements.map((r) => r.wording)).toEqual(['技术服务合同已签署']);
    expect(s.find((x) => x.stage === 'outreach')!.requirements.map((r) => r.wording)).toEqual(['至少一条「洽谈与走访记录」']);
  });

  it('counts a completed diagnosis, a signed contract only when signed, and links the evidence', () => {
    const s = stageStatuses({
      documents: [
        { id: 'd1', kind: 'diagnosis', status: 'completed', signed: false },
        { id: 'c1', kind: 'contract', status: 'completed', signed: false },
      ],
      records: [{ id: 'r1', kind: 'consultation', values: {} }],
    });
    const by = Object.fromEntries(s.map((x) => [x.stage, x]));
    expect(by.outreach!.done).toBe(true);
    expect(by.outreach!.requirements[0]!.evidence).toEqual({ type: 'record', kind: 'consultation', id: 'r1' });
    expect(by.diagnosis!.done).toBe(true);
    expect(by.diagnosis!.requirements[0]!.evidence).toEqual({ type: 'document', kind: 'diagnosis', id: 'd1' });
    expect(by.contracting!.done).toBe(false);
    expect(stageStatuses({ documents: [{ id: 'c1', kind: 'contract', status: 'completed', signed: true }], records: [] }).find((x) => x.stage === 'contracting')!.done).toBe(true);
  });

  it('needs a passed acceptance (not a failed one) and a service plan to complete 组织实施', () => {
    const task = { id: 't', kind: 'serviceTask' as const, values: {} };
    const failed = { id: 'a1', kind: 'acceptance' as const, values: { conclusion: '不通过' } };
    const passed = { id: 'a2', kind: 'acceptance' as const, values: { conclusion: '基本通过' } };
    const impl = (records: ProjectFacts['records']) => stageStatuses({ documents: [], records }).find((x) => x.stage === 'implementation')!;
    expect(impl([task, failed]).done).toBe(false);
    expect(impl([failed]).requirements.map((r) => r.met)).toEqual([false, false]);
    expect(impl([task, failed, passed]).done).toBe(true);
    expect(impl([task, failed, passed]).requirements[1]!.evidence).toEqual({ type: 'record', kind: 'acceptance', id: 'a2' });
  });
});

describe('stage moves', () => {
  const outreachDone = stageStatuses({ documents: [], records: [{ id: 'r', kind: 'consultation', values: {} }] });

  it('moves to the next stage without a reason once the current one is complete', () => {
    expect(checkStageMove('outreach', 'diagnosis', outreachDone, '')).toEqual({ ok: true, outOfOrder: false });
  });

  it('asks for a reason to move on early, to skip or to go back, naming what is missing', () => {
    const early = checkStageMove('outreach', 'diagnosis', stageStatuses(none), '  ');
    expect(early).toEqual({ ok: false, message: '「宣传与洽谈」尚未完成（还需：至少一条「洽谈与走访记录」），提前进入「分析与诊断」需填写原因。' });
    expect(checkStageMove('outreach', 'contracting', outreachDone, '')).toEqual({ ok: false, message: '跳过「分析与诊断」进入「委托与签约」需填写原因。' });
    expect(checkStageMove('planning', 'diagnosis', outreachDone, '')).toEqual({ ok: false, message: '退回到「分析与诊断」需填写原因。' });
    expect(checkStageMove('outreach', 'contracting', outreachDone, '孵化器已自行完成诊断')).toEqual({ ok: true, outOfOrder: true });
    expect(checkStageMove('planning', 'diagnosis', outreachDone, '数据有误，重新诊断')).toEqual({ ok: true, outOfOrder: true });
  });

  it('refuses a move to the stage the project is in, and an over-long reason', () => {
    expect(checkStageMove('diagnosis', 'diagnosis', outreachDone, 'x')).toMatchObject({ ok: false });
    expect(checkStageMove('outreach', 'planning', outreachDone, '长'.repeat(501))).toEqual({ ok: false, message: '原因不能超过 500 个字。' });
    expect(checkStageMove('outreach', 'planning', outreachDone, '长'.repeat(500))).toEqual({ ok: true, outOfOrder: true });
  });
});
