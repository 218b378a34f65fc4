// Turns a document definition's layout rows into printable cells: the one reading of the definition that the
// Word table uses (and a later Appendix D layout can reuse). Pure; no docx here.
import type { DocumentDefinition, LayoutRow, ValueRef } from '../../shared/forms/document-definition.js';
import { findComputed, findField, findHeaderField, labelOf } from '../../shared/forms/document-definition.js';
import type { DocumentCheck, HeaderValues } from '../../shared/forms/document-values.js';
import { isFieldEnabled } from '../../shared/forms/document-values.js';
import { formatGrouped, formatPercent, formatStoredValue, formatYesNoBoxes } from '../../shared/forms/format-values.js';

export interface PrintContext {
  def: DocumentDefinition;
  header: HeaderValues;
  check: Pick<DocumentCheck, 'normalized' | 'computed'>;
}

const BLANK = '____';

/** The printed text of one referenced value. */
export function printValue(ctx: PrintContext, r: ValueRef): string {
  if (r.source === 'header') {
    const f = findHeaderField(ctx.def, r.key);
    return f ? formatStoredValue(f, ctx.header[r.key] ?? null) : '';
  }
  if (r.source === 'computed') {
    const c = findComputed(ctx.def, r.key);
    const v = ctx.check.computed[r.key] ?? null;
    if (!c) return '';
    return c.format === 'percent' ? formatPercent(v) : formatGrouped(v, c.decimals ?? 2);
  }
  const f = findField(ctx.def, r.key);
  if (!f) return '';
  if (!isFieldEnabled(f, ctx.check.normalized, ctx.header)) return formatStoredValue(f, null);
  return formatStoredValue(f, ctx.check.normalized[r.key] ?? null);
}

/** The label as printed in the table. */
export function printLabel(ctx: PrintContext, r: ValueRef): string {
  if (r.source === 'values') return findField(ctx.def, r.key)?.printedLabel ?? labelOf(ctx.def, r);
  return labelOf(ctx.def, r);
}

function percentNumber(v: number | null | undefined): string {
  const p = formatPercent(v ?? null);
  return p ? p.slice(0, -1) : BLANK;
}

/** The text of the single value cell of the composite rows (choice-of-two, sentence, yes/no with detail). */
export function compositeLines(ctx: PrintContext, row: LayoutRow): string[] {
  switch (row.kind) {
    case 'choice-of-two': {
      const chosen = ctx.check.normalized[row.choiceKey] ?? null;
      const choiceField = findField(ctx.def, row.choiceKey);
      return row.options.map((o, i) => {
        const optionText = choiceField?.options?.[i] ?? findField(ctx.def, o.field)?.label ?? o.field;
        const isChosen = chosen === optionText;
        const count = isChosen ? printValue(ctx, { source: 'values', key: o.field }) : '';
        const share = isChosen ? percentNumber(ctx.check.computed[o.computed]) : BLANK;
        return `${isChosen ? '☑' : '□'}${optionText}：${count || BLANK}${o.unit}，${o.shareLabel}${share}%。`;
      });
    }
    case 'sentence': {
      const count = printValue(ctx, { source: 'values', key: row.field });
      return [`${row.countText}${count || BLANK}${row.unit}，${row.shareText}${percentNumber(ctx.check.computed[row.computed])}%。`];
    }
    case 'yesno-detail': {
      const yes = ctx.check.normalized[row.key] ?? null;
      const detailField = findField(ctx.def, row.detailKey);
      const detail = yes === true ? String(ctx.check.normalized[row.detailKey] ?? '') : '';
      const shown = detail.trim() ? detail : (detailField?.hint ?? '');
      return [`${formatYesNoBoxes(yes)}  如选是，${detailField?.label ?? ''}：${shown}`];
    }
    case 'text':
      return String(ctx.check.normalized[row.key] ?? '').split(/\r\n?|\n/);
    default:
      return [];
  }
}

/** The label of a composite or text row. */
export function rowLabel(ctx: PrintContext, row: LayoutRow): string {
  switch (row.kind) {
    case 'choice-of-two':
    case 'sentence':
      return row.label;
    case 'yesno-detail':
    case 'text':
      return findField(ctx.def, row.key)?.label ?? row.key;
    default:
      return '';
  }
}
