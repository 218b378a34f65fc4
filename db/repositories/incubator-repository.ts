import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, gte, isNull, like, ne, or, sql } from 'drizzle-orm';
import type { IncubatorRecord, IncubatorValues } from '../../shared/domain/incubator.js';
import type { IncubatorSummary } from '../../shared/contract/incubator-contract.js';
import type { Executor } from '../database.js';
import { type ChangeContext, recordChange } from '../change-recorder.js';
import { incubators } from '../schema/index.js';
import { RowNotFound } from '../errors.js';

const ENTITY = 'incubators';
const PINYIN_ORDER = new Intl.Collator('zh-CN-u-co-pinyin');
type Row = typeof incubators.$inferSelect;

function toValues(row: Row): IncubatorValues {
  return {
    name: row.name,
    operator: row.operator,
    creditCode: row.creditCode,
    registeredOn: row.registeredOn,
    operatingSince: row.operatingSince,
    legalRep: row.legalRep,
    registeredCapital: row.registeredCapital,
    registeredAddress: row.registeredAddress,
    orgNature: row.orgNature,
    incubatorType: row.incubatorType,
    industry: row.industry,
    reportedTorchStats: row.reportedTorchStats,
    contactName: row.contactName,
    contactMobile: row.contactMobile,
  };
}

function toRecord(row: Row): IncubatorRecord {
  return { ...toValues(row), id: row.id, version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

const summaryColumns = {
  id: incubators.id,
  name: incubators.name,
  operator: incubators.operator,
  creditCode: incubators.creditCode,
  incubatorType: incubators.incubatorType,
  industry: incubators.industry,
  contactName: incubators.contactName,
  contactMobile: incubators.contactMobile,
  updatedAt: incubators.updatedAt,
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function listIncubators(db: Executor, query: string): IncubatorSummary[] {
  const live = isNull(incubators.deletedAt);
  const q = query.trim().toLowerCase();
  const where = q
    ? and(live, sql`${incubators.searchText} like ${`%${escapeLike(q)}%`} escape '\\'`)
    : live;
  const rows = db.select(summaryColumns).from(incubators).where(where).all();
  // Chinese users expect names in pinyin order (北海, 桂林, 柳州, 南宁 …), which SQLite's binary order is not.
  return rows.sort((a, b) => PINYIN_ORDER.compare(a.name, b.name));
}

export function getIncubatorRow(db: Executor, id: string, includeDeleted = false): Row | undefined {
  const byId = eq(incubators.id, id);
  return db
    .select()
    .from(incubators)
    .where(includeDeleted ? byId : and(byId, isNull(incubators.deletedAt)))
    .get();
}

export function getIncubator(db: Executor, id: string): IncubatorRecord | undefined {
  const row = getIncubatorRow(db, id);
  return row ? toRecord(row) : undefined;
}

export function countIncubators(db: Executor): number {
  return db.select({ n: count() }).from(incubators).where(isNull(incubators.deletedAt)).get()?.n ?? 0;
}

export function findIncubatorByName(db: Executor, name: string): IncubatorRecord | undefined {
  const row = db
    .select()
    .from(incubators)
    .where(and(isNull(incubators.deletedAt), or(eq(incubators.name, name), like(incubators.name, name))))
    .orderBy(desc(incubators.updatedAt))
    .get();
  return row ? toRecord(row) : undefined;
}

/** What identifies an incubator to a person: its name and its 统一社会信用代码. */
export interface IncubatorIdentity {
  id: string;
  name: string;
  creditCode: string;
  /** Set when the incubator is in the bin (deleted, still restorable). */
  deletedAt: string | null;
}

function inRegister(options: { binSince: string; exceptId?: string }) {
  const live = or(isNull(incubators.deletedAt), gte(incubators.deletedAt, options.binSince));
  return options.exceptId ? and(live, ne(incubators.id, options.exceptId)) : live;
}

const identityColumns = { id: incubators.id, name: incubators.name, creditCode: incubators.creditCode, deletedAt: incubators.deletedAt };

/**
 * The incubator "in the register" with this 信用代码: live, or deleted at or after `binSince` (still restorable,
 * so its code is still taken); never `exceptId`.
 */
export function findIncubatorWithCode(db: Executor, code: string, options: { binSince: string; exceptId?: string }): IncubatorIdentity | undefined {
  return db.select(identityColumns).from(incubators).where(and(eq(incubators.creditCode, code), inRegister(options))).get();
}

/** Every incubator in the register (as above), for comparing names. */
export function listIncubatorIdentities(db: Executor, options: { binSince: string; exceptId?: string }): IncubatorIdentity[] {
  return db.select(identityColumns).from(incubators).where(inRegister(options)).all();
}

/** Inserts or updates one incubator with its outbox ops and audit entry, in one transaction. */
export function saveIncubator(
  db: Executor,
  ctx: ChangeContext,
  input: { id?: string; values: IncubatorValues; searchText: string },
): IncubatorRecord {
  return db.transaction((tx) => {
    const now = ctx.now().toISOString();
    const existing = input.id ? getIncubatorRow(tx, input.id) : undefined;
    if (input.id && !existing) throw new RowNotFound(ENTITY, input.id);
    if (!existing) {
      const id = input.id ?? randomUUID();
      const row = tx
        .insert(incubators)
        .values({ ...input.values, id, version: 0, createdAt: now, updatedAt: now, searchText: input.searchText })
        .returning()
        .get();
      recordChange(tx, ctx, {
        entity: ENTITY,
        rowId: id,
        action: 'create',
        baseVersion: 0,
        before: {},
        after: { ...input.values },
        summary: `新建孵化器「${input.values.name}」`,
      });
      return toRecord(row);
    }
    const before = toValues(existing);
    const auditId = recordChange(tx, ctx, {
      entity: ENTITY,
      rowId: existing.id,
      action: 'update',
      baseVersion: existing.version,
      before: { ...before },
      after: { ...input.values },
      summary: `修改孵化器「${input.values.name}」`,
    });
    if (auditId === null) return toRecord(existing);
    const row = tx
      .update(incubators)
      .set({ ...input.values, updatedAt: now, searchText: input.searchText })
      .where(eq(incubators.id, existing.id))
      .returning()
      .get();
    return toRecord(row);
  });
}

/** Tombstones an incubator. Returns the audit id the delete can be undone with. */
export function deleteIncubator(db: Executor, ctx: ChangeContext, id: string): number {
  return db.transaction((tx) => {
    const existing = getIncubatorRow(tx, id);
    if (!existing) throw new RowNotFound(ENTITY, id);
    const now = ctx.now().toISOString();
    tx.update(incubators).set({ deletedAt: now, updatedAt: now }).where(eq(incubators.id, id)).run();
    const auditId = recordChange(tx, ctx, {
      entity: ENTITY,
      rowId: id,
      action: 'delete',
      baseVersion: existing.version,
      before: { deletedAt: null },
      after: { deletedAt: now },
      summary: `删除孵化器「${existing.name}」`,
    });
    return auditId ?? 0;
  });
}

export function restoreIncubator(db: Executor, ctx: ChangeContext, id: string): void {
  db.transaction((tx) => {
    const existing = getIncubatorRow(tx, id, true);
    if (!existing) throw new RowNotFound(ENTITY, id);
    if (existing.deletedAt === null) return;
    const now = ctx.now().toISOString();
    tx.update(incubators).set({ deletedAt: null, updatedAt: now }).where(eq(incubators.id, id)).run();
    recordChange(tx, ctx, {
      entity: ENTITY,
      rowId: id,
      action: 'restore',
      baseVersion: existing.version,
      before: { deletedAt: existing.deletedAt },
      after: { deletedAt: null },
      summary: `恢复孵化器「${existing.name}」`,
    });
  });
}
