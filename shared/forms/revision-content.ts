// What two revisions of any document differ in (§5.2.4 d: both sides agree to exactly what changed), for the
// side-by-side view: every field of the sections as printed, line by line, and every list item field by field,
// paired with its earlier self by the item it came from (`origin`, set when a revision is made). The comparison
// itself is shared/plan-terms/revision-diff.ts (the `diff` package).
import type { DocumentDefinition } from './document-definition.js';
import type { PrintContext } from './print-cells.js';
import { printField, printValue } from './print-cells.js';
import { rowFieldKeys } from './layout.js';
import { diffKeyedItems, diffPlanRevisions, type ItemDiff, type KeyedItem, type RevisionSection, type SectionDiff } from '../plan-terms/revision-diff.js';

export interface DocumentRevisionDiff {
  sections: SectionDiff[];
  lists: { key: string; label: string; items: ItemDiff[] }[];
  identical: boolean;
}

/** The printed text of every field of the sections, titled 「一、孵化器基本情况 · （一）建设概况」. */
export function revisionSections(ctx: PrintContext): RevisionSection[] {
  const def: DocumentDefinition = ctx.def;
  return def.sections.flatMap((s) =>
    s.rows.flatMap(rowFieldKeys).map((key) => {
      const label = def.fields.find((f) => f.key === key)?.label ?? key;
      return { key, title: label === s.title ? label : `${s.title} · ${label}`, text: printValue(ctx, { source: 'values', key }) };
    }),
  );
}

/** A list's items as keyed items: each field's printed text by its label. */
export function revisionItems(ctx: PrintContext, listKey: string): KeyedItem[] {
  const list = ctx.def.lists.find((l) => l.key === listKey);
  if (!list) return [];
  return (ctx.check.lists[listKey] ?? []).map((item) => {
    const origin = item.normalized.origin;
    return {
      key: typeof origin === 'string' && origin !== '' ? origin : item.id,
      fields: Object.fromEntries(list.fields.filter((f) => !f.hidden).map((f) => [f.label, printField(f, item.normalized[f.key], item.invalid.has(f.key))])),
    };
  });
}

export function diffDocumentRevisions(before: PrintContext, after: PrintContext): DocumentRevisionDiff {
  const { sections } = diffPlanRevisions({ sections: revisionSections(before), tasks: [], budget: [] }, { sections: revisionSections(after), tasks: [], budget: [] });
  const lists = after.def.lists.map((l) => ({ key: l.key, label: l.label, items: diffKeyedItems(revisionItems(before, l.key), revisionItems(after, l.key)) }));
  const identical = sections.every((s) => s.status === 'same') && lists.every((l) => l.items.every((i) => i.status === 'same' && !i.moved));
  return { sections, lists, identical };
}
