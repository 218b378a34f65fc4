// A document of the standard (Appendix A, later D and the others), described once: its fields, computed values,
// the layout of its table in the standard's order, and its cross-field checks. The form, the validation, the
// Word table and the Excel sheet are all derived from one of these.
import type { ComputedDefinition, DocumentFieldDefinition, FieldDefinition } from './field-definition.js';

/** Where a cell's value comes from: the document's own values, the incubator's common header, or a computed value. */
export type ValueSource = 'values' | 'header' | 'computed';

export interface ValueRef {
  source: ValueSource;
  key: string;
}

/**
 * One row of the document's table, in the standard's order.
 * - `pair`: one or two label/value pairs side by side; a single pair with `wide` puts its label over two columns.
 * - `of-which`: 「其中」 in a merged first cell, then one row per part.
 * - `text`: a label and a large free-text cell (the 「…评估建议」 rows, 「诊断总结」).
 * - `choice-of-two`: 「二选一填写」: a choice field picks which of two count fields (each with its share) is used.
 * - `sentence`: the standard's fill-in sentence: 「…数量：__家，占…比例__%。」
 * - `yesno-detail`: 是□ 否□ and, when 是, a named detail 「如选是，具体…名称：」.
 */
export type LayoutRow =
  | { kind: 'pair'; items: readonly [ValueRef] | readonly [ValueRef, ValueRef]; wide?: boolean }
  | { kind: 'of-which'; caption: string; items: readonly ValueRef[] }
  | { kind: 'text'; key: string }
  | {
      kind: 'choice-of-two';
      label: string;
      choiceKey: string;
      options: readonly { field: string; computed: string; unit: string; shareLabel: string }[];
    }
  | { kind: 'sentence'; label: string; field: string; computed: string; countText: string; unit: string; shareText: string }
  | { kind: 'yesno-detail'; key: string; detailKey: string };

export interface DocumentSection {
  key: string;
  /** A short heading for the form and the Excel sheet; the standard's table itself has no headings. */
  title: string;
  rows: readonly LayoutRow[];
}

/** Parts that should add up to a whole. A mismatch is a warning the user can see and keep, not an error. */
export interface SumCheck {
  parts: readonly string[];
  total: string;
}

export interface DocumentDefinition<K extends string = string> {
  id: string;
  /** The title printed above the table, e.g. 「科技企业孵化器培育诊断意见表」. */
  title: string;
  /** The standard's table number, e.g. 「表A.1」. */
  tableNumber: string;
  /** The common header fields (labels and types) the header rows refer to. */
  headerFields: readonly FieldDefinition[];
  fields: readonly DocumentFieldDefinition<K>[];
  computed: readonly ComputedDefinition<K>[];
  headerRows: readonly LayoutRow[];
  sections: readonly DocumentSection[];
  sumChecks: readonly SumCheck[];
  /** Printed under the table, verbatim. */
  footnotes: readonly string[];
}

export function ref(key: string, source: ValueSource = 'values'): ValueRef {
  return { source, key };
}

/** Every field key a layout row shows or edits, in order. */
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
  }
}

/** The keys of computed values a layout row shows. */
export function rowComputedKeys(row: LayoutRow): string[] {
  switch (row.kind) {
    case 'pair':
    case 'of-which':
      return row.items.filter((i) => i.source === 'computed').map((i) => i.key);
    case 'choice-of-two':
      return row.options.map((o) => o.computed);
    case 'sentence':
      return [row.computed];
    default:
      return [];
  }
}

export function findField<K extends string>(def: DocumentDefinition<K>, key: string): DocumentFieldDefinition<K> | undefined {
  return def.fields.find((f) => f.key === key);
}

export function findComputed<K extends string>(def: DocumentDefinition<K>, key: string): ComputedDefinition<K> | undefined {
  return def.computed.find((c) => c.key === key);
}

export function findHeaderField(def: DocumentDefinition, key: string): FieldDefinition | undefined {
  return def.headerFields.find((f) => f.key === key);
}

/** The label of any referenced value. */
export function labelOf(def: DocumentDefinition, r: ValueRef): string {
  if (r.source === 'header') return findHeaderField(def, r.key)?.label ?? r.key;
  if (r.source === 'computed') return findComputed(def, r.key)?.label ?? r.key;
  return findField(def, r.key)?.label ?? r.key;
}
