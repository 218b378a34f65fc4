import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatChineseMonth, fullYearsBetween, isIsoDate } from './dates.js';
import { normalizeNumberText, parseLooseNumber, roundTo } from './numbers.js';

describe('ISO dates', () => {
  it.each(['2024-02-29', '2023-12-31', '2000-02-29', '1999-01-01'])('%s is a date', (d) => {
    expect(isIsoDate(d)).toBe(true);
  });

  it.each(['2023-02-29', '1900-02-29', '2023-13-01', '2023-00-10', '2023-04-31', '2023-4-1', '2023/04/01', '2023年04月01日', '', '20230401', '2023-04-01T00:00:00Z'])(
    '%j is not a date',
    (d) => {
      expect(isIsoDate(d)).toBe(false);
    },
  );

  it('exports write 「XXXX年XX月XX日」 and months 「XXXX年XX月」', () => {
    expect(formatChineseDate('2023-04-05')).toBe('2023年04月05日');
    expect(formatChineseMonth('2023-04-05')).toBe('2023年04月');
    expect(formatChineseMonth('2023-04')).toBe('2023年04月');
    expect(formatChineseDate('not a date')).toBe('');
    expect(formatChineseMonth('')).toBe('');
  });

  it('counts whole years, before and on the anniversary', () => {
    expect(fullYearsBetween('2020-06-15', '2022-06-14')).toBe(1);
    expect(fullYearsBetween('2020-06-15', '2022-06-15')).toBe(2);
    expect(fullYearsBetween('2020-02-29', '2021-02-28')).toBe(0);
    expect(fullYearsBetween('2022-06-15', '2020-06-15')).toBe(-2);
    expect(fullYearsBetween('x', '2020-01-01')).toBeNaN();
  });
});

describe('typed numbers', () => {
  it('accepts thousands separators, full-width digits and surrounding spaces', () => {
    expect(parseLooseNumber(' 1,234.5 ')).toBe(1234.5);
    expect(parseLooseNumber('１２３４．５')).toBe(1234.5);
    expect(parseLooseNumber('－12')).toBe(-12);
    expect(normalizeNumberText(' 1 000 ')).toBe('1000');
  });

  it('refuses empty or non-numeric text', () => {
    expect(parseLooseNumber('')).toBeNull();
    expect(parseLooseNumber('12a')).toBeNull();
    expect(parseLooseNumber('1e5')).toBeNull();
    expect(parseLooseNumber('.5')).toBeNull();
  });

  it('rounds to decimals', () => {
    expect(roundTo(1234.567, 2)).toBe(1234.57);
    expect(roundTo(2.25, 1)).toBe(2.3);
    expect(roundTo(7, 2)).toBe(7);
  });
});
