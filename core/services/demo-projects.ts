// One demo cultivation project walked through every stage of the standard's path (docs/process.md), with a record
// of each kind, so a newcomer sees the step bar, the stage rules, the due list and the history filled in. Loaded
// after the demo documents: the project's documents are the incubator's documents dated within it.
import { randomUUID } from 'node:crypto';
import { addDays } from '../../shared/dates/date-math.js';
import { checkFields } from '../../shared/forms/field-engine.js';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import { RECORD_DEFINITIONS, type RecordKind } from '../../shared/process/record-kinds.js';
import { PROJECT_STAGES } from '../../shared/process/stages.js';
import { checkStageMove } from '../../shared/process/stage-rules.js';
import { findIncubatorByName } from '../../db/repositories/incubator-repository.js';
import { appendStageMove, insertProject, listProjects, saveRecord, updateProject } from '../../db/repositories/project-repository.js';
import type { Workbench } from '../workbench.js';
import { localIsoDate } from './document-service.js';
import { projectView } from './project-service.js';

const INCUBATOR = '南宁邕江科技企业孵化器';
const STARTED_ON = '2025-05-06';

/** The records, in the order they happened; `day` counts from the project's start. */
function demoRecords(today: string): { kind: RecordKind; values: Record<string, FieldValue> }[] {
  const d = (days: number) => addDays(STARTED_ON, days);
  return [
    { kind: 'consultation', values: { date: d(0), channel: '来访', subject: '了解自治区级孵化器认定条件', people: '黄敏、刘建新；孵化器 韦丽娟', notes: '介绍 T/GXAS 453-2023 及认定条件，对方有意委托培育。' } },
    { kind: 'consultation', values: { date: d(7), channel: '走访', subject: '实地查看孵化场地与在孵企业', people: '黄敏、刘建新', notes: '孵化场地约 8 000 平方米，在孵企业 18 家。' } },
    { kind: 'serviceTask', values: { task: '协助建立在孵企业统计台账', department: '咨询服务部', responsible: '刘建新', dueDate: d(90), doneDate: d(85) } },
    { kind: 'serviceTask', values: { task: '组织创业导师对接活动', department: '咨询服务部', responsible: '黄敏', dueDate: addDays(today, 3), doneDate: null } },
    { kind: 'progressReport', values: { date: d(120), summary: '台账已建立，新增在孵企业 3 家。', issues: '部分企业知识产权材料不全。', resolution: '安排专人上门辅导补齐。', resolvedDate: d(140) } },
    { kind: 'acceptance', values: { date: d(360), basis: '合同第三条', items: '诊断报告、培育方案、统计台账、导师对接活动记录。', conclusion: '通过', people: '黄敏、韦丽娟' } },
    { kind: 'followUp', values: { date: d(390), content: '回访认定申报材料准备情况。', nextStep: '协助准备答辩材料。', nextDate: d(420) } },
    { kind: 'clientEvaluation', values: { date: d(392), evaluator: '韦丽娟', method: '满意度调查表', goalsMet: '是', planOnTime: '部分', staffCompetent: '是', qualityMet: '是', problems: '导师对接活动可再提前安排。' } },
    { kind: 'complaint', values: { receivedDate: addDays(today, -2), complainant: '韦丽娟', channel: '电话', content: '活动通知发出较晚', handler: '黄敏', answerDue: addDays(today, 5), handling: '', answeredDate: null } },
    { kind: 'correctiveAction', values: { foundDate: d(395), nonConformity: '活动通知未按计划提前一周发出', cause: '未设提醒', responsible: '黄敏', plan: '服务计划事项设到期提醒，提前一周通知。', deadline: addDays(today, 6), closedDate: null } },
    { kind: 'improvement', values: { date: d(400), problems: '服务计划执行的提醒不足。', measures: '使用工作台的本周待办跟踪每项服务计划，预期按时率达到 95%。', deadline: addDays(today, 30) } },
  ];
}

/** Adds the demo project unless the incubator already has one. Returns whether it was added. */
export function loadDemoProject(wb: Workbench): boolean {
  const { db } = wb.database;
  const ctx = wb.changeContext();
  const today = localIsoDate(wb.now());
  const incubator = findIncubatorByName(db, INCUBATOR);
  if (!incubator || listProjects(db, incubator.id).length > 0 || today < addDays(STARTED_ON, 400)) return false;
  db.transaction((tx) => {
    const project = insertProject(tx, ctx, { incubatorId: incubator.id, name: '2025 年度自治区级孵化器认定培育', startedOn: STARTED_ON, notes: '' }, `新建「${incubator.name}」培育项目（示例，含各阶段的记录）`);
    // Its records and moves are part of that one history entry.
    appendStageMove(tx, ctx, { projectId: project.id, fromStage: null, toStage: 'outreach', date: STARTED_ON, reason: '', outOfOrder: false }, null);
    for (const r of demoRecords(today)) {
      const { normalized } = checkFields(RECORD_DEFINITIONS[r.kind].fields, r.values);
      saveRecord(tx, ctx, { id: randomUUID(), projectId: project.id, kind: r.kind, values: normalized }, null);
    }
    // Walk the path: each move in order where the stage is complete, otherwise with the reason the demo gives.
    let stage = project;
    for (let i = 1; i < PROJECT_STAGES.length; i++) {
      const to = PROJECT_STAGES[i]!;
      const view = projectView(tx, project.id);
      const check = checkStageMove(view.stage, to, view.stages, '');
      const reason = check.ok ? '' : '示例数据：该阶段的文档在示例中未签署，按已完成处理';
      // Never in the future, whatever day the demo is loaded (tests load it with fixed clocks).
      const planned = addDays(STARTED_ON, Math.round((i * 400) / PROJECT_STAGES.length));
      const date = planned < today ? planned : today;
      appendStageMove(tx, ctx, { projectId: project.id, fromStage: view.stage, toStage: to, date, reason, outOfOrder: !check.ok }, null);
      stage = updateProject(tx, ctx, stage, { stage: to }, null);
    }
  });
  return true;
}
