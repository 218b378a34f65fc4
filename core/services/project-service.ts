// Cultivation projects (docs/process.md): a project per incubator and engagement on the standard's path, its stage
// moves (out of order only with a reason, all kept), its records (checked by the shared field engine), and what
// its records make due this week.
import type { DueItem, ProjectContent, ProjectSummary, ProjectView, projectsContract } from '../../shared/contract/projects-contract.js';
import { AppError } from '../../shared/rpc/result.js';
import type { DocumentSummary } from '../../shared/domain/document-record.js';
import { checkFields } from '../../shared/forms/field-engine.js';
import { DOCUMENT_KINDS } from '../../shared/forms/registry.js';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import { isIsoDate } from '../../shared/validation/dates.js';
import { RECORD_DEFINITIONS, type RecordKind } from '../../shared/process/record-kinds.js';
import { ATTACHMENTS_KEY } from '../../shared/process/attachments.js';
import { STAGE_INFO, type ProjectStage } from '../../shared/process/stages.js';
import { checkStageMove, type DocumentFact, stageStatuses } from '../../shared/process/stage-rules.js';
import { dueEntries, dueTaskEntries, type PlanTaskCandidate } from '../../shared/process/due-items.js';
import { checkedAttachments, storeAttachment } from './record-attachments.js';
import { getDocument, listDocuments } from '../../db/repositories/document-repository.js';
import { progressOfDocument, progressOpen } from './item-progress-service.js';
import { transitionsOf } from '../../db/repositories/contract-lifecycle-repository.js';
import { listIncubators } from '../../db/repositories/incubator-repository.js';
import {
  allRecords,
  appendStageMove,
  deleteRecord,
  getProject,
  getRecord,
  insertProject,
  listProjects,
  type ProjectRow,
  recordsOf,
  saveRecord,
  stageMovesOf,
  updateProject,
} from '../../db/repositories/project-repository.js';
import type { Executor } from '../../db/database.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';
import { requireIncubator } from './document-model-service.js';
import { localIsoDate } from '../../shared/dates/local-date.js';

const PROJECT_NAME_MAX = 200;

export function requireProject(db: Executor, id: string): ProjectRow {
  const found = getProject(db, id);
  if (!found) throw new AppError('not-found', '找不到这个培育项目，可能已被删除。');
  return found;
}

/**
 * The project's documents: the incubator's documents dated on or after the project's start and before the start of
 * the incubator's next project (docs/process.md §Documents of a project). Undated documents count by their last edit.
 */
type ProjectDocument = DocumentFact & { date: string | null; revision: number };

function documentsOf(db: Executor, project: ProjectRow): ProjectDocument[] {
  const later = listProjects(db, project.incubatorId)
    .map((p) => p.startedOn)
    .filter((d) => d > project.startedOn)
    .sort()[0];
  return DOCUMENT_KINDS.flatMap((kind) =>
    listDocuments(db, kind, project.incubatorId)
      .filter((d) => {
        const day = d.date ?? d.updatedAt.slice(0, 10);
        return day >= project.startedOn && (!later || day < later);
      })
      .map((d): ProjectDocument => ({
        id: d.id,
        kind,
        date: d.date,
        revision: d.revision,
        status: d.status,
        signed: isSignedDocument(db, d),
      })),
  );
}

/** Whether a listed document is signed on screen, or — a contract — on paper. */
export function isSignedDocument(db: Executor, d: Pick<DocumentSummary, 'id' | 'kind' | 'signed'>): boolean {
  // A contract signed on paper is recorded in its lifecycle (docs/contract-lifecycle.md), not by an on-screen signature.
  return d.signed || (d.kind === 'contract' && transitionsOf(db, d.id).some((t) => t.event === 'sign'));
}

export function summaryOf(db: Executor, project: ProjectRow, incubatorName: string): ProjectSummary {
  const facts = { documents: documentsOf(db, project), records: recordsOf(db, project.id) };
  return {
    id: project.id,
    incubatorId: project.incubatorId,
    incubatorName,
    name: project.name,
    startedOn: project.startedOn,
    stage: project.stage,
    stagesDone: stageStatuses(facts).filter((s) => s.done).length,
    closedOn: project.closedOn,
    updatedAt: project.updatedAt,
  };
}

/** A project as shown, without the workbench's today (the handlers add it: `viewOf`). */
export function projectView(db: Executor, id: string): ProjectContent {
  const project = requireProject(db, id);
  const incubator = requireIncubator(db, project.incubatorId);
  const documents = documentsOf(db, project);
  const records = recordsOf(db, project.id);
  return {
    ...summaryOf(db, project, incubator.name),
    notes: project.notes,
    stages: stageStatuses({ documents, records }),
    moves: stageMovesOf(db, project.id).map((m) => ({
      id: m.id,
      from: m.fromStage,
      to: m.toStage,
      date: m.date,
      reason: m.reason,
      outOfOrder: m.outOfOrder,
      recordedAt: m.createdAt,
    })),
    records: records.map((r) => ({ id: r.id, kind: r.kind, values: r.values, updatedAt: r.updatedAt })),
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, date: d.date, status: d.status, signed: d.signed, revision: d.revision })),
  };
}

function checkedProjectFields(input: { name: string; startedOn: string }, today: string): { name: string; startedOn: string } {
  const name = input.name.trim();
  if (!name) throw new AppError('validation', '请填写项目名称。', { field: 'name' });
  if ([...name].length > PROJECT_NAME_MAX) throw new AppError('validation', `项目名称不能超过 ${PROJECT_NAME_MAX} 个字。`, { field: 'name' });
  if (!input.startedOn || !isIsoDate(input.startedOn)) throw new AppError('validation', '请填写开始日期。', { field: 'startedOn' });
  if (input.startedOn > today) throw new AppError('validation', '开始日期不能晚于今天。', { field: 'startedOn' });
  return { name, startedOn: input.startedOn };
}

/** A record's values checked by its kind's fields: errors refuse the save, next to their field; warnings do not. */
function checkedRecord(kind: RecordKind, values: Readonly<Record<string, FieldValue>>, today: string) {
  const def = RECORD_DEFINITIONS[kind];
  const check = checkFields(def.fields, values);
  const errors = check.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new AppError('validation', errors.map((e) => e.message).join('；'), { field: errors[0]!.field, issues: errors });
  const warnings = check.issues.filter((i) => i.severity === 'warning').map(({ field, message }) => ({ field, message }));
  // A log dated in the future is usually a typo, but a planned visit may be recorded ahead: a warning, not a refusal.
  for (const f of def.fields) {
    const v = check.normalized[f.key];
    if (f.type === 'date' && f.key === def.dateField && typeof v === 'string' && v > today && !def.due) {
      warnings.push({ field: f.key, message: `「${f.label}」晚于今天（${today}），请核对。` });
    }
  }
  return { values: check.normalized, warnings };
}

function recordSummary(kind: RecordKind, values: Readonly<Record<string, FieldValue>>): string {
  const def = RECORD_DEFINITIONS[kind];
  const title = String(values[def.titleField] ?? '').replace(/\s+/g, ' ').trim();
  return [...title].length > 20 ? `${[...title].slice(0, 20).join('')}…` : title;
}

/** The tasks of every signed plan in effect (progress can be recorded on it: §5.2.5), with their recorded status. */
function planTasksInEffect(db: Executor): PlanTaskCandidate[] {
  return listDocuments(db, 'plan')
    .filter((d) => d.signed)
    .flatMap((d) => {
      const plan = getDocument(db, 'plan', d.id);
      if (!plan || !progressOpen(db, plan)) return [];
      const progress = progressOfDocument(db, plan);
      return (plan.lists.tasks ?? []).map((t) => ({
        planId: plan.id,
        itemId: t.id,
        description: String(t.values.description ?? ''),
        dueMonth: String(t.values.dueMonth ?? ''),
        status: typeof progress[t.id]?.status === 'string' ? (progress[t.id]!.status as string) : null,
      }));
    });
}

export function projectHandlers(wb: Workbench): HandlersFor<typeof projectsContract> {
  const db = () => wb.database.db;
  const today = () => localIsoDate(wb.now());
  // Today on the workbench's calendar, not the screen's: the dates the backend checks are the ones the UI offers.
  const viewOf = (x: Executor, id: string): ProjectView => ({ ...projectView(x, id), today: today() });
  const names = () => new Map(listIncubators(db(), '').map((i) => [i.id, i.name]));
  return {
    'projects.list': ({ incubatorId }) => {
      const byId = names();
      return listProjects(db(), incubatorId).flatMap((p) => (byId.has(p.incubatorId) ? [summaryOf(db(), p, byId.get(p.incubatorId)!)] : []));
    },

    'projects.today': () => ({ today: today() }),

    'projects.get': ({ id }) => viewOf(db(), id),

    'projects.create': ({ incubatorId, name, startedOn, notes }) => {
      const incubator = requireIncubator(db(), incubatorId);
      const fields = checkedProjectFields({ name, startedOn }, today());
      return db().transaction((tx) => {
        // One engagement at a time: the documents of a project are those dated within it (documentsOf).
        const open = listProjects(tx, incubatorId).find((p) => p.closedOn === null);
        if (open) throw new AppError('conflict', `「${incubator.name}」已有进行中的培育项目「${open.name}」：请先结束该项目，再新建。`, { field: 'name' });
        const clash = listProjects(tx, incubatorId).find((p) => p.startedOn >= fields.startedOn);
        if (clash) throw new AppError('validation', `开始日期须晚于该孵化器上一个项目「${clash.name}」的开始日期（${clash.startedOn}）。`, { field: 'startedOn' });
        const project = insertProject(tx, wb.changeContext(), { incubatorId, ...fields, notes: notes.trim() }, `新建「${incubator.name}」培育项目「${fields.name}」`);
        appendStageMove(tx, wb.changeContext(), { projectId: project.id, fromStage: null, toStage: 'outreach', date: fields.startedOn, reason: '', outOfOrder: false }, null);
        return viewOf(tx, project.id);
      });
    },

    'projects.update': ({ id, name, startedOn, notes }) => {
      const project = requireProject(db(), id);
      const fields = checkedProjectFields({ name, startedOn }, today());
      return db().transaction((tx) => {
        updateProject(tx, wb.changeContext(), project, { ...fields, notes: notes.trim() }, `修改培育项目「${fields.name}」`);
        return viewOf(tx, id);
      });
    },

    'projects.moveStage': ({ id, to, date, reason }) => {
      const view = viewOf(db(), id);
      const day = date || today();
      if (!isIsoDate(day)) throw new AppError('validation', '请填写有效的日期。', { field: 'date' });
      if (day > today()) throw new AppError('validation', '日期不能晚于今天。', { field: 'date' });
      const last = view.moves.at(-1);
      if (last && day < last.date) throw new AppError('validation', `日期不能早于上一次阶段变更（${last.date}）。`, { field: 'date' });
      const check = checkStageMove(view.stage, to, view.stages, reason);
      if (!check.ok) throw new AppError('validation', check.message, { field: 'reason' });
      return db().transaction((tx) => {
        const project = requireProject(tx, id);
        const from: ProjectStage = project.stage;
        const why = reason.trim();
        const summary = `「${project.name}」从「${STAGE_INFO[from].title}」进入「${STAGE_INFO[to].title}」${check.outOfOrder ? `（未按顺序：${why}）` : ''}`;
        appendStageMove(tx, wb.changeContext(), { projectId: id, fromStage: from, toStage: to, date: day, reason: why, outOfOrder: check.outOfOrder }, summary);
        updateProject(tx, wb.changeContext(), project, { stage: to }, null);
        return viewOf(tx, id);
      });
    },

    'projects.close': ({ id, date }) => {
      const project = requireProject(db(), id);
      const day = date || today();
      if (project.closedOn) throw new AppError('conflict', `该项目已于 ${project.closedOn} 结束。`);
      if (project.stage !== 'improvement') throw new AppError('validation', `项目进入「${STAGE_INFO.improvement.title}」阶段后才能结束。`, { field: 'date' });
      if (!isIsoDate(day) || day > today()) throw new AppError('validation', '请填写不晚于今天的结束日期。', { field: 'date' });
      if (day < project.startedOn) throw new AppError('validation', '结束日期不能早于开始日期。', { field: 'date' });
      return db().transaction((tx) => {
        updateProject(tx, wb.changeContext(), project, { closedOn: day }, `结束培育项目「${project.name}」`);
        return viewOf(tx, id);
      });
    },

    'projects.saveRecord': ({ projectId, id, kind, values }) => {
      const project = requireProject(db(), projectId);
      const existing = getRecord(db(), id);
      if (existing && (existing.projectId !== projectId || existing.kind !== kind)) throw new AppError('conflict', '这条记录属于另一个项目或类别。');
      const checked = checkedRecord(kind, values, today());
      // The attachment list is not a form field: kept beside the checked fields, each entry's file already stored. A
      // save that does not send it keeps the record's list (nothing saved is lost).
      const sent = checkedAttachments(db(), values);
      const attachments = sent === undefined ? existing?.values[ATTACHMENTS_KEY] : sent;
      if (attachments !== undefined) checked.values[ATTACHMENTS_KEY] = attachments;
      const title = RECORD_DEFINITIONS[kind].title;
      return db().transaction((tx) => {
        const verb = existing ? '修改' : '新增';
        saveRecord(tx, wb.changeContext(), { id, projectId, kind, values: checked.values }, `${verb}「${project.name}」${title}：${recordSummary(kind, checked.values)}`);
        return { view: viewOf(tx, projectId), warnings: checked.warnings };
      });
    },

    'projects.addAttachment': ({ name, base64 }) => storeAttachment(db(), name, base64, wb.now()),

    'projects.deleteRecord': ({ id }) => {
      const record = getRecord(db(), id);
      if (!record) throw new AppError('not-found', '找不到这条记录，可能已被删除。');
      const project = requireProject(db(), record.projectId);
      return db().transaction((tx) => {
        deleteRecord(tx, wb.changeContext(), record, `删除「${project.name}」${RECORD_DEFINITIONS[record.kind].title}：${recordSummary(record.kind, record.values)}`);
        return viewOf(tx, project.id);
      });
    },

    'projects.due': (): DueItem[] => {
      const byId = names();
      const projects = new Map(listProjects(db()).map((p) => [p.id, p]));
      const records = dueEntries(
        allRecords(db()).filter((r) => projects.has(r.projectId)),
        today(),
      ).flatMap((e): DueItem[] => {
        const project = projects.get(e.projectId)!;
        const incubatorName = byId.get(project.incubatorId);
        if (incubatorName === undefined) return [];
        return [{ key: `${e.kind}:${e.recordId}`, urgency: e.urgency, date: e.date, message: e.wording, incubatorName, target: { type: 'record', projectId: e.projectId, recordId: e.recordId, kind: e.kind } }];
      });
      const tasks = dueTaskEntries(planTasksInEffect(db()), today()).flatMap((e): DueItem[] => {
        const plan = getDocument(db(), 'plan', e.planId);
        const incubatorName = plan ? byId.get(plan.incubatorId) : undefined;
        if (incubatorName === undefined) return [];
        return [{ key: `plan-task:${e.itemId}`, urgency: e.urgency, date: e.date, message: e.wording, incubatorName, target: { type: 'document', kind: 'plan', id: e.planId } }];
      });
      return [...records, ...tasks].sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
    },
  };
}
