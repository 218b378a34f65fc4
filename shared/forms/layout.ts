// The layout vocabulary of documents: the rows a definition lays its fields out in, in the standard's order.
// The form (renderer/src/documents/rows), the Word table (templates/docx) and the Excel sheet (templates/xlsx)
// each render every kind; their switches end in `assertNever`, so a new kind fails the typecheck until all three
// handle it. docs/documents.md §Row kinds says which document uses which kind.
import { assertNever } from './field-definition.js';

/**
 * Where a value comes from: the document's own fields, the incubator's common header (snapshotted into the
 * document when it is completed), the agency profile (likewise), or a computed value.
 */
export type ValueSource = 'values' | 'header' | 'agency' | 'computed';

/** A value shown by a row: typed by the definition's field (K) and computed (C) keys, so a renamed key fails the build. */
export type ValueRef<K extends string = string, C extends string = string> =
  | { source: 'values'; key: K }
  | { source: 'computed'; key: C }
  | { source: 'header' | 'agency'; key: string };

/**
 * - `pair`: one or two label/value pairs side by side; a single pair with `wide` puts its label over two columns.
 * - `of-which`: 「其中」 in a merged first cell, then one row per part.
 * - `text`: a label and a large free-text cell (「…评估建议」, 「诊断总结」, the plan's sections).
 * - `choice-of-two`: 「二选一填写」: a choice field picks which of two count fields (each with its share) is used.
 * - `sentence`: the standard's fill-in sentence: 「…数量：__家，占…比例__%。」
 * - `yesno-detail`: 是□ 否□ and, when 是, a named detail 「如选是，具体…名称：」.
 * - `heading`: a heading across the table (the plan's 「一、孵化器基本情况」, the evaluation's groups).
 * - `list`: a repeating list of the definition (`lists`): instalments, numbered items, tasks, budget lines.
 * - `clause`: running text with blanks, `{fieldKey}` marks a blank (the contract's articles). Printed as a
 *   paragraph with the blanks filled in, or underlined spaces to fill in by hand.
 * - `image`: a picture the service supplies with the model (the evaluation's before/after chart).
 * - `compare`: one quantity at two moments: a label, the 「培育前」 and the 「培育后」 value (fields or computed
 *   values), and optionally a detail asked for in each column when its yes/no is 是 (「如是，平台名称：」). The
 *   Excel sheet adds the change as a formula; the form shows the change beside the two values.
 *   A `heading` with `columns` names the two columns (「评估科目 | 培育前 | 培育后」).
 */
export type LayoutRow<K extends string = string, C extends string = string> =
  | { kind: 'pair'; items: readonly [ValueRef<K, C>] | readonly [ValueRef<K, C>, ValueRef<K, C>]; wide?: boolean }
  | { kind: 'of-which'; caption: string; items: readonly ValueRef<K, C>[] }
  /**
   * `lines`: room to write by hand when printed blank (default 2; 「诊断总结」 has more). `full`: printed across
   * the whole table under the heading before it, without a label cell (the plan's 「二、前期诊断结论」).
   */
  | { kind: 'text'; key: K; lines?: number; full?: boolean }
  | {
      kind: 'choice-of-two';
      label: string;
      choiceKey: K;
      options: readonly { field: K; computed: C; unit: string; shareLabel: string }[];
    }
  | { kind: 'sentence'; label: string; field: K; computed: C; countText: string; unit: string; shareText: string }
  | { kind: 'yesno-detail'; key: K; detailKey: K }
  /**
   * `lead`: printed bold before the text, e.g. 「第一条」 of a contract's article. `columns`: the column captions of a
   * two-column (培育前/培育后) table under the heading (表D.1).
   */
  | { kind: 'heading'; text: string; lead?: string; columns?: readonly [string, string] }
  /** `full`: the list's table across the whole width, under the heading before it (the plan's tasks, budget). */
  | { kind: 'list'; list: string; full?: boolean }
  | { kind: 'clause'; label?: string; text: string }
  | { kind: 'image'; image: string; caption: string }
  | { kind: 'compare'; label: string; before: ValueRef<K, C>; after: ValueRef<K, C>; detail?: CompareDetail<K> };

/** The detail of a yes/no compare row: one text field per column, asked for when that column says 是. */
export interface CompareDetail<K extends string = string> {
  label: string;
  before: K;
  after: K;
}

export type RowKind = LayoutRow['kind'];

/** A field of the document. */
export function fieldRef<K extends string>(key: K): ValueRef<K, never> {
  return { source: 'values', key };
}

/** A computed value of the document. */
export function computedRef<C extends string>(key: C): ValueRef<never, C> {
  return { source: 'computed', key };
}

/** A field of the incubator header (`header`) or the agency profile (`agency`), as the document's copy holds it. */
export function snapshotRef(source: 'header' | 'agency', key: string): ValueRef<never, never> {
  return { source, key };
}

/**
 * How a blank shows its field: `{fee}` is the field itself (typed there, placed there); `{fee|capital}` repeats a
 * money field as 人民币大写 and `{partyAName|same}` repeats any field as printed. Repeats are read-only and never
 * place the field: the figures and the 大写 of one amount come from one number (第七条 「人民币__元（¥__元）」).
 */
export type BlankShow = 'field' | 'capital' | 'same';
export interface ClausePart {
  text: string;
  blank?: string;
  show?: BlankShow;
}

const BLANK_PATTERN = /\{([A-Za-z][A-Za-z0-9_]*)(?:\|(capital|same))?\}/g;

/** The fields a clause places (its plain blanks), in order. */
export function clauseBlanks(text: string): string[] {
  return clauseParts(text).flatMap((p) => (p.blank && p.show === 'field' ? [p.blank] : []));
}

/** Every field a clause names, repeats included. */
export function clauseReferences(text: string): string[] {
  return clauseParts(text).flatMap((p) => (p.blank ? [p.blank] : []));
}

/** The clause text cut at its blanks: text, blank, text, … (always starts and ends with text). */
export function clauseParts(text: string): ClausePart[] {
  const parts: ClausePart[] = [];
  let last = 0;
  for (const m of text.matchAll(BLANK_PATTERN)) {
    parts.push({ text: text.slice(last, m.index), blank: m[1]!, show: (m[2] as BlankShow | undefined) ?? 'field' });
    last = m.index + m[0].length;
  }
  parts.push({ text: text.slice(last) });
  return parts;
}

/** Every document field a layout row shows or edits, in order. */
export function rowFieldKeys(row: LayoutRow): string[] {
  switch (row.kind) {
    case 'pair':
    case 'of-which':
      return row.items.filter((i) => i.source === 'values').map((i) => i.key);
    case 'text':
      return [row.key];
    case 'choice-of-two':
      return [row.choiceKey, ...row.options.map((o) => o.field)];
    case 'sentence':
      return [row.field];
    case 'yesno-detail':
      return [row.key, row.detailKey];
    case 'clause':
      return clauseBlanks(row.text);
    case 'compare':
      return [row.before, row.after].filter((i) => i.source === 'values').map((i) => i.key).concat(row.detail ? [row.detail.before, row.detail.after] : []);
    case 'heading':
    case 'list':
    case 'image':
      return [];
    default:
      return assertNever(row);
  }
}

/** The computed values a layout row shows. */
export function rowComputedKeys(row: LayoutRow): string[] {
  switch (row.kind) {
    case 'pair':
    case 'of-which':
      return row.items.filter((i) => i.source === 'computed').map((i) => i.key);
    case 'choice-of-two':
      return row.options.map((o) => o.computed);
    case 'sentence':
      return [row.computed];
    case 'compare':
      return [row.before, row.after].filter((i) => i.source === 'computed').map((i) => i.key);
    case 'text':
    case 'yesno-detail':
    case 'heading':
    case 'list':
    case 'clause':
    case 'image':
      return [];
    default:
      return assertNever(row);
  }
}

/** The header or agency values a layout row shows: [source, key]. */
export function rowSnapshotRefs(row: LayoutRow): ValueRef[] {
  switch (row.kind) {
    case 'pair':
    case 'of-which':
      return row.items.filter((i) => i.source === 'header' || i.source === 'agency');
    case 'compare':
      return [row.before, row.after].filter((i) => i.source === 'header' || i.source === 'agency');
    case 'text':
    case 'choice-of-two':
    case 'sentence':
    case 'yesno-detail':
    case 'heading':
    case 'list':
    case 'clause':
    case 'image':
      return [];
    default:
      return assertNever(row);
  }
}
