// The list items of any document (db/schema/document-items.ts): read in order, and saved as a whole list — new
// items inserted, gone ones tombstoned, moved ones re-keyed — each change with its outbox ops (`values.<key>` per
// field, `orderKey`) and an audit entry. Generic over the document's sync entity; the document repository calls it.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DocumentItem, DocumentLists } from '../../shared/forms/document-data.js';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import type { Executor } from '../database.js';
import { type ChangeContext, recordChange } from '../change-recorder.js';
import { documentItems } from '../schema/index.js';
import { assignOrderKeys } from './order-keys.js';

/** Outbox entity of list items. */
export const ITEM_ENTITY = 'document_items';
type Values = Record<string, FieldValue>;

/** An item's stored values map (a damaged one reads as empty). */
export function parseItemValues(json: string): Values {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Values) : {};
  } catch {
    return {};
  }
}

/** Values as wire fields: `values.<key>`. */
export const wireValues = (values: Values) => Object.fromEntries(Object.entries(values).map(([k, v]) => [`values.${k}`, v]));

/** The live items of documents, per document id, per list key, in order. */
export function readItems(db: Executor, entity: string, documentIds: readonly string[]): Map<string, DocumentLists> {
  const out = new Map<string, DocumentLists>();
  if (documentIds.length === 0) return out;
  const rows = db
    .select()
    .from(documentItems)
    .where(and(eq(documentItems.documentEntity, entity), inArray(documentItems.documentId, [...documentIds]), isNull(documentItems.deletedAt)))
    .orderBy(asc(documentItems.listKey), asc(documentItems.orderKey), asc(documentItems.id))
    .all();
  for (const r of rows) {
    const lists = out.get(r.documentId) ?? {};
    (lists[r.listKey] ??= []).push({ id: r.id, values: parseItemValues(r.valuesJson) });
    out.set(r.documentId, lists);
  }
  return out;
}

/**
 * Makes one list of a document hold exactly `items`, in that order. `label` names an item in the audit log
 * (「「北海…」的技术服务合同中「提供资料」的一项」); `newDocument`: the items come with the document's creation, whose
 * own 「新建…」 entry says so — no entry per item.
 */
export function saveListItems(
  db: Executor,
  ctx: ChangeContext,
  target: { entity: string; documentId: string; listKey: string; newDocument?: boolean },
  items: readonly DocumentItem[],
  label: string,
): void {
  const { entity, documentId, listKey } = target;
  const now = ctx.now().toISOString();
  const existing = new Map(
    db
      .select()
      .from(documentItems)
      .where(and(eq(documentItems.documentEntity, entity), eq(documentItems.documentId, documentId), eq(documentItems.listKey, listKey), isNull(documentItems.deletedAt)))
      .all()
      .map((r) => [r.id, r]),
  );
  const keys = assignOrderKeys(items.map((i) => existing.get(i.id)?.orderKey ?? null));
  items.forEach((item, index) => {
    const orderKey = keys[index]!;
    const old = existing.get(item.id);
    if (!old) {
      db.insert(documentItems)
        .values({ id: item.id, version: 0, createdAt: now, updatedAt: now, documentEntity: entity, documentId, listKey, orderKey, valuesJson: JSON.stringify(item.values) })
        .run();
      recordChange(db, ctx, {
        entity: ITEM_ENTITY,
        rowId: item.id,
        action: 'create',
        baseVersion: 0,
        before: {},
        after: { documentEntity: entity, documentId, listKey, orderKey, ...wireValues(item.values) },
        summary: `添加${label}`,
        withoutAuditEntry: target.newDocument === true,
      });
      return;
    }
    existing.delete(item.id);
    const before = parseItemValues(old.valuesJson);
    const merged = { ...before, ...item.values };
    const changed = recordChange(db, ctx, {
      entity: ITEM_ENTITY,
      rowId: item.id,
      action: 'update',
      baseVersion: old.version,
      before: { orderKey: old.orderKey, ...wireValues(before) },
      after: { orderKey, ...wireValues(merged) },
      summary: `修改${label}`,
    });
    if (changed !== null) db.update(documentItems).set({ orderKey, valuesJson: JSON.stringify(merged), updatedAt: now }).where(eq(documentItems.id, item.id)).run();
  });
  for (const gone of existing.values()) {
    db.update(documentItems).set({ deletedAt: now, updatedAt: now }).where(eq(documentItems.id, gone.id)).run();
    recordChange(db, ctx, { entity: ITEM_ENTITY, rowId: gone.id, action: 'delete', baseVersion: gone.version, before: { deletedAt: null }, after: { deletedAt: now }, summary: `删除${label}` });
  }
}
