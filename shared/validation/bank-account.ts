// 乙方's 「账号」 (第四条). Kept exactly as typed — a consultant copies it from a letterhead and must see it back the
// same way — and shown or printed as digits in groups of four, the way bank cards and statements show it.
// Chinese corporate accounts vary in length (from about 8 to 30 digits) and carry no common check digit, so
// only the characters and the length are checked.
import { toHalfWidth } from './half-width.js';

export type BankAccountCheck =
  | { ok: true; typed: string; digits: string; display: string }
  | { ok: false; message: string };

const MIN_DIGITS = 8;
const MAX_DIGITS = 30;

/** 「6222 0203 1234 5678 901」: digits in groups of four, for display and export. */
export function groupBankAccountDigits(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export function checkBankAccount(raw: string): BankAccountCheck {
  const typed = raw.trim();
  if (typed === '') return { ok: false, message: '请填写账号' };
  const ascii = toHalfWidth(typed);
  if (!/^[\d\s-]+$/.test(ascii)) return { ok: false, message: '账号只能包含数字（可用空格或短横线分隔）' };
  const digits = ascii.replace(/\D/g, '');
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) {
    return { ok: false, message: `账号应为 ${MIN_DIGITS}–${MAX_DIGITS} 位数字，当前为 ${digits.length} 位` };
  }
  return { ok: true, typed, digits, display: groupBankAccountDigits(digits) };
}
