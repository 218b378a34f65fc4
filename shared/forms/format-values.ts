// How values are written for people: in the form, the Word table and the eligibility gaps.
// Never NaN, never Infinity: anything not finite prints as blank.
import { assertNever, type FieldDefinition, type FieldValue } from './field-definition.js';
import { formatChineseDate, formatChineseMonth } from '../validation/dates.js';
import { checkBankAccount } from '../validation/bank-account.js';
import { normalizeNumberText } from '../validation/numbers.js';

function groupDigits(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** 1234567.5 → "1,234,567.50" (sep ',') or "1 234 567.50" (sep ' '). Blank for null/NaN/Infinity. */
export function formatGrouped(value: number | null | undefined, decimals: number, sep = ','): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const fixed = Math.abs(value).toFixed(decimals);
  const [i = '0', f] = fixed.split('.');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${groupDigits(i, sep)}${f ? `.${f}` : ''}`;
}

/**
 * A number as the form shows it, whether the app filled it in or the consultant typed it: the whole part grouped by
 * thousands, the decimals as given — 8200 and 「9020」 both read 「8,200」「9,020」, 「１２３４．５０」 reads 「1,234.50」.
 * Text that is not a plain decimal number (still being typed, or wrong) is returned as it is.
 */
export function groupNumberText(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(normalizeNumberText(text));
  return m ? `${m[1]}${groupDigits(m[2]!, ',')}${m[3] ?? ''}` : text;
}

/** A fraction as a percentage with one decimal: 0.725 → "72.5%"; blank when null. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '';
  return `${(Math.round(fraction * 1000) / 10).toFixed(1)}%`;
}

/** An amount stored in 分 as figures in 元: 123450 → 「1,234.50」. */
export function formatMoney(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '';
  return formatGrouped(fen / 100, 2);
}

/** A number field's value as printed: counts whole, areas with their decimals, money in 元 with 角 and 分. */
export function formatFieldNumber(def: FieldDefinition, value: number | null | undefined): string {
  if (def.type === 'money') return formatMoney(value);
  return formatGrouped(value, def.type === 'integer' ? 0 : (def.decimals ?? 2));
}

/** Options as the standard prints them: 「事业单位□ 国有企业☑ …」. */
export function formatBoxes(options: readonly string[], selected: FieldValue | undefined): string {
  return options.map((o) => `${o}${o === selected ? '☑' : '□'}`).join('  ');
}

export function formatYesNoBoxes(value: FieldValue | undefined): string {
  return `是${value === true ? '☑' : '□'}  否${value === false ? '☑' : '□'}`;
}

/**
 * Any stored value as text for a document cell. Numbers not yet valid (kept as typed text) print verbatim;
 * choices print as boxes.
 */
export function formatStoredValue(def: FieldDefinition, value: FieldValue | undefined): string {
  if (value === null || value === undefined) {
    if (def.type === 'choice') return formatBoxes(def.options ?? [], null);
    if (def.type === 'yesno') return formatYesNoBoxes(null);
    return '';
  }
  switch (def.type) {
    case 'number':
    case 'integer':
    case 'money':
      return typeof value === 'number' ? formatFieldNumber(def, value) : String(value);
    case 'choice':
      return formatBoxes(def.options ?? [], value);
    case 'yesno':
      return formatYesNoBoxes(value);
    case 'date':
      return typeof value === 'string' ? formatChineseDate(value) || value : '';
    case 'month':
      return typeof value === 'string' ? formatChineseMonth(value) || value : '';
    case 'text':
    case 'longtext':
    case 'mobile':
    case 'telephone':
    case 'uscc':
    case 'ruleSet':
      return String(value);
    case 'bankAccount': {
      // Kept as typed; printed as its digits in groups of four (a pasted 「6222-0203…」 reads the same as typed).
      const r = checkBankAccount(String(value));
      return r.ok ? r.display : String(value);
    }
    default:
      return assertNever(def.type);
  }
}
