import { describe, expect, it } from 'vitest';
import { formatFen, formatFenWithSymbol } from './format-money.js';
import { parseYuanToFen } from './parse-money.js';
import { MAX_FEN } from './fen.js';

describe('formatFen', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [50, '0.50'],
    [123450, '1,234.50'],
    [100000, '1,000.00'],
    [99999, '999.99'],
    [MAX_FEN, '999,999,999,999.99'],
    [-120000, '-1,200.00'],
  ])('%d 分 → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('with the ¥ sign, the minus before it', () => {
    expect(formatFenWithSymbol(120000)).toBe('¥1,200.00');
    expect(formatFenWithSymbol(-120000)).toBe('-¥1,200.00');
  });

  it('what it prints parses back to the same 分', () => {
    for (const fen of [0, 1, 99, 100, 123456789, MAX_FEN]) expect(parseYuanToFen(formatFenWithSymbol(fen))).toEqual({ ok: true, fen });
  });

  it('refuses a fraction of a 分', () => {
    expect(() => formatFen(1.5)).toThrow();
  });
});
