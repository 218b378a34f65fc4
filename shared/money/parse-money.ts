// What consultants type into an amount field: 「1,234.5」, 「１２３４．５」, 「¥ 1 234.50」, 「1234元」.
import { normalizeNumberText } from '../validation/numbers.js';
import { MAX_FEN } from './fen.js';

export type MoneyParse = { ok: true; fen: number } | { ok: false; message: string };

export const MONEY_MESSAGES = {
  empty: '请填写金额',
  notANumber: '金额只能包含数字、小数点和千位分隔符（如 1,234.50）',
  negative: '金额不能为负数',
  tooLarge: '金额不能超过 999,999,999,999.99 元',
  tooManyDecimals: (n: number) => `金额最多两位小数（精确到分），当前有 ${n} 位小数`,
} as const;

/** Removes what may surround a figure in 元: a ¥/￥ sign or 人民币 before it, 元 after it. */
function stripCurrency(raw: string): string {
  return raw.trim().replace(/^(人民币|[¥￥])\s*/, '').replace(/\s*元$/, '');
}

/** Parses an amount in 元 to an integer number of 分, or says in Chinese why it cannot. Never rounds. */
export function parseYuanToFen(raw: string): MoneyParse {
  const text = normalizeNumberText(stripCurrency(raw));
  if (text === '') return { ok: false, message: MONEY_MESSAGES.empty };
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return { ok: false, message: MONEY_MESSAGES.notANumber };
  const [, sign, whole = '', fraction = ''] = m;
  if (sign === '-') return { ok: false, message: MONEY_MESSAGES.negative };
  if (fraction.length > 2) return { ok: false, message: MONEY_MESSAGES.tooManyDecimals(fraction.length) };
  // Compare as digit strings first: a 40-digit paste must not pass through a float on its way to the message.
  const wholeDigits = whole.replace(/^0+(?=\d)/, '') || '0';
  if (wholeDigits.length > 12) return { ok: false, message: MONEY_MESSAGES.tooLarge };
  const fen = Number(wholeDigits) * 100 + Number(fraction.padEnd(2, '0'));
  if (fen > MAX_FEN) return { ok: false, message: MONEY_MESSAGES.tooLarge };
  return { ok: true, fen };
}
