// The change of a compare row (「培育后」 − 「培育前」), as the form shows it beside the two values and the chart and
// the exports read it: the difference, the relative change where it means something, and its direction.
// A value that failed its check is never compared (docs/documents.md §Invalid data).
import { findComputed, findField } from './document-definition.js';
import type { LayoutRow, ValueRef } from './layout.js';
import type { PrintContext } from './print-cells.js';
import { formatGrouped } from './format-values.js';
import { isNumberType } from './field-definition.js';

export type ChangeDirection = 'up' | 'down' | 'same';

export interface CompareChange {
  direction: ChangeDirection;
  /** After − before, in the row's unit (percentage points for percentages); null for yes/no and choices. */
  delta: number | null;
  /** (after − before) ÷ before × 100; null where it means nothing: before 0, percentages, yes/no, choices. */
  percent: number | null;
  /** 「+1,200.00 m²（+40.0%）」, 「−2 人（−20.0%）」, 「+5.0 个百分点」, 「否 → 是」, 「持平」. */
  text: string;
}

/** A compared value as a number: a number field, a computed value (percentages as percent), 是 = 1 / 否 = 0. */
export function compareNumber(ctx: Pick<PrintContext, 'def' | 'check'>, r: ValueRef): number | null {
  if (r.source === 'computed') {
    const c = findComputed(ctx.def, r.key);
    const v = ctx.check.computed[r.key] ?? null;
    return c && v !== null ? (c.format === 'percent' ? v * 100 : v) : null;
  }
  if (r.source !== 'values' || ctx.check.invalid.has(r.key)) return null;
  const f = findField(ctx.def, r.key);
  const v = ctx.check.normalized[r.key];
  if (f?.type === 'yesno') return typeof v === 'boolean' ? (v ? 1 : 0) : null;
  return f && isNumberType(f.type) && typeof v === 'number' ? v : null;
}

/** The unit and decimals a compare row's values print with. */
export function compareUnit(ctx: Pick<PrintContext, 'def'>, r: ValueRef): { unit: string; decimals: number; percent: boolean } {
  if (r.source === 'computed') {
    const c = findComputed(ctx.def, r.key);
    return c?.format === 'percent' ? { unit: '%', decimals: 1, percent: true } : { unit: c?.unit ?? '', decimals: c?.decimals ?? 2, percent: false };
  }
  const f = findField(ctx.def, r.key);
  return { unit: f?.unit ?? '', decimals: f?.type === 'integer' ? 0 : (f?.decimals ?? 2), percent: f?.unit === '%' };
}

/** The change of a compare row; null when either value is missing or invalid, or the row compares text. */
export function compareChange(ctx: PrintContext, row: Extract<LayoutRow, { kind: 'compare' }>): CompareChange | null {
  const field = row.before.source === 'values' ? findField(ctx.def, row.before.key) : undefined;
  if (field?.type === 'choice') {
    const [b, a] = [ctx.check.normalized[row.before.key], ctx.check.normalized[row.after.key]];
    if (typeof b !== 'string' || typeof a !== 'string' || b === '' || a === '') return null;
    return { direction: 'same', delta: null, percent: null, text: a === b ? '未变' : `${b} → ${a}` };
  }
  const before = compareNumber(ctx, row.before);
  const after = compareNumber(ctx, row.after);
  if (before === null || after === null) return null;
  const delta = after - before;
  const direction: ChangeDirection = Math.abs(delta) < 1e-9 ? 'same' : delta > 0 ? 'up' : 'down';
  if (field?.type === 'yesno') {
    return { direction, delta: null, percent: null, text: direction === 'same' ? '未变' : `${before ? '是' : '否'} → ${after ? '是' : '否'}` };
  }
  if (direction === 'same') return { direction, delta: 0, percent: 0, text: '持平' };
  const { unit, decimals, percent: isPercent } = compareUnit(ctx, row.before);
  const sign = delta > 0 ? '+' : '−';
  const percent = isPercent || before === 0 ? null : (delta / before) * 100;
  const amount = `${sign}${formatGrouped(Math.abs(delta), isPercent ? 1 : decimals)}${isPercent ? ' 个百分点' : ` ${unit}`}`;
  return { direction, delta, percent, text: percent === null ? amount : `${amount}（${sign}${formatGrouped(Math.abs(percent), 1)}%）` };
}
