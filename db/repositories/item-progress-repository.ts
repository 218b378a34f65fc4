// The implementation record of list items (db/schema/document-item-progress.ts): read per item — through the
// items it was revised from, so a task keeps its progress in the plan's next revision — and saved field by field
// with its outbox ops and audit entry in one transaction. Never touches the document or its items.
import { eq, inArray, or, sql } from 'drizzle-orm';
import type { DocumentItem } from '../../shared/forms/document-data.js';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import type { Executor } from '../database.js';
import { type ChangeContext, recordChange } from '../change-recorder.js';
import { documentItemProgress, documentItems } from '../schema/index.js';
import { parseItemValues as parseValues, wireValues as wire } from './document-items-repository.js';

export const PROGRESS_ENTITY = 'document_item_progress';
/** The hidden item field naming the first item a revised item comes from (document-signing-service's ORIGIN_FIELD). */
const ORIGIN_KEY = 'origin';

type Values = Record<string, FieldValue>;

const originOf = (values: Values) => (typeof values[ORIGIN_KEY] === 'string' && values[ORIGIN_KEY] !== '' ? (values[ORIGIN_KEY] as string) : null);

/**
 * Each item's progress values (`keys` only), by item id. A revised item carries the id of the first item it comes
 * from (`origin`): what was recorded for every item of that line up to this one (in the order they were made, so
 * revision by revision) is merged field by field, then its own. Plans saved before the progress store held these
 * keys in the item itself: they are the starting point of each link.
 */
export function readItemProgress(db: Executor, items: readonly DocumentItem[], keys: readonly string[]): Map<string, Values> {
  const out = new Map<string, Values>();
  if (items.length === 0) return out;
  const pick = (v: Values) => Object.fromEntries(keys.filter((k) => Object.hasOwn(v, k)).map((k) => [k, v[k]!]));
  const rootOf = (id: string, values: Values) => originOf(values) ?? id;
  const roots = [...new Set(items.map((i) => rootOf(i.id, i.values)))];
  const family = db
    .select({ id: documentItems.id, createdAt: documentItems.createdAt, valuesJson: documentItems.valuesJson })
    .from(documentItems)
    .where(or(inArray(documentItems.id, roots), inArray(sql`json_extract(${documentItems.valuesJson}, '$.${sql.raw(ORIGIN_KEY)}')`, roots)))
    .all()
    .map((r) => ({ ...r, values: parseValues(r.valuesJson) }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const recorded = new Map(
    db
      .select()
      .from(documentItemProgress)
      .where(inArray(documentItemProgress.id, family.map((f) => f.id)))
      .all()
      .filter((r) => r.deletedAt === null)
      .map((r) => [r.id, parseValues(r.valuesJson)]),
  );
  for (const item of items) {
    const root = rootOf(item.id, item.values);
    const own = family.find((f) => f.id === item.id);
    const merged: Values = {};
    for (const link of family) {
      if (rootOf(link.id, link.values) !== root || (own && link.createdAt > own.createdAt)) continue;
      Object.assign(merged, pick(link.values), pick(recorded.get(link.id) ?? {}));
    }
    out.set(item.id, merged);
  }
  return out;
}

export interface ProgressTarget {
  entity: string;
  documentId: string;
  listKey: string;
  itemId: string;
}

/** Stores the changed progress fields of one item (its row's id is the item's); returns false when nothing changed. */
export function saveItemProgress(db: Executor, ctx: ChangeContext, target: ProgressTarget, values: Values, summary: string): boolean {
  return db.transaction((tx) => {
    const now = ctx.now().toISOString();
    const existing = tx.select().from(documentItemProgress).where(eq(documentItemProgress.id, target.itemId)).get();
    if (!existing) {
      const row = { documentEntity: target.entity, documentId: target.documentId, listKey: target.listKey };
      tx.insert(documentItemProgress).values({ id: target.itemId, version: 0, createdAt: now, updatedAt: now, ...row, valuesJson: JSON.stringify(values) }).run();
      recordChange(tx, ctx, { entity: PROGRESS_ENTITY, rowId: target.itemId, action: 'create', baseVersion: 0, before: {}, after: { ...row, ...wire(values) }, summary });
      return true;
    }
    const before = parseValues(existing.valuesJson);
    const merged = { ...before, ...values };
    const changed = recordChange(tx, ctx, { entity: PROGRESS_ENTITY, rowId: target.itemId, action: 'update', baseVersion: existing.version, before: wire(before), after: wire(merged), summary });
    if (changed === null) return false;
    tx.update(documentItemProgress).set({ valuesJson: JSON.stringify(merged), updatedAt: now, deletedAt: null }).where(eq(documentItemProgress.id, target.itemId)).run();
    return true;
  });
}
