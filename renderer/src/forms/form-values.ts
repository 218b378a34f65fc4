import type { FieldDefinition, FieldValue } from '../../../shared/forms/field-definition.js';
import { parseLooseNumber } from '../../../shared/validation/numbers.js';
import { formatChineseMonth } from '../../../shared/validation/dates.js';
import { groupNumberText } from '../../../shared/forms/format-values.js';

/**
 * What an antd form holds for a field: numbers stay the text the user typed (so 1,234.5 and full-width digits
 * are accepted and nothing typed is lost), yes/no is 'yes' | 'no' | undefined, dates are ISO strings.
 */
export type FormText = string | undefined;

export function toFormValue(def: FieldDefinition, value: FieldValue | undefined): FormText {
  if (value === null || value === undefined) return undefined;
  if (def.type === 'yesno') return value === true ? 'yes' : value === false ? 'no' : undefined;
  // Money is stored in 分 and typed in 元. Numbers show grouped by thousands, as they read once typed (groupNumberText).
  if (def.type === 'money' && typeof value === 'number') return groupNumberText((value / 100).toFixed(2));
  if ((def.type === 'number' || def.type === 'integer') && typeof value === 'number') return groupNumberText(String(value));
  // Months are typed and shown as the standard writes them: 「2025年06月」.
  if (def.type === 'month' && typeof value === 'string') return formatChineseMonth(value) || value;
  return String(value);
}

/** Converts one form value back; `invalid` is set when the text is not a number. */
export function fromFormValue(def: FieldDefinition, text: FormText): { value: FieldValue; invalid: boolean } {
  const raw = text ?? '';
  switch (def.type) {
    case 'number':
    case 'integer':
    case 'money': {
      if (raw.trim() === '') return { value: null, invalid: false };
      const n = parseLooseNumber(raw);
      return n === null ? { value: null, invalid: true } : { value: n, invalid: false };
    }
    case 'yesno':
      return { value: raw === 'yes' ? true : raw === 'no' ? false : null, invalid: false };
    case 'choice':
    case 'date':
      return { value: raw === '' ? null : raw, invalid: false };
    default:
      return { value: raw, invalid: false };
  }
}
