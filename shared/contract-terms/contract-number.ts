// Issuing contract numbers from a pattern: render, read back, and the next number that was never issued.
import { DEVICE_CODE_PATTERN } from './device-code.js';
import type { ContractNumberPattern, PatternPart } from './contract-number-pattern.js';

export interface NumberContext {
  /** The contract's date (ISO YYYY-MM-DD) that {yyyy} {yy} {mm} read. */
  date: string;
  /** This device's code for {device}. */
  deviceCode?: string;
}

function dateFields(date: string): { yyyy: string; mm: string } {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  if (!m) throw new RangeError(`日期应为 YYYY-MM-DD：${date}`);
  return { yyyy: m[1]!, mm: m[2]! };
}

function renderPart(part: PatternPart, ctx: NumberContext, seq: string): string {
  const { yyyy, mm } = dateFields(ctx.date);
  switch (part.kind) {
    case 'literal':
      return part.text;
    case 'year4':
      return yyyy;
    case 'year2':
      return yyyy.slice(2);
    case 'month':
      return mm;
    case 'device':
      if (!ctx.deviceCode || !DEVICE_CODE_PATTERN.test(ctx.deviceCode)) throw new RangeError(`设备代码应为两个大写字母：${ctx.deviceCode ?? '（无）'}`);
      return ctx.deviceCode;
    case 'seq':
      return seq;
  }
}

const SEQ_SLOT = '\u0000';

/** The number with its sequence left open: numbers in one scope share a counter (a new year starts at 1). */
export function contractNumberScope(pattern: ContractNumberPattern, ctx: NumberContext): string {
  return pattern.parts.map((p) => renderPart(p, ctx, SEQ_SLOT)).join('');
}

/** 「GXPY-2025-007」 for seq 7. A sequence wider than the pattern's width is written in full (1000). */
export function renderContractNumber(pattern: ContractNumberPattern, ctx: NumberContext, seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`流水号应为正整数：${seq}`);
  return pattern.parts.map((p) => renderPart(p, ctx, p.kind === 'seq' ? String(seq).padStart(p.width, '0') : '')).join('');
}

function partRegex(part: PatternPart): string {
  switch (part.kind) {
    case 'literal':
      return part.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    case 'year4':
      return '\\d{4}';
    case 'year2':
      return '\\d{2}';
    case 'month':
      return '(?:0[1-9]|1[0-2])';
    case 'device':
      return '[A-HJ-NP-Z]{2}';
    case 'seq':
      return `\\d{${part.width},}`;
  }
}

/** Reads a number back: its sequence and its scope, or null when it was not made by this pattern. */
export function matchContractNumber(pattern: ContractNumberPattern, number: string): { seq: number; scope: string } | null {
  const m = new RegExp(`^${pattern.parts.map((p) => `(${partRegex(p)})`).join('')}$`).exec(number.trim());
  if (!m) return null;
  const pieces = pattern.parts.map((_, i) => m[i + 1]!);
  const seqIndex = pattern.parts.findIndex((p) => p.kind === 'seq');
  return {
    seq: Number(pieces[seqIndex]),
    scope: pieces.map((piece, i) => (i === seqIndex ? SEQ_SLOT : piece)).join(''),
  };
}

/**
 * The next number in this device's scope. `issued`: every number this device knows of — deleted drafts and
 * numbers pulled from other devices too — so a number is never reused. A number from an older pattern that
 * happens to equal the candidate is stepped over.
 */
export function nextContractNumber(pattern: ContractNumberPattern, ctx: NumberContext, issued: Iterable<string>): string {
  const scope = contractNumberScope(pattern, ctx);
  const known = new Set<string>();
  let highest = 0;
  for (const number of issued) {
    known.add(number.trim());
    const m = matchContractNumber(pattern, number);
    if (m && m.scope === scope && m.seq > highest) highest = m.seq;
  }
  let seq = highest + 1;
  while (known.has(renderContractNumber(pattern, ctx, seq))) seq++;
  return renderContractNumber(pattern, ctx, seq);
}
