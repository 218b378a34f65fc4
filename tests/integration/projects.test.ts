// Cultivation projects through the router with a fixed clock (docs/process.md): the stage path and its rules, the
// history of moves, records checked by their kind's fields, the project's documents by date, due this week.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { failureOf } from '../support/rpc-failure.js';
import { sampleIncubator } from '../support/sample-incubator.js';
import { auditLog, outbox } from '../../db/schema/index.js';
import { createDocument, getDocument, updateDocument } from '../../db/repositories/document-repository.js';
import { signStoredDocument } from '../../core/services/document-signing-service.js';
import { saveProgress } from '../../core/services/item-progress-service.js';
import { samplePlanLists, samplePlanValues } from '../../templates/testing/sample-plan-model.js';

let t: TestWorkbench;
let now = new Date('2026-12-02T02:00:00Z');
beforeEach(() => {
  now = new Date('2026-12-02T02:00:00Z');
  t = openTestWorkbench({ now: () => now });
});
afterEach(() => t.cleanup());

async function newProject(startedOn = '2026-11-01') {
  const inc = await t.call('incubators.save', { values: sampleIncubator(1, { incubatorType: '综合型', industry: '' }) });
  const project = await t.call('projects.create', { incubatorId: inc.id, name: '2026 年度认定培育', startedOn, notes: '' });
  return { inc, project };
}

const consultation = { date: '2026-11-03', channel: '走访', subject: '了解运营情况', people: '黄敏、韦丽娟', notes: '孵化场地 6000 平方米' };

describe('cultivation projects', () => {
  it('starts in 宣传与洽谈 with the move in its history, and refuses bad names and dates next to the field', async () => {
    const { project, inc } = await newProject();
    expect(project.stage).toBe('outreach');
    expect(project.moves).toMatchObject([{ from: null, to: 'outreach', date: '2026-11-01', outOfOrder: false }]);
    expect(project.stagesDone).toBe(0);
    expect(await failureOf(t.call('projects.create', { incubatorId: inc.id, name: '第二个', startedOn: '2026-11-20', notes: '' }))).toMatchObject({ kind: 'conflict', field: 'name' });
    const other = await t.call('incubators.save', { values: sampleIncubator(2) });
    expect(await failureOf(t.call('projects.create', { incubatorId: other.id, name: ' ', startedOn: '2026-11-01', notes: '' }))).toMatchObject({ message: '请填写项目名称。', field: 'name' });
    expect(await failureOf(t.call('projects.create', { incubatorId: other.id, name: '培育', startedOn: '2026-12-03', notes: '' }))).toMatchObject({ message: '开始日期不能晚于今天。', field: 'startedOn' });
    expect((await t.call('projects.list', {})).map((p) => p.incubatorName)).toEqual([inc.name]);
  });

  it('moves on in order once a stage is complete, otherwise only with a reason that the history keeps', async () => {
    const { project } = await newProject();
    const early = await failureOf(t.call('projects.moveStage', { id: project.id, to: 'diagnosis', date: '', reason: '' }));
    expect(early).toMatchObject({ kind: 'validation', field: 'reason' });
    expect(early.message).toContain('「宣传与洽谈」尚未完成');

    const saved = await t.call('projects.saveRecord', { projectId: project.id, id: randomUUID(), kind: 'consultation', values: consultation });
    expect(saved.warnings).toEqual([]);
    expect(saved.view.stages[0]).toMatchObject({ stage: 'outreach', done: true });
    const inOrder = await t.call('projects.moveStage', { id: project.id, to: 'diagnosis', date: '', reason: '' });
    expect(inOrder.stage).toBe('diagnosis');
    expect(inOrder.moves.at(-1)).toMatchObject({ from: 'outreach', to: 'diagnosis', date: '2026-12-02', reason: '', outOfOrder: false });

    const backdated = await failureOf(t.call('projects.moveStage', { id: project.id, to: 'planning', date: '2026-12-01', reason: '合同已在上一年度签订' }));
    expect(backdated).toMatchObject({ message: '日期不能早于上一次阶段变更（2026-12-02）。', field: 'date' });
    const skipped = await t.call('projects.moveStage', { id: project.id, to: 'planning', date: '2026-12-02', reason: '合同已在上一年度签订' });
    expect(skipped.moves.at(-1)).toMatchObject({ from: 'diagnosis', to: 'planning', reason: '合同已在上一年度签订', outOfOrder: true });
    const { db } = t.wb.database;
    const summaries = db.select().from(auditLog).where(eq(auditLog.entity, 'project_stage_moves')).all().map((a) => a.summary);
    expect(summaries).toContain('「2026 年度认定培育」从「分析与诊断」进入「制定培育方案」（未按顺序：合同已在上一年度签订）');
    const future = await failureOf(t.call('projects.moveStage', { id: project.id, to: 'implementation', date: '2026-12-03', reason: 'x' }));
    expect(future).toMatchObject({ field: 'date' });
  });

  it('checks records by their kind: errors next to the field, nothing stored; a future visit is a warning', async () => {
    const { project } = await newProject();
    const id = randomUUID();
    const bad = await failureOf(t.call('projects.saveRecord', { projectId: project.id, id, kind: 'complaint', values: { receivedDate: '2026-11-10', complainant: '', channel: '电话', content: '答复太慢', handler: '黄敏', answerDue: '2026-11-09' } }));
    expect(bad.kind).toBe('validation');
    expect(bad.issues!.map((i) => [i.field, i.message])).toEqual([
      ['complainant', '请填写「投诉人」'],
      ['answerDue', '不能早于「受理日期」'],
    ]);
    expect((await t.call('projects.get', { id: project.id })).records).toEqual([]);

    const ahead = await t.call('projects.saveRecord', { projectId: project.id, id, kind: 'consultation', values: { ...consultation, date: '2026-12-10' } });
    expect(ahead.warnings).toEqual([{ field: 'date', message: '「日期」晚于今天（2026-12-02），请核对。' }]);
    expect(ahead.view.records).toHaveLength(1);
    // Saving the same record again is an update, one op per changed field, never a second record.
    await t.call('projects.saveRecord', { projectId: project.id, id, kind: 'consultation', values: { ...consultation, date: '2026-11-05' } });
    const ops = t.wb.database.db.select().from(outbox).where(and(eq(outbox.entity, 'project_records'), eq(outbox.rowId, id))).all();
    expect(ops.map((o) => o.field).sort()).toEqual(['kind', 'projectId', 'values.channel', 'values.date', 'values.notes', 'values.people', 'values.subject'].sort());
    const view = await t.call('projects.get', { id: project.id });
    expect(view.records).toMatchObject([{ id, kind: 'consultation', values: { date: '2026-11-05' } }]);
    const gone = await t.call('projects.deleteRecord', { id });
    expect(gone.records).toEqual([]);
  });

  it("takes the incubator's documents dated within the project as its documents", async () => {
    const { project, inc } = await newProject('2026-11-01');
    const before = await t.call('documents.create', { kind: 'diagnosis', incubatorId: inc.id });
    await t.call('documents.saveDraft', { kind: 'diagnosis', id: before.id, values: { diagnosedOn: '2026-10-20' } });
    const within = await t.call('documents.create', { kind: 'diagnosis', incubatorId: inc.id });
    await t.call('documents.saveDraft', { kind: 'diagnosis', id: within.id, values: { diagnosedOn: '2026-11-15', totalArea: 6000, incubatees: 20, registeredSmes: 8 } });
    await t.call('documents.complete', { kind: 'diagnosis', id: within.id });
    const view = await t.call('projects.get', { id: project.id });
    expect(view.documents.map((d) => d.id)).toEqual([within.id]);
    expect(view.stages[1]).toMatchObject({ stage: 'diagnosis', done: true, requirements: [{ met: true, evidence: { type: 'document', kind: 'diagnosis', id: within.id } }] });
  });

  it('lists what is due this week with a fixed clock, and drops it once answered', async () => {
    const { project } = await newProject();
    const complaint = { receivedDate: '2026-11-30', complainant: '蓝海孵化器 王经理', channel: '电话', content: '培训通知太晚', handler: '黄敏', answerDue: '2026-12-05' };
    const id = randomUUID();
    await t.call('projects.saveRecord', { projectId: project.id, id, kind: 'complaint', values: complaint });
    const due = await t.call('projects.due', {});
    expect(due).toMatchObject([{ urgency: 'due', date: '2026-12-05', message: '投诉待答复：培训通知太晚（12月5日）', target: { type: 'record', projectId: project.id, recordId: id, kind: 'complaint' } }]);
    now = new Date('2026-12-06T02:00:00Z');
    expect((await t.call('projects.due', {}))[0]!.urgency).toBe('overdue');
    await t.call('projects.saveRecord', { projectId: project.id, id, kind: 'complaint', values: { ...complaint, answeredDate: '2026-12-06', handling: '已致电说明' } });
    expect(await t.call('projects.due', {})).toEqual([]);
  });

  it("lists a signed plan's tasks not yet done by the end of their month, and drops one once its progress says 已完成", async () => {
    const inc = await t.call('incubators.save', { values: sampleIncubator(3) });
    const { db } = t.wb.database;
    const ctx = t.wb.changeContext();
    const plan = createDocument(db, ctx, 'plan', { incubatorId: inc.id, values: samplePlanValues(), lists: samplePlanLists(2, 0), snapshots: { incubator: null, agency: null } }, '新建');
    updateDocument(db, ctx, 'plan', plan.id, { status: 'completed' }, '完成');
    // Before it is signed a plan is not in effect: nothing of it is due.
    expect(await t.call('projects.due', {})).toEqual([]);
    signStoredDocument(db, ctx, 'plan', plan.id);
    const due = await t.call('projects.due', {});
    expect(due.map((d) => [d.urgency, d.date, d.target])).toEqual([
      ['overdue', '2025-07-31', { type: 'document', kind: 'plan', id: plan.id }],
      ['overdue', '2025-08-31', { type: 'document', kind: 'plan', id: plan.id }],
    ]);
    expect(due[0]!.message).toMatch(/^培育方案任务（已逾期）：任务内容 1：完善孵化服务体系.*（7月底）$/);
    saveProgress(db, ctx, getDocument(db, 'plan', plan.id)!, { listKey: 'tasks', itemId: plan.lists.tasks![0]!.id, values: { status: '已完成', doneOn: '2025-07-20' }, today: '2026-12-02' });
    expect((await t.call('projects.due', {})).map((d) => d.date)).toEqual(['2025-08-31']);
  });

  it('ends a project only from 服务改进, then allows the next engagement', async () => {
    const { project, inc } = await newProject('2026-01-05');
    expect(await failureOf(t.call('projects.close', { id: project.id, date: '' }))).toMatchObject({ field: 'date' });
    await t.call('projects.moveStage', { id: project.id, to: 'improvement', date: '2026-11-30', reason: '演示：直接进入服务改进' });
    const closed = await t.call('projects.close', { id: project.id, date: '2026-12-01' });
    expect(closed.closedOn).toBe('2026-12-01');
    const next = await t.call('projects.create', { incubatorId: inc.id, name: '2027 年度跟踪', startedOn: '2026-12-02', notes: '' });
    expect(next.stage).toBe('outreach');
  });
});

describe('the demo project', () => {
  it('walks one demo incubator through every stage, with its documents and a record of every kind, once', async () => {
    await t.call('demo.load', {});
    await t.call('demo.load', {});
    const projects = await t.call('projects.list', {});
    expect(projects).toHaveLength(1);
    const view = await t.call('projects.get', { id: projects[0]!.id });
    expect(view.incubatorName).toBe('南宁邕江科技企业孵化器');
    expect(view.stage).toBe('improvement');
    expect(view.moves.map((m) => m.to)).toEqual(['outreach', 'diagnosis', 'contracting', 'planning', 'implementation', 'summary', 'improvement']);
    expect(view.moves.every((m, i) => i === 0 || m.date >= view.moves[i - 1]!.date)).toBe(true);
    expect(new Set(view.records.map((r) => r.kind)).size).toBe(9);
    expect(new Set(view.documents.map((d) => d.kind))).toEqual(new Set(['diagnosis', 'contract', 'plan', 'evaluation']));
    // Out-of-order moves, if the demo documents leave a stage incomplete, carry their reason.
    for (const m of view.moves.filter((x) => x.outOfOrder)) expect(m.reason).not.toBe('');
    expect((await t.call('projects.due', {})).map((d) => (d.target.type === 'record' ? d.target.kind : d.target.kind)).sort()).toEqual(['complaint', 'correctiveAction', 'serviceTask']);
  });
});
