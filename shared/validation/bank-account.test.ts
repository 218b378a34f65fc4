import { describe, expect, it } from 'vitest';
import { checkBankAccount, groupBankAccountDigits } from './bank-account.js';

describe('「账号」 checkBankAccount', () => {
  it('keeps the account as typed and shows its digits in groups of four', () => {
    expect(checkBankAccount(' 6222 0203 1234 5678 901 ')).toEqual({
      ok: true,
      typed: '6222 0203 1234 5678 901',
      digits: '6222020312345678901',
      display: '6222 0203 1234 5678 901',
    });
    expect(checkBankAccount('4500-1234-5678-9012-3456')).toEqual({
      ok: true,
      typed: '4500-1234-5678-9012-3456',
      digits: '45001234567890123456',
      display: '4500 1234 5678 9012 3456',
    });
  });

  it('accepts full-width digits and spaces as typed on a Chinese keyboard', () => {
    const r = checkBankAccount('６２２２\u3000０２０３\u3000１２３４');
    expect(r).toMatchObject({ ok: true, digits: '622202031234', display: '6222 0203 1234' });
  });

  it.each([
    ['', '请填写账号'],
    ['   ', '请填写账号'],
    ['6222O2031234', '账号只能包含数字（可用空格或短横线分隔）'],
    ['账号 6222020312345678', '账号只能包含数字（可用空格或短横线分隔）'],
    ['1234567', '账号应为 8–30 位数字，当前为 7 位'],
    ['1'.repeat(31), '账号应为 8–30 位数字，当前为 31 位'],
  ])('%j is refused: %s', (raw, message) => {
    expect(checkBankAccount(raw)).toEqual({ ok: false, message });
  });

  it('groups any digit string in fours, the last group shorter', () => {
    expect(groupBankAccountDigits('123456789')).toBe('1234 5678 9');
    expect(groupBankAccountDigits('12345678')).toBe('1234 5678');
  });
});
