// How a definition's rows read on paper: the one reading that the Word table, the Excel sheet and the read-only
// page of the editor all use, so a completed document looks the same everywhere. Pure; no docx, no DOM.
import { assertNever, type FieldDefinition, type FieldValue } from './field-definition.js';
import type { DocumentDefinition, ListDefinition, SignatureLine } from './document-definition.js';
import { findComputed, findField } from './document-definition.js';
import type { DocumentCheck, HeaderValues } from './document-check.js';
import type { CheckedItem } from './document-data.js';
import type { FieldValues } from './field-engine.js';
import { isFieldEnabled } from './field-engine.js';
import { type BlankShow, clauseParts, type LayoutRow, type ValueRef } from './layout.js';
import { isValidFen, toChineseCapital } from '../money/index.js';
import { formatGrouped, formatMoney, formatPercent, formatStoredValue, formatYesNoBoxes } from './format-values.js';
import { snapshotField, snapshotOf } from './snapshot-fields.js';
import { formatChineseDate } from '../validation/dates.js';

export interface PrintContext {
  def: DocumentDefinition;
  /** The incubator's header as the document prints it (its snapshot once completed). */
  header: HeaderValues;
  /** The agency profile as the document prints it. */
  agency: FieldValues;
  check: Pick<DocumentCheck, 'normalized' | 'computed' | 'invalid' | 'lists' | 'listTotals'>;
}

/** A blank on paper, to be filled in by hand. */
export const BLANK = '____';
/** Marks a value kept as typed that failed its check: printed, never as if it were valid. */
export const INVALID_MARK = '（数据有误）';

/** A field's value as printed; an invalid value keeps its text and says so. */
export function printField(f: FieldDefinition, value: FieldValue | undefined, invalid: boolean): string {
  if (!invalid) return formatStoredValue(f, value ?? null);
  // As typed: 2.5 mentors prints 「2.5（数据有误）」, never rounded into 「3」.
  const text = typeof value === 'number' ? String(value) : formatStoredValue(f, value ?? null);
  return text !== '' ? `${text}${INVALID_MARK}` : text;
}

function computedText(ctx: PrintContext, key: string): string {
  const c = findComputed(ctx.def, key);
  if (!c) return '';
  const v = ctx.check.computed[key] ?? null;
  return c.format === 'percent' ? formatPercent(v) : formatGrouped(v, c.decimals ?? 2);
}

/** The printed text of one referenced value. */
export function printValue(ctx: PrintContext, r: ValueRef): string {
  const snapshot = snapshotOf(r.source);
  if (snapshot) {
    const f = snapshotField(snapshot, r.key);
    const values = snapshot === 'incubator' ? ctx.header : ctx.agency;
    return f ? formatStoredValue(f, values[r.key] ?? null) : '';
  }
  if (r.source === 'computed') return computedText(ctx, r.key);
  const f = findField(ctx.def, r.key);
  if (!f) return '';
  if (!isFieldEnabled(f, ctx.check.normalized, ctx.header)) return formatStoredValue(f, null);
  return printField(f, ctx.check.normalized[r.key], ctx.check.invalid.has(r.key));
}

/** The label of any referenced value. */
export function labelOf(def: DocumentDefinition, r: ValueRef): string {
  const snapshot = snapshotOf(r.source);
  if (snapshot) return snapshotField(snapshot, r.key)?.label ?? r.key;
  if (r.source === 'computed') return findComputed(def, r.key)?.label ?? r.key;
  return findField(def, r.key)?.label ?? r.key;
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

/** The text of the single value cell of the composite rows (choice-of-two, sentence, yes/no with detail, text). */
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
    case 'pair':
    case 'of-which':
    case 'heading':
    case 'list':
    case 'clause':
    case 'image':
    case 'compare':
      return [];
    default:
      return assertNever(row);
  }
}

/** The two printed cells of a compare row: 「培育前」 and 「培育后」, each with its detail when it says 是. */
export function compareCells(ctx: PrintContext, row: Extract<LayoutRow, { kind: 'compare' }>): [string, string] {
  const cell = (r: ValueRef, detailKey: string | undefined): string => {
    const text = printValue(ctx, r);
    if (!row.detail || detailKey === undefined) return text;
    const detail = ctx.check.normalized[r.key] === true ? String(ctx.check.normalized[detailKey] ?? '').trim() : '';
    return `${text}  如是，${row.detail.label}：${detail || BLANK}`;
  };
  return [cell(row.before, row.detail?.before), cell(row.after, row.detail?.after)];
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
    case 'clause':
      return row.label ?? '';
    case 'list':
      return ctx.def.lists.find((l) => l.key === row.list)?.label ?? row.list;
    case 'image':
      return row.caption;
    case 'heading':
      return row.text;
    case 'compare':
      return row.label;
    case 'pair':
    case 'of-which':
      return '';
    default:
      return assertNever(row);
  }
}

export interface ClauseSegment {
  text: string;
  /** A blank: its field and printed value ('' when empty: a line to fill in by hand). */
  blank?: { key: string; value: string };
}

/** 人民币大写 of a valid money value, '' otherwise (an invalid amount prints no words that could be read as valid). */
export function capitalText(f: FieldDefinition | undefined, value: FieldValue | undefined, invalid: boolean): string {
  if (f?.type !== 'money' || invalid || typeof value !== 'number' || !isValidFen(value)) return '';
  return toChineseCapital(value);
}

/** Cuts a clause-syntax text at its blanks, each printed by `print` (the field, and how the blank shows it). */
function segmentsOf(text: string, print: (key: string, show: BlankShow) => string): ClauseSegment[] {
  return clauseParts(text).map((p) => (p.blank ? { text: p.text, blank: { key: p.blank, value: print(p.blank, p.show ?? 'field') } } : { text: p.text }));
}

/** A clause's text cut at its blanks, each blank with its printed value. */
export function clauseSegments(ctx: PrintContext, text: string): ClauseSegment[] {
  return segmentsOf(text, (key, show) =>
    show === 'capital' ? capitalText(findField(ctx.def, key), ctx.check.normalized[key], ctx.check.invalid.has(key)) : printValue(ctx, { source: 'values', key }),
  );
}

/** Segments as one line of text, an empty blank printed as underscores. */
export function segmentsLine(segments: readonly ClauseSegment[]): string {
  return segments.map((s) => s.text + (s.blank ? s.blank.value || BLANK : '')).join('');
}

/** A clause as one line of text, an empty blank printed as underscores. */
export function clauseLine(ctx: PrintContext, text: string): string {
  return segmentsLine(clauseSegments(ctx, text));
}

/** One list item as running text: the list's `itemText` over the item's fields, or its values joined by 「，」. */
export function itemSegments(ctx: PrintContext, list: ListDefinition, item: CheckedItem): ClauseSegment[] {
  if (!list.itemText) return [{ text: itemCells(ctx, list, item).filter(Boolean).join('，') }];
  return segmentsOf(list.itemText, (key, show) => {
    const f = list.fields.find((x) => x.key === key);
    if (!f) return '';
    const invalid = item.invalid.has(key);
    return show === 'capital' ? capitalText(f, item.normalized[key], invalid) : printField(f, item.normalized[key], invalid);
  });
}

function plainNumber(list: ListDefinition, index: number): string {
  const n = index + (list.startAt ?? 1);
  switch (list.numbering) {
    case 'parenthesized':
      return `（${n}）`;
    case 'dotted':
      return `${n}.`;
    case 'item':
      return `${list.itemLabel}${n}`;
    case 'none':
      return '';
    default:
      return assertNever(list.numbering);
  }
}

/** An item's number as printed: (1), 1., 任务1, or nothing; with `numberWith`, 「任务1：2025年06月前」. */
export function itemNumber(list: ListDefinition, index: number, item?: CheckedItem): string {
  const plain = plainNumber(list, index);
  const withField = list.numberWith;
  if (!withField || !item) return plain;
  const f = list.fields.find((x) => x.key === withField.field);
  const text = f ? printField(f, item.normalized[f.key], item.invalid.has(f.key)) : '';
  return `${plain}：${text || withField.placeholder}${withField.suffix}`;
}

/** The fields a list prints as columns: `printFields`, or every field neither hidden nor in the number. */
export function printedListFields(list: ListDefinition): FieldDefinition[] {
  if (list.printFields) return list.printFields.flatMap((k) => list.fields.filter((f) => f.key === k));
  return list.fields.filter((f) => !f.hidden && f.key !== list.numberWith?.field);
}

/** The printed cells of one list item, one per printed field of the list. */
export function itemCells(ctx: PrintContext, list: ListDefinition, item: CheckedItem): string[] {
  return printedListFields(list).map((f) => printField(f, item.normalized[f.key], item.invalid.has(f.key)));
}

/** A list's total as printed, e.g. the budget's 「合计」. */
export function listTotalText(ctx: PrintContext, list: ListDefinition): string {
  if (!list.total) return '';
  const field = list.fields.find((f) => f.key === list.total?.field);
  const total = ctx.check.listTotals[list.key] ?? null;
  if (!field || total === null) return '';
  return field.type === 'money' ? formatMoney(total) : formatStoredValue(field, total);
}

/** Fills `{values.x}`, `{header.x}`, `{agency.x}` in a signature line; an empty value becomes ''. */
export function fillTemplate(ctx: PrintContext, text: string): string {
  return text.replace(/\{([a-z]+)\.([A-Za-z][A-Za-z0-9]*)\}/g, (_m, source: string, key: string) => {
    if (source === 'values') {
      const f = findField(ctx.def, key);
      const v = ctx.check.normalized[key] ?? null;
      return f ? (f.type === 'date' && typeof v === 'string' ? formatChineseDate(v) : formatStoredValue(f, v)) : '';
    }
    if (source === 'header' || source === 'agency') return printValue(ctx, { source, key });
    return '';
  });
}

/** A signature block line as printed: label and value, with room to sign or a date to fill in by hand. */
export function signatureLineText(ctx: PrintContext, line: SignatureLine): { label: string; value: string } {
  switch (line.kind) {
    case 'text':
      return { label: fillTemplate(ctx, line.text), value: '' };
    case 'seal':
      return { label: '（盖章）', value: '' };
    case 'signature':
      return { label: `${line.label}：${line.suffix ?? ''}`, value: line.value ? fillTemplate(ctx, line.value) : '' };
    case 'date': {
      const value = line.value ? fillTemplate(ctx, line.value) : '';
      const label = line.label ? `${line.label}：` : '';
      // 「2025年03月15日」 → 「2025年03月」 where the standard asks for the month only.
      if (line.month) return { label, value: value.replace(/^(\d{4}年\d{2}月).*$/, '$1') || '      年    月' };
      return { label, value: value || '      年    月    日' };
    }
    default:
      return assertNever(line);
  }
}
