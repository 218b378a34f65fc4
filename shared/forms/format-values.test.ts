import { describe, expect, it } from 'vitest';
import { groupNumberText } from './format-values.js';

describe('groupNumberText: a number reads the same in the form whether filled in or typed', () => {
  it('groups the whole part by thousands and keeps the decimals as given', () => {
    expect(groupNumberText('8200')).toBe('8,200');
    expect(groupNumberText('9,020')).toBe('9,020');
    expect(groupNumberText('1234567.50')).toBe('1,234,567.50');
    expect(groupNumberText('-12000.5')).toBe('-12,000.5');
    expect(groupNumberText('999')).toBe('999');
  });

  it('reads full-width digits and Chinese separators as the check does', () => {
    expect(groupNumberText('１２３４．５０')).toBe('1,234.50');
    expect(groupNumberText(' 9，020 ')).toBe('9,020');
  });

  it('leaves text that is not a plain number as it is typed', () => {
    for (const text of ['', '12a', '1.2.3', '约100', '1e21']) expect(groupNumberText(text)).toBe(text);
  });
});
