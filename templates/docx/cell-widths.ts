// Column widths of a label/value pair row. The table has four equal columns, but a value that must not wrap (an
// 18-character 信用代码 in its widest letters, a date) widens its cell, taking the room from the other cells of
// the row down to what they need. Checked with the widest valid code in a LibreOffice render (docx tests).
import { assertNever, type FieldDefinition } from '../../shared/forms/field-definition.js';
import { CELL_MARGIN, CONTENT_WIDTH, textWidth } from './page.js';

export const QUARTER = [2410, 2409, 2410, 2409] as const;
const MARGINS = CELL_MARGIN.left + CELL_MARGIN.right + 60;
/** The widest valid code is 17 W's and a check character (GB 32100-2015 allows W anywhere). */
const WIDEST_CODE = 'WWWWWWWWWWWWWWWWWW';
const WIDEST_DATE = '2028年12月28日';
const MIN_LABEL = 1100;
const MIN_VALUE = 1500;

/** The width a value cell needs so its value never wraps (0 when wrapping is fine). */
export function noWrapWidth(field: FieldDefinition | undefined): number {
  if (!field) return 0;
  switch (field.type) {
    case 'uscc':
      return textWidth(WIDEST_CODE) + MARGINS;
    case 'date':
      return textWidth(WIDEST_DATE) + MARGINS;
    case 'month':
      return textWidth('2028年12月') + MARGINS;
    case 'mobile':
    case 'telephone':
      return textWidth('0771-12345678-8888') + MARGINS;
    case 'bankAccount':
      return textWidth('6222 0203 1234 5678 9012 3456') + MARGINS;
    case 'text':
    case 'longtext':
    case 'number':
    case 'integer':
    case 'money':
    case 'choice':
    case 'yesno':
    case 'ruleSet':
      return 0;
    default:
      return assertNever(field.type);
  }
}

/** What a label needs to stay on one line, but never less than a narrow column. */
function labelMin(label: string): number {
  return Math.min(QUARTER[0], Math.max(MIN_LABEL, textWidth(label) + MARGINS));
}

/**
 * Widths of [label, value, label, value] where the values need `needA`/`needB` twips unwrapped. Room comes from
 * the labels first (down to one line of their text), then from the other value (whose text may wrap).
 */
export function pairWidths(needA: number, needB: number, labelA = '', labelB = ''): number[] {
  const widths: number[] = [...QUARTER];
  const mins = [labelMin(labelA), Math.max(MIN_VALUE, needA), labelMin(labelB), Math.max(MIN_VALUE, needB)];
  for (const i of [1, 3]) {
    let short = mins[i]! - widths[i]!;
    for (const donors of [[0, 2], [1, 3]]) {
      for (const j of donors.filter((d) => d !== i).sort((a, b) => widths[b]! - mins[b]! - (widths[a]! - mins[a]!))) {
        const take = Math.max(0, Math.min(widths[j]! - mins[j]!, short));
        widths[j] = widths[j]! - take;
        widths[i] = widths[i]! + take;
        short -= take;
      }
    }
  }
  const total = widths.reduce((s, w) => s + w, 0);
  widths[3] = widths[3]! + CONTENT_WIDTH - total;
  return widths;
}
