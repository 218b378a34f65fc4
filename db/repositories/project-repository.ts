// Cultivation projects, their stage moves and their records (db/schema/projects.ts): each write with its outbox ops
// and audit entry in the caller's transaction (docs/process.md).
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import type { ProjectStage } from '../../shared/process/stages.js';
import type { RecordKind } from '../../shared/process/record-kinds.js';
import type { Executor } from '../database.js';
import { type ChangeContext, recordChange } from '../change-recorder.js';
import { cultivationProjects, projectRecords, projectStageMoves } from '../schema/index.js';
import { parseItemValues, wireValues } from './document-items-repository.js';

export const PROJECT_ENTITY = 'cultivation_projects';
export const STAGE_MOVE_ENTITY = 'project_stage_moves';
export const PROJECT_RECORD_ENTITY = 'project_records';

type Values = Record<string, FieldValue>;
/** A history entry's summary, or null when the write is part of another entry (a stage move is the project's). */
type Summary = string | null;
const audited = (summary: Summary) => (summary === null ? { summary: '', withoutAuditEntry: true } : { summary });
export type ProjectRow = typeof cultivationProjects.$inferSelect;
export type StageMoveRow = typeof projectStageMoves.$inferSelect;

export interface StoredRecord {
  id: string;
  projectId: string;
  kind: RecordKind;
  values: Values;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const toRecord = (r: typeof projectRecords.$inferSelect): StoredRecord => ({
  id: r.id,
  projectId: r.projectId,
  kind: r.kind,
  values: parseItemValues(r.valuesJson),
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export function listProjects(db: Executor, incubatorId?: string): ProjectRow[] {
  const live = isNull(cultivationProjects.deletedAt);
  return db
    .select()
    .from(cultivationProjects)
    .where(incubatorId ? and(live, eq(cultivationProjects.incubatorId, incubatorId)) : live)
    .orderBy(desc(cultivationProjects.startedOn), desc(cultivationProjects.createdAt))
    .all();
}

export function getProject(db: Executor, id: string): ProjectRow | undefined {
  return db.select().from(cultivationProjects).where(and(eq(cultivationProjects.id, id), isNull(cultivationProjects.deletedAt))).get();
}

export interface NewProject {
  incubatorId: string;
  name: string;
  startedOn: string;
  notes: string;
}

export function insertProject(db: Executor, ctx: ChangeContext, input: NewProject, summary: string): ProjectRow {
  const now = ctx.now().toISOString();
  const id = randomUUID();
  const row = { ...input, stage: 'outreach' as const, closedOn: null };
  db.insert(cultivationProjects).values({ id, version: 0, createdAt: now, updatedAt: now, ...row }).run();
  recordChange(db, ctx, { entity: PROJECT_ENTITY, rowId: id, action: 'create', baseVersion: 0, before: {}, after: row, summary });
  return getProject(db, id)!;
}

export type ProjectPatch = Partial<Pick<ProjectRow, 'name' | 'startedOn' | 'stage' | 'closedOn' | 'notes'>>;

export function updateProject(db: Executor, ctx: ChangeContext, existing: ProjectRow, patch: ProjectPatch, summary: Summary): ProjectRow {
  const before = { name: existing.name, startedOn: existing.startedOn, stage: existing.stage, closedOn: existing.closedOn, notes: existing.notes };
  const after = { ...before, ...patch };
  const changed = recordChange(db, ctx, { entity: PROJECT_ENTITY, rowId: existing.id, action: 'update', baseVersion: existing.version, before, after, ...audited(summary) });
  if (changed !== null) {
    db.update(cultivationProjects).set({ ...patch, updatedAt: ctx.now().toISOString() }).where(eq(cultivationProjects.id, existing.id)).run();
  }
  return getProject(db, existing.id)!;
}

export function stageMovesOf(db: Executor, projectId: string): StageMoveRow[] {
  return db
    .select()
    .from(projectStageMoves)
    .where(and(eq(projectStageMoves.projectId, projectId), isNull(projectStageMoves.deletedAt)))
    // As recorded: the last move is where the project stands (a move is never dated before the one it follows).
    .orderBy(asc(projectStageMoves.createdAt), asc(projectStageMoves.date))
    .all();
}

export interface NewStageMove {
  projectId: string;
  fromStage: ProjectStage | null;
  toStage: ProjectStage;
  date: string;
  reason: string;
  outOfOrder: boolean;
}

/**
 * Appends a move. Its history entry is the move's (a create, so it reads as written, with its reason); the project's
 * own `stage` change is part of it. `summary` null: part of the entry of the project it starts.
 */
export function appendStageMove(db: Executor, ctx: ChangeContext, move: NewStageMove, summary: Summary): void {
  const now = ctx.now().toISOString();
  const id = randomUUID();
  db.insert(projectStageMoves).values({ id, version: 0, createdAt: now, updatedAt: now, ...move }).run();
  recordChange(db, ctx, { entity: STAGE_MOVE_ENTITY, rowId: id, action: 'create', baseVersion: 0, before: {}, after: { ...move }, ...audited(summary) });
}

export function recordsOf(db: Executor, projectId: string): StoredRecord[] {
  return db
    .select()
    .from(projectRecords)
    .where(and(eq(projectRecords.projectId, projectId), isNull(projectRecords.deletedAt)))
    .orderBy(desc(projectRecords.createdAt))
    .all()
    .map(toRecord);
}

/** Every live record of every project (the 工作台's due list reads them all at once). */
export function allRecords(db: Executor): StoredRecord[] {
  return db.select().from(projectRecords).where(isNull(projectRecords.deletedAt)).all().map(toRecord);
}

export function getRecord(db: Executor, id: string): StoredRecord | undefined {
  const r = db.select().from(projectRecords).where(and(eq(projectRecords.id, id), isNull(projectRecords.deletedAt))).get();
  return r ? toRecord(r) : undefined;
}

/** Creates the record `id` (made by the editor, so saving a new record twice never makes two) or updates it. */
export function saveRecord(db: Executor, ctx: ChangeContext, input: { id: string; projectId: string; kind: RecordKind; values: Values }, summary: Summary): StoredRecord {
  const now = ctx.now().toISOString();
  const existing = db.select().from(projectRecords).where(eq(projectRecords.id, input.id)).get();
  if (!existing) {
    const row = { projectId: input.projectId, kind: input.kind };
    db.insert(projectRecords).values({ id: input.id, version: 0, createdAt: now, updatedAt: now, ...row, valuesJson: JSON.stringify(input.values) }).run();
    recordChange(db, ctx, { entity: PROJECT_RECORD_ENTITY, rowId: input.id, action: 'create', baseVersion: 0, before: {}, after: { ...row, ...wireValues(input.values) }, ...audited(summary) });
  } else {
    const before = parseItemValues(existing.valuesJson);
    const changed = recordChange(db, ctx, {
      entity: PROJECT_RECORD_ENTITY,
      rowId: input.id,
      action: 'update',
      baseVersion: existing.version,
      before: wireValues(before),
      after: wireValues(input.values),
      ...audited(summary),
    });
    if (changed !== null) db.update(projectRecords).set({ valuesJson: JSON.stringify(input.values), updatedAt: now }).where(eq(projectRecords.id, input.id)).run();
  }
  return getRecord(db, input.id)!;
}

export function deleteRecord(db: Executor, ctx: ChangeContext, record: StoredRecord, summary: string): void {
  const at = ctx.now().toISOString();
  recordChange(db, ctx, { entity: PROJECT_RECORD_ENTITY, rowId: record.id, action: 'delete', baseVersion: record.version, before: { deletedAt: null }, after: { deletedAt: at }, summary });
  db.update(projectRecords).set({ deletedAt: at, updatedAt: at }).where(eq(projectRecords.id, record.id)).run();
}
