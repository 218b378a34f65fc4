// The agency's own recognition rule sets (copies of the built-in ones, edited, or loaded from a file).
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { type ChangeContext, recordChange } from '../change-recorder.js';
import { ruleSets } from '../schema/index.js';
import { RowNotFound } from '../errors.js';

const RULE_SET_ENTITY = 'rule_sets';

export interface StoredRuleSet {
  id: string;
  name: string;
  source: string;
  level: string;
  rules: unknown;
  /** The built-in set and version this copy was made from. */
  basedOn: { id: string; version: number } | null;
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
  const basedOn = row.basedOnId && row.basedOnVersion ? { id: row.basedOnId, version: row.basedOnVersion } : null;
  return { id: row.id, name: row.name, source: row.source, level: row.level, rules, basedOn, updatedAt: row.updatedAt };
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
    const basedOn = { basedOnId: input.basedOn?.id ?? null, basedOnVersion: input.basedOn?.version ?? null };
    const fields = { name: input.name, source: input.source, level: input.level, rules: input.rules, ...basedOn };
    if (!existing) {
      const row = tx
        .insert(ruleSets)
        .values({ id: input.id, version: 0, createdAt: now, updatedAt: now, name: input.name, source: input.source, level: input.level, rulesJson: JSON.stringify(input.rules), ...basedOn })
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
      before: {
        name: before.name,
        source: before.source,
        level: before.level,
        rules: before.rules,
        basedOnId: existing.basedOnId,
        basedOnVersion: existing.basedOnVersion,
        ...(existing.deletedAt ? { deletedAt: existing.deletedAt } : {}),
      },
      after: { ...fields, ...(existing.deletedAt ? { deletedAt: null } : {}) },
      summary: `修改规则集「${input.name}」`,
    });
    if (auditId === null) return before;
    const row = tx
      .update(ruleSets)
      .set({ name: input.name, source: input.source, level: input.level, rulesJson: JSON.stringify(input.rules), ...basedOn, updatedAt: now, deletedAt: null })
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
