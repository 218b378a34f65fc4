// The generic engine behind every document definition: checks the fields and list items (field-engine.ts), runs
// the definition's rules between fields, and computes the derived values. Pure; the form calls it live, the
// service before completing, the exports for what they print. Data that fails validation is kept as typed but
// never computed or counted (docs/documents.md §Invalid data).
import type { FieldValue } from './field-definition.js';
import { checkFields, emptyValues, type FieldValues } from './field-engine.js';
import type { DocumentDefinition } from './document-definition.js';
import type { CheckedItem, DocumentLists } from './document-data.js';
import { type FieldIssue, fieldError, fieldWarning } from '../validation/field-issue.js';
import { roundTo } from '../validation/numbers.js';
import { formatGrouped } from './format-values.js';
import { isVerdictKey, normalizeVerdictValue } from '../eligibility/verdicts.js';
import { isPrefillKey } from './prefill.js';

export type DocumentValues = FieldValues;
export type HeaderValues = FieldValues;

/** Why a computed value is blank: an input is missing or zero, or an input failed its check. */
export type ComputedState = 'ok' | 'missing' | 'invalid';

export interface DocumentCheck {
  /** Values as stored: numbers parsed and rounded, unparseable numbers kept as text, long texts verbatim. */
  normalized: DocumentValues;
  /** The valid numbers of enabled fields (null when missing, disabled or invalid): what computations read. */
  numbers: Record<string, number | null>;
  /** Fields holding a value that failed a check. */
  invalid: ReadonlySet<string>;
  /** Computed values, unrounded (percentages as fractions); null when blank. */
  computed: Record<string, number | null>;
  computedState: Record<string, ComputedState>;
  /** Each list's items, checked, in order. */
  lists: Record<string, CheckedItem[]>;
  /** Each list's total (when the list has one); null when an amount is invalid. */
  listTotals: Record<string, number | null>;
  issues: FieldIssue[];
}

export interface DocumentInput {
  values: Readonly<Record<string, FieldValue | undefined>>;
  lists?: DocumentLists;
  /** The incubator header the document shows (its snapshot, or the live record for a draft). */
  header: HeaderValues;
}

/** (Σ numerators) × factor ÷ denominator; blank when the denominator is 0/missing, or any input is invalid. */
export function computeValue(
  c: { numerators: readonly string[]; denominator: string; factor?: number },
  numbers: Record<string, number | null>,
  invalid: ReadonlySet<string> = new Set(),
): { value: number | null; state: ComputedState } {
  if ([...c.numerators, c.denominator].some((k) => invalid.has(k))) return { value: null, state: 'invalid' };
  const parts = c.numerators.map((k) => numbers[k] ?? null);
  const denominator = numbers[c.denominator] ?? null;
  if (parts.every((p) => p === null) || denominator === null || denominator === 0) return { value: null, state: 'missing' };
  const q = (parts.reduce<number>((s, p) => s + (p ?? 0), 0) * (c.factor ?? 1)) / denominator;
  return Number.isFinite(q) ? { value: q, state: 'ok' } : { value: null, state: 'missing' };
}

function checkLists(def: DocumentDefinition, lists: DocumentLists, header: HeaderValues, issues: FieldIssue[]) {
  const checked: Record<string, CheckedItem[]> = {};
  const totals: Record<string, number | null> = {};
  for (const list of def.lists) {
    const items = lists[list.key] ?? [];
    checked[list.key] = items.map((item) => {
      const r = checkFields(list.fields, item.values, header, `lists.${list.key}.${item.id}.`);
      issues.push(...r.issues);
      return { id: item.id, normalized: r.normalized, numbers: r.numbers, invalid: r.invalid };
    });
    if (list.minItems !== undefined && items.length < list.minItems) {
      issues.push(fieldError(`lists.${list.key}`, `「${list.label}」至少需要 ${list.minItems} 项`));
    }
    if (list.maxItems !== undefined && items.length > list.maxItems) {
      issues.push(fieldError(`lists.${list.key}`, `「${list.label}」最多 ${list.maxItems} 项`));
    }
    if (list.total) {
      const field = list.total.field;
      const rows = checked[list.key]!;
      totals[list.key] = rows.some((i) => i.invalid.has(field)) ? null : rows.reduce((s, i) => s + (i.numbers[field] ?? 0), 0);
    }
  }
  return { checked, totals };
}

/** Checks and computes a document's values and list items against its definition. */
export function checkDocument(def: DocumentDefinition, input: DocumentInput): DocumentCheck {
  const fields = checkFields(def.fields, input.values, input.header);
  // checkFields returns fresh objects: they are extended here, not copied.
  const { normalized, issues } = fields;
  const { numbers, invalid } = fields;
  const labelOf = (key: string) => def.fields.find((f) => f.key === key)?.label ?? key;

  // A consultant's verdicts on rules are kept beside the fields (eligibility/verdicts.ts).
  if (def.eligibility) {
    for (const [key, value] of Object.entries(input.values)) if (isVerdictKey(key)) normalized[key] = normalizeVerdictValue(key, value);
  }
  // Where prefilled values came from (prefill.ts) is kept beside the fields, as recorded.
  if (def.prefillFrom) {
    for (const [key, value] of Object.entries(input.values)) if (isPrefillKey(key) && value !== undefined) normalized[key] = value;
  }

  for (const check of def.sumChecks) {
    const total = numbers[check.total] ?? null;
    const parts = check.parts.map((k) => numbers[k] ?? null);
    if (total === null || parts.every((p) => p === null) || check.parts.some((k) => invalid.has(k))) continue;
    const sum = roundTo(parts.reduce<number>((s, p) => s + (p ?? 0), 0), 2);
    if (Math.abs(sum - total) > 0.005) {
      const unit = def.fields.find((f) => f.key === check.total)?.unit ?? '';
      issues.push(
        fieldWarning(
          check.total,
          `「其中」各项之和为 ${formatGrouped(sum, 2)} ${unit}，与「${labelOf(check.total)}」${formatGrouped(total, 2)} ${unit} 不一致（相差 ${formatGrouped(Math.abs(roundTo(sum - total, 2)), 2)} ${unit}）。请核对；如确认无误可保留`,
        ),
      );
    }
  }

  const computed: Record<string, number | null> = {};
  const computedState: Record<string, ComputedState> = {};
  for (const c of def.computed) {
    const r = computeValue(c, numbers, invalid);
    computed[c.key] = r.value;
    computedState[c.key] = r.state;
  }

  const lists = checkLists(def, input.lists ?? {}, input.header, issues);
  for (const cross of def.crossChecks) issues.push(...cross({ values: normalized, numbers, invalid, lists: lists.checked, header: input.header }));

  return { normalized, numbers, invalid, computed, computedState, lists: lists.checked, listTotals: lists.totals, issues };
}

/** A new document's values: every field present, empty. */
export function emptyDocumentValues(def: DocumentDefinition): DocumentValues {
  return emptyValues(def.fields);
}

/** The errors of a check (what blocks completing it), in the order of the definition. */
export function errorsOf(check: Pick<DocumentCheck, 'issues'>): FieldIssue[] {
  return check.issues.filter((i) => i.severity === 'error');
}
