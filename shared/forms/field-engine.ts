// The one field engine: reads a typed value (numbers may still be text while the consultant types), says what is
// wrong with it, and returns what is stored. Documents (document-check.ts), the incubator's common header and the
// agency profile all check their fields here, so the app has one validation style (docs/documents.md §Fields).
import { assertNever, type FieldCondition, type FieldDefinition, type FieldValue, isNumberType } from './field-definition.js';
import { checkBankAccount } from '../validation/bank-account.js';
import { MONEY_MESSAGES, parseYuanToFen } from '../money/parse-money.js';
import { type FieldIssue, fieldError, fieldWarning } from '../validation/field-issue.js';
import { parseLooseNumber, roundTo } from '../validation/numbers.js';
import { isIsoDate } from '../validation/dates.js';
import { checkUscc, describeUsccProblem } from '../validation/uscc.js';
import { checkMobile, checkTelephone } from '../validation/phone.js';
import { formatGrouped } from './format-values.js';
import { cleanRichText } from './rich-text.js';
import { parseDueMonth } from '../plan-terms/due-month.js';

/** Values as stored: numbers that did not parse yet are kept as the text typed, so nothing typed is lost. */
export type FieldValues = Record<string, FieldValue>;

/** The largest amount of money the app accepts: 999 999 999 999.99 元 (docs/domain-rules.md), in 分. */
export const MAX_MONEY_FEN = 99_999_999_999_999;

interface Reading {
  stored: FieldValue;
  /** The valid number of a number field; null when empty or invalid. */
  number: number | null;
  error?: string;
  warnings?: string[];
}

export function isEmptyValue(v: FieldValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function unitHint(field: FieldDefinition): string {
  return field.unit ? `（${field.unit}）` : '';
}

function readNumber(field: FieldDefinition, raw: FieldValue | undefined): Reading {
  if (isEmptyValue(raw)) return { stored: null, number: null };
  const n = typeof raw === 'number' ? (Number.isFinite(raw) ? raw : null) : typeof raw === 'string' ? parseLooseNumber(raw) : null;
  if (n === null) {
    const kept = typeof raw === 'string' ? raw : null;
    return { stored: kept, number: null, error: field.type === 'integer' ? '请填写整数，例如 25' : '请填写数字，例如 1,234.5' };
  }
  const min = field.min ?? Number.NEGATIVE_INFINITY;
  if (n < min) return { stored: n, number: null, error: min === 0 ? '不能为负数' : `不能小于 ${min}` };
  // 2.5 mentors is kept as typed and refused, never rounded into 3.
  if (field.type === 'integer' && !Number.isInteger(n)) return { stored: n, number: null, error: '请填写整数' };
  if (field.max !== undefined && n > field.max) {
    return { stored: n, number: null, error: `数值过大（最大 ${formatGrouped(field.max, 0)}），请核对单位${unitHint(field)}` };
  }
  const rounded = field.type === 'integer' ? n : roundTo(n, field.decimals ?? 2);
  return { stored: rounded, number: rounded };
}

/** Money: typed text is in 元 (「1,234.5」), a stored number is already in 分. */
function readMoney(field: FieldDefinition, raw: FieldValue | undefined): Reading {
  if (isEmptyValue(raw)) return { stored: null, number: null };
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw) || raw < 0 || raw > MAX_MONEY_FEN) return { stored: null, number: null, error: '金额无效，请重新填写' };
    return { stored: raw, number: raw };
  }
  if (typeof raw !== 'string') return { stored: null, number: null, error: '请填写金额，例如 1,234.50' };
  // Typed in 元: shared/money parses it to 分 without a float and says why it cannot (docs/money.md).
  const r = parseYuanToFen(raw);
  if (!r.ok) return { stored: raw, number: null, error: r.message };
  if (r.fen > (field.max ?? MAX_MONEY_FEN)) return { stored: raw, number: null, error: MONEY_MESSAGES.tooLarge };
  return { stored: r.fen, number: r.fen };
}

function readText(field: FieldDefinition, raw: FieldValue | undefined, trim: boolean): Reading {
  // A text field holds text; a stray number is kept as its digits, a non-finite one or a boolean is dropped.
  const text = typeof raw === 'string' ? raw : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : '';
  const stored = trim ? text.trim() : text;
  if (field.maxLength !== undefined && [...stored].length > field.maxLength) {
    return { stored, number: null, error: `内容过长：最多 ${field.maxLength} 字，当前 ${[...stored].length} 字` };
  }
  return { stored, number: null };
}

function readPhone(raw: FieldValue | undefined, check: typeof checkMobile): Reading {
  const text = typeof raw === 'string' ? raw : '';
  if (text.trim() === '') return { stored: '', number: null };
  const r = check(text);
  return r.ok ? { stored: r.normalized, number: null } : { stored: text, number: null, error: r.message };
}

/** Reads one field's raw value. Pure; never throws. */
export function readField(field: FieldDefinition, raw: FieldValue | undefined): Reading {
  const v = raw ?? null;
  switch (field.type) {
    case 'number':
    case 'integer':
      return readNumber(field, v);
    case 'money':
      return readMoney(field, v);
    case 'yesno':
      if (v === 'yes') return { stored: true, number: null };
      if (v === 'no') return { stored: false, number: null };
      if (v === null || typeof v === 'boolean') return { stored: v, number: null };
      return { stored: null, number: null, error: '请选择“是”或“否”' };
    case 'choice':
      if (isEmptyValue(v)) return { stored: null, number: null };
      if (typeof v === 'string' && (field.options ?? []).includes(v)) return { stored: v, number: null };
      return { stored: null, number: null, error: '请从选项中选择' };
    case 'date':
      if (isEmptyValue(v)) return { stored: null, number: null };
      if (typeof v === 'string' && isIsoDate(v)) return { stored: v, number: null };
      return { stored: typeof v === 'string' ? v : null, number: null, error: '日期格式应为 YYYY-MM-DD' };
    case 'month': {
      if (isEmptyValue(v)) return { stored: null, number: null };
      if (typeof v !== 'string') return { stored: null, number: null, error: '月份格式不对，应为 XXXX年XX月，如 2025年06月' };
      // 「2025年06月」, 「2025年6月前」, 2025-06, full-width digits; 「2025年13月」 says which part is wrong.
      const parsed = parseDueMonth(v);
      return parsed.ok ? { stored: parsed.month, number: null } : { stored: v, number: null, error: parsed.message };
    }
    case 'ruleSet':
      return typeof v === 'string' && v.trim() !== '' ? { stored: v.trim(), number: null } : { stored: null, number: null };
    case 'text':
      return readText(field, v, true);
    case 'longtext':
      // Long texts are kept verbatim (leading spaces, quotes, emoji, markup): the exports escape them. A rich text
      // loses what a paste from Word carries invisibly and keeps its bullets as 「• 」.
      return field.richText && typeof v === 'string' ? readText(field, cleanRichText(v), false) : readText(field, v, false);
    case 'mobile':
      return readPhone(v, checkMobile);
    case 'telephone':
      return readPhone(v, checkTelephone);
    case 'uscc': {
      const text = typeof v === 'string' ? v : '';
      if (text.trim() === '') return { stored: '', number: null };
      const r = checkUscc(text);
      return {
        stored: r.normalized,
        number: null,
        ...(r.error ? { error: describeUsccProblem(r.error) } : {}),
        warnings: r.warnings.map(describeUsccProblem),
      };
    }
    case 'bankAccount': {
      const text = typeof v === 'string' ? v : '';
      if (text.trim() === '') return { stored: '', number: null };
      const r = checkBankAccount(text);
      return r.ok ? { stored: r.typed, number: null } : { stored: text, number: null, error: r.message };
    }
    default:
      return assertNever(field.type);
  }
}

export function conditionHolds(cond: FieldCondition, values: FieldValues, header: FieldValues): boolean {
  const source = cond.source === 'header' ? header : values;
  return (source[cond.key] ?? null) === cond.equals;
}

export function isFieldEnabled(field: FieldDefinition, values: FieldValues, header: FieldValues): boolean {
  return !field.enabledWhen || conditionHolds(field.enabledWhen, values, header);
}

export function isFieldRequired(field: FieldDefinition, values: FieldValues, header: FieldValues): boolean {
  if (field.required) return true;
  return !!field.requiredWhen && conditionHolds(field.requiredWhen, values, header);
}

export interface FieldsCheck {
  /** Values as they are stored: numbers parsed and rounded, unparseable numbers kept as text, texts trimmed. */
  normalized: FieldValues;
  /** The valid numbers of enabled fields; null when missing, disabled, or failing any check. */
  numbers: Record<string, number | null>;
  /** Keys whose value is present but failed a check (an error): never computed, counted or printed as valid. */
  invalid: ReadonlySet<string>;
  issues: FieldIssue[];
}

const indexes = new WeakMap<readonly FieldDefinition[], Map<string, FieldDefinition>>();
/** Fields by key, made once per field list (lists are module constants: this runs on every keystroke). */
function indexOf(fields: readonly FieldDefinition[]): Map<string, FieldDefinition> {
  let index = indexes.get(fields);
  if (!index) {
    index = new Map(fields.map((f) => [f.key, f]));
    indexes.set(fields, index);
  }
  return index;
}

/**
 * Checks a record's fields: each value on its own, then the rules between fields (其中, not-before, required
 * when). Fields not in the list are dropped: the field list is the schema. `issuePrefix` names the issues of a
 * list item (`lists.<list>.<item id>.`).
 */
export function checkFields(
  fields: readonly FieldDefinition[],
  raw: Readonly<Record<string, FieldValue | undefined>>,
  header: FieldValues = {},
  issuePrefix = '',
): FieldsCheck {
  const normalized: FieldValues = {};
  const numbers: Record<string, number | null> = {};
  const invalid = new Set<string>();
  const issues: FieldIssue[] = [];
  const byKey = indexOf(fields);
  const labelOf = (key: string) => byKey.get(key)?.label ?? key;
  const error = (key: string, message: string) => {
    invalid.add(key);
    issues.push(fieldError(issuePrefix + key, message));
  };

  for (const field of fields) {
    const r = readField(field, raw[field.key]);
    normalized[field.key] = r.stored;
    if (isNumberType(field.type)) numbers[field.key] = r.number;
    if (r.error) error(field.key, r.error);
    for (const w of r.warnings ?? []) issues.push(fieldWarning(issuePrefix + field.key, w));
  }

  for (const field of fields) {
    // A disabled field keeps what was typed (nothing is lost) but counts for nothing.
    if (!isFieldEnabled(field, normalized, header)) {
      if (field.key in numbers) numbers[field.key] = null;
      if (invalid.delete(field.key) || issues.length > 0) {
        for (let i = issues.length - 1; i >= 0; i--) if (issues[i]!.field === issuePrefix + field.key) issues.splice(i, 1);
      }
      continue;
    }
    if (isFieldRequired(field, normalized, header) && isEmptyValue(normalized[field.key])) {
      const when = field.required ? undefined : field.requiredWhen;
      const why = when?.reason ? `（${when.reason}）` : '';
      issues.push(fieldError(issuePrefix + field.key, when?.message ?? `请填写「${field.label}」${why}`));
    }
    if (field.lessOrEqual) {
      const part = numbers[field.key] ?? null;
      const whole = numbers[field.lessOrEqual] ?? null;
      const wholeField = byKey.get(field.lessOrEqual);
      if (part !== null && whole === null && !invalid.has(field.lessOrEqual)) {
        issues.push(fieldWarning(issuePrefix + field.key, `请同时填写「${labelOf(field.lessOrEqual)}」，否则无法核对和计算比例`));
      }
      if (part !== null && whole !== null && part > whole) {
        const decimals = wholeField?.type === 'integer' ? 0 : (wholeField?.decimals ?? 2);
        error(field.key, `不能大于「${labelOf(field.lessOrEqual)}」（${formatGrouped(whole, decimals)}）`);
      }
    }
    if (field.notBefore) {
      const mine = normalized[field.key];
      const other = normalized[field.notBefore];
      if (typeof mine === 'string' && typeof other === 'string' && !invalid.has(field.key) && !invalid.has(field.notBefore) && mine < other) {
        error(field.key, `不能早于「${labelOf(field.notBefore)}」`);
      }
    }
  }
  for (const key of invalid) if (key in numbers) numbers[key] = null;
  return { normalized, numbers, invalid, issues };
}

/** A record's stored values with every field present (empty text or null). */
export function emptyValues(fields: readonly FieldDefinition[]): FieldValues {
  return Object.fromEntries(fields.map((f) => [f.key, readField(f, null).stored]));
}
