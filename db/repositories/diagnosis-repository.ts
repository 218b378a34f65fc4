import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DiagnosisRecord, DiagnosisStatus, DiagnosisSummary } from '../../shared/domain/diagnosis.js';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import type { Executor } from '../database.js';
import { type ChangeContext, recordChange } from '../change-recorder.js';
import { diagnoses, incubators, ruleSets, syncSigned } from '../schema/index.js';
import { RowNotFound } from '../errors.js';

const ENTITY = 'diagnoses';
const RULE_SET_ENTITY = 'rule_sets';
type Row = typeof diagnoses.$inferSelect;
type Values = Record<string, FieldValue>;

function parseValues(json: string): Values {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Values) : {};
  } catch {
    return {};
  }
}

function toRecord(row: Row): DiagnosisRecord {
  return {
    id: row.id,
    incubatorId: row.incubatorId,
    status: row.status,
    diagnosedOn: row.diagnosedOn,
    consultants: row.consultants,
    ruleSetId: row.ruleSetId,
    values: parseValues(row.valuesJson),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    completedAt: row.completedAt,
    revision: row.revision ?? 1,
    revisionOf: row.revisionOf,
    revisionReason: row.revisionReason,
  };
}

/** The fields of a diagnosis as the outbox and audit log see them: one entry per form field. */
function changeFields(r: Pick<DiagnosisRecord, 'status' | 'diagnosedOn' | 'consultants' | 'ruleSetId' | 'completedAt' | 'values'>) {
  const out: Record<string, unknown> = {
    status: r.status,
    diagnosedOn: r.diagnosedOn,
    consultants: r.consultants,
    ruleSetId: r.ruleSetId,
    completedAt: r.completedAt,
  };
  for (const [k, v] of Object.entries(r.values)) out[`values.${k}`] = v;
  return out;
}

export function getDiagnosisRow(db: Executor, id: string, includeDeleted = false): Row | undefined {
  const byId = eq(diagnoses.id, id);
  return db
    .select()
    .from(diagnoses)
    .where(includeDeleted ? byId : and(byId, isNull(diagnoses.deletedAt)))
    .get();
}

export function getDiagnosis(db: Executor, id: string): DiagnosisRecord | undefined {
  const row = getDiagnosisRow(db, id);
  return row ? toRecord(row) : undefined;
}

export function listDiagnoses(db: Executor, incubatorId?: string): DiagnosisSummary[] {
  const live = and(isNull(diagnoses.deletedAt), isNull(incubators.deletedAt));
  const rows = db
    .select({
      id: diagnoses.id,
      incubatorId: diagnoses.incubatorId,
      incubatorName: incubators.name,
      diagnosedOn: diagnoses.diagnosedOn,
      status: diagnoses.status,
      consultants: diagnoses.consultants,
      ruleSetId: diagnoses.ruleSetId,
      updatedAt: diagnoses.updatedAt,
      revision: diagnoses.revision,
      revisionOf: diagnoses.revisionOf,
    })
    .from(diagnoses)
    .innerJoin(incubators, eq(incubators.id, diagnoses.incubatorId))
    .where(incubatorId ? and(live, eq(diagnoses.incubatorId, incubatorId)) : live)
    .orderBy(desc(diagnoses.diagnosedOn), desc(diagnoses.updatedAt))
    .all();
  const supersededBy = supersedingRevisions(db);
  const signed = new Set(
    db.select({ rowId: syncSigned.rowId }).from(syncSigned).where(eq(syncSigned.entity, ENTITY)).all().map((r) => r.rowId),
  );
  return rows.map((r) => ({
    ...r,
    revision: r.revision ?? 1,
    supersededBy: supersededBy.get(r.id) ?? null,
    signed: signed.has(r.id),
  }));
}

/** Superseded diagnosis id -> its latest live revision. */
function supersedingRevisions(db: Executor): Map<string, { id: string; revision: number }> {
  const out = new Map<string, { id: string; revision: number }>();
  const revisions = db
    .select({ id: diagnoses.id, revisionOf: diagnoses.revisionOf, revision: diagnoses.revision })
    .from(diagnoses)
    .where(and(isNotNull(diagnoses.revisionOf), isNull(diagnoses.deletedAt)))
    .all();
  for (const r of revisions) {
    const revision = r.revision ?? 1;
    const old = out.get(r.revisionOf!);
    if (!old || old.revision < revision) out.set(r.revisionOf!, { id: r.id, revision });
  }
  return out;
}

/** The most recent diagnosis of an incubator (by diagnosis date, then last edit). */
export function latestDiagnosisOf(db: Executor, incubatorId: string): DiagnosisRecord | undefined {
  const row = db
    .select()
    .from(diagnoses)
    .where(and(eq(diagnoses.incubatorId, incubatorId), isNull(diagnoses.deletedAt)))
    .orderBy(desc(diagnoses.diagnosedOn), desc(diagnoses.updatedAt))
    .get();
  return row ? toRecord(row) : undefined;
}

export interface NewDiagnosis {
  id?: string;
  incubatorId: string;
  diagnosedOn: string | null;
  consultants: string;
  ruleSetId: string;
  values: Values;
  status?: DiagnosisStatus;
  /** Set on a revision of a signed diagnosis. */
  revisionOf?: { id: string; revision: number; reason: string };
}

export function createDiagnosis(db: Executor, ctx: ChangeContext, input: NewDiagnosis, incubatorName: string): DiagnosisRecord {
  return db.transaction((tx) => {
    const now = ctx.now().toISOString();
    const id = input.id ?? randomUUID();
    const status = input.status ?? 'draft';
    const completedAt = status === 'completed' ? now : null;
    const row = tx
      .insert(diagnoses)
      .values({
        id,
        version: 0,
        createdAt: now,
        updatedAt: now,
        incubatorId: input.incubatorId,
        status,
        diagnosedOn: input.diagnosedOn,
        consultants: input.consultants,
        ruleSetId: input.ruleSetId,
        valuesJson: JSON.stringify(input.values),
        completedAt,
        revisionOf: input.revisionOf?.id ?? null,
        revision: input.revisionOf?.revision ?? null,
        revisionReason: input.revisionOf?.reason ?? null,
      })
      .returning()
      .get();
    const record = toRecord(row);
    recordChange(tx, ctx, {
      entity: ENTITY,
      rowId: id,
      action: 'create',
      baseVersion: 0,
      before: {},
      after: {
        incubatorId: input.incubatorId,
        ...changeFields(record),
        ...(input.revisionOf ? { revisionOf: row.revisionOf, revision: row.revision, revisionReason: row.revisionReason } : {}),
      },
      summary: input.revisionOf
        ? `修订「${incubatorName}」的诊断意见表（第 ${input.revisionOf.revision} 版）：${input.revisionOf.reason}`
        : `新建「${incubatorName}」的诊断意见表`,
    });
    return record;
  });
}

export interface DiagnosisPatch {
  values?: Values;
  diagnosedOn?: string | null;
  consultants?: string;
  ruleSetId?: string;
  status?: DiagnosisStatus;
}

/** Applies a patch; records one outbox op per changed field and one audit entry, in one transaction. */
export function updateDiagnosis(db: Executor, ctx: ChangeContext, id: string, patch: DiagnosisPatch, summary: string): DiagnosisRecord {
  return db.transaction((tx) => {
    const existing = getDiagnosisRow(tx, id);
    if (!existing) throw new RowNotFound(ENTITY, id);
    const before = toRecord(existing);
    const now = ctx.now().toISOString();
    const status = patch.status ?? before.status;
    const after: DiagnosisRecord = {
      ...before,
      values: patch.values ? { ...before.values, ...patch.values } : before.values,
      diagnosedOn: patch.diagnosedOn !== undefined ? patch.diagnosedOn : before.diagnosedOn,
      consultants: patch.consultants ?? before.consultants,
      ruleSetId: patch.ruleSetId ?? before.ruleSetId,
      status,
      completedAt: status === 'completed' ? (before.status === 'completed' ? before.completedAt : now) : null,
    };
    const auditId = recordChange(tx, ctx, {
      entity: ENTITY,
      rowId: id,
      action: 'update',
      baseVersion: existing.version,
      before: changeFields(before),
      after: changeFields(after),
      summary,
    });
    if (auditId === null) return before;
    const row = tx
      .update(diagnoses)
      .set({
        valuesJson: JSON.stringify(after.values),
        diagnosedOn: after.diagnosedOn,
        consultants: after.consultants,
        ruleSetId: after.ruleSetId,
        status: after.status,
        completedAt: after.completedAt,
        updatedAt: now,
      })
      .where(eq(diagnoses.id, id))
      .returning()
      .get();
    return toRecord(row);
  });
}

export function deleteDiagnosis(db: Executor, ctx: ChangeContext, id: string, summary: string): number {
  return db.transaction((tx) => {
    const existing = getDiagnosisRow(tx, id);
    if (!existing) throw new RowNotFound(ENTITY, id);
    const now = ctx.now().toISOString();
    tx.update(diagnoses).set({ deletedAt: now, updatedAt: now }).where(eq(diagnoses.id, id)).run();
    return (
      recordChange(tx, ctx, {
        entity: ENTITY,
        rowId: id,
        action: 'delete',
        baseVersion: existing.version,
        before: { deletedAt: null },
        after: { deletedAt: now },
        summary,
      }) ?? 0
    );
  });
}

// ---- Agency rule sets ----

export interface StoredRuleSet {
  id: string;
  name: string;
  source: string;
  level: string;
  rules: unknown;
  updatedAt: string;
}

type RuleSetRow = typeof ruleSets.$inferSelect;

function toStoredRuleSet(row: RuleSetRow): StoredRuleSet {
  let rules: unknown;
  try {
    rules = JSON.parse(row.rulesJson);
  } catch {
    rules = []; // unreadable: the shared schema then refuses the set, and it is not offered
  }
  return { id: row.id, name: row.name, source: row.source, level: row.level, rules, updatedAt: row.updatedAt };
}

export function listRuleSetRows(db: Executor): StoredRuleSet[] {
  return db.select().from(ruleSets).where(isNull(ruleSets.deletedAt)).orderBy(ruleSets.name).all().map(toStoredRuleSet);
}

export function getRuleSetRow(db: Executor, id: string): StoredRuleSet | undefined {
  const row = db
    .select()
    .from(ruleSets)
    .where(and(eq(ruleSets.id, id), isNull(ruleSets.deletedAt)))
    .get();
  return row ? toStoredRuleSet(row) : undefined;
}

/** Inserts or replaces an agency rule set (already validated by the caller). */
export function saveRuleSetRow(db: Executor, ctx: ChangeContext, input: Omit<StoredRuleSet, 'updatedAt'>): StoredRuleSet {
  return db.transaction((tx) => {
    const now = ctx.now().toISOString();
    const existing = tx.select().from(ruleSets).where(eq(ruleSets.id, input.id)).get();
    const fields = { name: input.name, source: input.source, level: input.level, rules: input.rules };
    if (!existing) {
      const row = tx
        .insert(ruleSets)
        .values({ id: input.id, version: 0, createdAt: now, updatedAt: now, name: input.name, source: input.source, level: input.level, rulesJson: JSON.stringify(input.rules) })
        .returning()
        .get();
      recordChange(tx, ctx, { entity: RULE_SET_ENTITY, rowId: input.id, action: 'create', baseVersion: 0, before: {}, after: fields, summary: `新建规则集「${input.name}」` });
      return toStoredRuleSet(row);
    }
    const before = toStoredRuleSet(existing);
    const auditId = recordChange(tx, ctx, {
      entity: RULE_SET_ENTITY,
      rowId: input.id,
      action: existing.deletedAt ? 'restore' : 'update',
      baseVersion: existing.version,
      before: { name: before.name, source: before.source, level: before.level, rules: before.rules, ...(existing.deletedAt ? { deletedAt: existing.deletedAt } : {}) },
      after: { ...fields, ...(existing.deletedAt ? { deletedAt: null } : {}) },
      summary: `修改规则集「${input.name}」`,
    });
    if (auditId === null) return before;
    const row = tx
      .update(ruleSets)
      .set({ name: input.name, source: input.source, level: input.level, rulesJson: JSON.stringify(input.rules), updatedAt: now, deletedAt: null })
      .where(eq(ruleSets.id, input.id))
      .returning()
      .get();
    return toStoredRuleSet(row);
  });
}

export function deleteRuleSetRow(db: Executor, ctx: ChangeContext, id: string): void {
  db.transaction((tx) => {
    const existing = getRuleSetRow(tx, id);
    if (!existing) throw new RowNotFound(RULE_SET_ENTITY, id);
    const now = ctx.now().toISOString();
    tx.update(ruleSets).set({ deletedAt: now, updatedAt: now }).where(eq(ruleSets.id, id)).run();
    recordChange(tx, ctx, {
      entity: RULE_SET_ENTITY,
      rowId: id,
      action: 'delete',
      baseVersion: 0,
      before: { deletedAt: null },
      after: { deletedAt: now },
      summary: `删除规则集「${existing.name}」`,
    });
  });
}
