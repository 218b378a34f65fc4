// Progress on a signed document (ListDefinition.progress, docs/documents.md §Progress on a signed document): the
// plan's tasks are carried out after both sides signed (§5.2.5), so their status, notes and date done are recorded
// on the signed plan, in a store its signature and the signed-row guard do not cover. Only the plan in effect
// takes them: a plan superseded by a signed revision is history.
import type { DocumentRecord } from '../../shared/domain/document-record.js';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import { checkItemProgress } from '../../shared/forms/item-progress.js';
import { itemNumber } from '../../shared/forms/print-cells.js';
import { definitionOf } from '../../shared/forms/registry.js';
import { AppError } from '../../shared/rpc/result.js';
import type { Executor } from '../../db/database.js';
import type { ChangeContext } from '../../db/change-recorder.js';
import { entityOf, supersedingRevisionOf } from '../../db/repositories/document-repository.js';
import { readItemProgress, saveItemProgress } from '../../db/repositories/item-progress-repository.js';
import { signedStateOf } from './document-signing-service.js';
import { requireIncubator } from './document-model-service.js';

type Values = Record<string, FieldValue>;

/** Every item's progress of a document's lists that track it, by item id. */
export function progressOfDocument(db: Executor, record: DocumentRecord): Record<string, Values> {
  const out: Record<string, Values> = {};
  for (const list of definitionOf(record.kind).lists) {
    if (!list.progress) continue;
    const read = readItemProgress(db, record.lists[list.key] ?? [], list.progress.fields.map((f) => f.key));
    for (const [id, values] of read) out[id] = values;
  }
  return out;
}

/** Progress is recorded on a signed document that no signed revision has replaced. */
export function progressOpen(db: Executor, record: DocumentRecord): boolean {
  if (!definitionOf(record.kind).lists.some((l) => l.progress) || !signedStateOf(db, record.kind, record.id)) return false;
  const next = supersedingRevisionOf(db, record.kind, record.id);
  return !next || !signedStateOf(db, record.kind, next.id);
}

export function saveProgress(
  db: Executor,
  ctx: ChangeContext,
  record: DocumentRecord,
  input: { listKey: string; itemId: string; values: Values; today: string },
): Record<string, Values> {
  const def = definitionOf(record.kind);
  const list = def.lists.find((l) => l.key === input.listKey);
  if (!list?.progress) throw new AppError('validation', `${def.shortName}的「${list?.label ?? input.listKey}」不记录实施进度。`);
  const items = record.lists[list.key] ?? [];
  const index = items.findIndex((i) => i.id === input.itemId);
  if (index < 0) throw new AppError('not-found', `找不到该${list.itemLabel}，可能已在其他设备上修订。请刷新后再试。`);
  if (!progressOpen(db, record)) {
    throw new AppError(
      'conflict',
      signedStateOf(db, record.kind, record.id)
        ? `该${def.shortName}已由新的签署版本取代，请在最新版本中记录实施进度。`
        : `${def.shortName}签署生效后才能记录实施进度。`,
    );
  }
  const keys = new Set(list.progress.fields.map((f) => f.key));
  const given = Object.fromEntries(Object.entries(input.values).filter(([k]) => keys.has(k)));
  const current = readItemProgress(db, [items[index]!], [...keys]).get(input.itemId) ?? {};
  const check = checkItemProgress(list.progress, { ...current, ...given }, input.today);
  const errors = check.issues.filter((i) => i.severity === 'error' && Object.hasOwn(given, i.field));
  if (errors.length > 0) throw new AppError('validation', errors[0]!.message, { field: errors[0]!.field, issues: errors });
  const changed = Object.fromEntries(Object.keys(given).map((k) => [k, check.normalized[k] ?? null]));
  const incubator = requireIncubator(db, record.incubatorId);
  const number = itemNumber(list, index);
  saveItemProgress(
    db,
    ctx,
    { entity: entityOf(record.kind), documentId: record.id, listKey: list.key, itemId: input.itemId },
    changed,
    `记录「${incubator.name}」的${def.shortName}「${number}」的${list.progress.title}`,
  );
  return progressOfDocument(db, record);
}
