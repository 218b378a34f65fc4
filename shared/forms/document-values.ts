// The generic engine behind every document definition: reads typed values (numbers may still be text while
// the consultant types), checks them field by field, and computes the derived values. Pure; the form calls it
// live, the service before completing, the exports for what they print.
import type { ComputedDefinition, DocumentFieldDefinition, FieldCondition, FieldValue } from './field-definition.js';
import type { DocumentDefinition } from './document-definition.js';
import { type FieldIssue, fieldError, fieldWarning } from '../validation/field-issue.js';
import { parseLooseNumber, roundTo } from '../validation/numbers.js';
import { isIsoDate } from '../validation/dates.js';
import { formatGrouped } from './format-values.js';

/** Values as stored: numbers that did not parse yet are kept as the text typed, so nothing typed is lost. */
export type DocumentValues = Record<string, FieldValue>;
export type HeaderValues = Record<string, FieldValue>;

export interface DocumentCheck {
  /** Values as they are stored: numbers parsed and rounded, unparseable numbers kept as text, texts verbatim. */
  normalized: DocumentValues;
  /** The valid numbers of enabled fields (null when missing or invalid): what computations and rules read. */
  numbers: Record<string, number | null>;
  /** Computed values: fractions for percentages, null when the denominator is 0 or missing. */
  computed: Record<string, number | null>;
  issues: FieldIssue[];
}

function isEmpty(v: FieldValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function conditionHolds(cond: FieldCondition, values: DocumentValues, header: HeaderValues): boolean {
  const source = cond.source === 'header' ? header : values;
  return (source[cond.key] ?? null) === cond.equals;
}

export function isFieldEnabled(field: DocumentFieldDefinition, values: DocumentValues, header: HeaderValues): boolean {
  return !field.enabledWhen || conditionHolds(field.enabledWhen, values, header);
}

export function isFieldRequired(field: DocumentFieldDefinition, values: DocumentValues, header: HeaderValues): boolean {
  if (field.required) return true;
  return !!field.requiredWhen && conditionHolds(field.requiredWhen, values, header);
}

function unitHint(field: DocumentFieldDefinition): string {
  return field.unit ? `（${field.unit}）` : '';
}

/** Reads one number field; returns the stored value, the valid number, and a problem if any. */
function readNumber(field: DocumentFieldDefinition, raw: FieldValue | undefined): { stored: FieldValue; value: number | null; problem?: string } {
  if (isEmpty(raw)) return { stored: null, value: null };
  let n: number | null;
  if (typeof raw === 'number') n = Number.isFinite(raw) ? raw : null;
  else if (typeof raw === 'string') n = parseLooseNumber(raw);
  else n = null;
  if (n === null) {
    const kept = typeof raw === 'string' ? raw : null;
    return { stored: kept, value: null, problem: field.type === 'integer' ? '请填写整数，例如 25' : '请填写数字，例如 1,234.5' };
  }
  const min = field.min ?? Number.NEGATIVE_INFINITY;
  if (n < min) return { stored: n, value: null, problem: min === 0 ? '不能为负数' : `不能小于 ${min}` };
  if (field.type === 'integer' && !Number.isInteger(n)) return { stored: n, value: null, problem: '请填写整数' };
  if (field.max !== undefined && n > field.max) {
    return { stored: n, value: null, problem: `数值过大（最大 ${formatGrouped(field.max, 0)}），请核对单位${unitHint(field)}` };
  }
  const rounded = field.type === 'integer' ? n : roundTo(n, field.decimals ?? 2);
  return { stored: rounded, value: rounded };
}

function readOther(field: DocumentFieldDefinition, raw: FieldValue | undefined): { stored: FieldValue; problem?: string } {
  const v = raw ?? null;
  switch (field.type) {
    case 'yesno':
      if (v === 'yes') return { stored: true };
      if (v === 'no') return { stored: false };
      if (v === null || typeof v === 'boolean') return { stored: v };
      return { stored: null, problem: '请选择“是”或“否”' };
    case 'choice':
      if (isEmpty(v)) return { stored: null };
      if (typeof v === 'string' && (field.options ?? []).includes(v)) return { stored: v };
      return { stored: null, problem: '请从选项中选择' };
    case 'date':
      if (isEmpty(v)) return { stored: null };
      if (typeof v === 'string' && isIsoDate(v)) return { stored: v };
      return { stored: typeof v === 'string' ? v : null, problem: '日期格式应为 YYYY-MM-DD' };
    default: {
      // Texts are kept verbatim (quotes, emoji, markup): the exports escape them.
      // A text field holds text; a stray number is kept as its digits, a non-finite one or a boolean is dropped.
      const text = typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
      if (field.maxLength !== undefined && [...text].length > field.maxLength) {
        return { stored: text, problem: `内容过长：最多 ${field.maxLength} 字，当前 ${[...text].length} 字` };
      }
      return { stored: text };
    }
  }
}

export function computeValue(c: ComputedDefinition, numbers: Record<string, number | null>): number | null {
  const parts = c.numerators.map((k) => numbers[k] ?? null);
  if (parts.every((p) => p === null)) return null;
  const denominator = numbers[c.denominator] ?? null;
  if (denominator === null || denominator === 0) return null;
  const sum = parts.reduce<number>((s, p) => s + (p ?? 0), 0);
  const q = (sum * (c.factor ?? 1)) / denominator;
  if (!Number.isFinite(q)) return null;
  // Percent values are fractions shown with one decimal: keep three decimals of the fraction.
  return c.format === 'percent' ? roundTo(q, 3) : roundTo(q, c.decimals ?? 2);
}

const indexCache = new WeakMap<DocumentDefinition, Map<string, DocumentFieldDefinition>>();
function fieldIndex(def: DocumentDefinition): Map<string, DocumentFieldDefinition> {
  let index = indexCache.get(def);
  if (!index) {
    index = new Map(def.fields.map((f) => [f.key, f]));
    indexCache.set(def, index);
  }
  return index;
}

/** Checks and computes a document's values against its definition. */
export function checkDocument(def: DocumentDefinition, raw: DocumentValues, header: HeaderValues): DocumentCheck {
  const normalized: DocumentValues = {};
  const numbers: Record<string, number | null> = {};
  const issues: FieldIssue[] = [];
  const byKey = fieldIndex(def);
  const labelOfKey = (key: string) => byKey.get(key)?.label ?? key;

  // Fields that are not in the definition are dropped: the definition is the schema.
  for (const field of def.fields) {
    const value = raw[field.key];
    if (field.type === 'number' || field.type === 'integer') {
      const r = readNumber(field, value);
      normalized[field.key] = r.stored;
      numbers[field.key] = r.value;
      if (r.problem) issues.push(fieldError(field.key, r.problem));
    } else {
      const r = readOther(field, value);
      normalized[field.key] = r.stored;
      if (r.problem) issues.push(fieldError(field.key, r.problem));
    }
  }

  for (const field of def.fields) {
    const enabled = isFieldEnabled(field, normalized, header);
    // A disabled field keeps what was typed (nothing is lost) but counts for nothing.
    if (!enabled) {
      if (field.key in numbers) numbers[field.key] = null;
      continue;
    }
    if (isFieldRequired(field, normalized, header) && isEmpty(normalized[field.key])) {
      const why = field.requiredWhen && !field.required ? '（专业型孵化器必填）' : '';
      issues.push(fieldError(field.key, `请填写「${field.label}」${why}`));
    }
    if (field.lessOrEqual) {
      const part = numbers[field.key] ?? null;
      const whole = numbers[field.lessOrEqual] ?? null;
      const wholeField = byKey.get(field.lessOrEqual);
      if (part !== null && whole === null) {
        issues.push(fieldWarning(field.key, `请同时填写「${labelOfKey(field.lessOrEqual)}」，否则无法核对和计算比例`));
      }
      if (part !== null && whole !== null && part > whole) {
        issues.push(
          fieldError(
            field.key,
            `不能大于「${labelOfKey(field.lessOrEqual)}」（${formatGrouped(whole, wholeField?.type === 'integer' ? 0 : (wholeField?.decimals ?? 2))}）`,
          ),
        );
      }
    }
  }

  for (const check of def.sumChecks) {
    const total = numbers[check.total] ?? null;
    const parts = check.parts.map((k) => numbers[k] ?? null);
    if (total === null || parts.every((p) => p === null)) continue;
    const sum = roundTo(parts.reduce<number>((s, p) => s + (p ?? 0), 0), 2);
    if (Math.abs(sum - total) > 0.005) {
      const unit = byKey.get(check.total)?.unit ?? '';
      issues.push(
        fieldWarning(
          check.total,
          `「其中」各项之和为 ${formatGrouped(sum, 2)} ${unit}，与总数 ${formatGrouped(total, 2)} ${unit} 不一致（相差 ${formatGrouped(Math.abs(roundTo(sum - total, 2)), 2)} ${unit}）。请核对；如确认无误可保留`,
        ),
      );
    }
  }

  const computed: Record<string, number | null> = {};
  for (const c of def.computed) computed[c.key] = computeValue(c, numbers);

  return { normalized, numbers, computed, issues };
}

/** A document's stored values with every field present (null when empty). */
export function emptyDocumentValues(def: DocumentDefinition): DocumentValues {
  return Object.fromEntries(def.fields.map((f) => [f.key, f.type === 'text' || f.type === 'longtext' ? '' : null]));
}
