// 第七条 「每日按应付款总额的__%计算」: a percentage typed as 「0.05」 or 「0.05%」; at most 100 %, at most 4 decimals
// (0.0005 % a day is already below any rate agreed in practice).
import { normalizeNumberText } from '../validation/numbers.js';

export type InterestRateParse = { ok: true; percent: number; text: string } | { ok: false; message: string };

export function parseDailyInterestRate(raw: string): InterestRateParse {
  const text = normalizeNumberText(raw.replace(/[%％]\s*$/, ''));
  if (text === '') return { ok: false, message: '请填写逾期利率' };
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return { ok: false, message: '逾期利率应为数字，如 0.05（表示每日 0.05%）' };
  if (m[1] === '-') return { ok: false, message: '逾期利率不能为负数' };
  if ((m[3] ?? '').length > 4) return { ok: false, message: '逾期利率最多保留四位小数' };
  const percent = Number(`${m[2] || '0'}.${m[3] || '0'}`);
  if (percent > 100) return { ok: false, message: '逾期利率不能超过 100%' };
  return { ok: true, percent, text: String(percent) };
}
