// 人民币大写 by the People's Bank of China's rules for bills (docs/money.md has the rules with examples):
// 整 after an amount ending at 元 or 角, never after 分; 零 between 元 and 分 when 角 is zero; one 零 per run of
// zeros inside a group or per zero group between non-zero groups; trailing zeros of a group are silent; 壹拾 keeps 壹.
import { assertValidFen } from './fen.js';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['仟', '佰', '拾', ''] as const;
const GROUPS = ['亿', '万', ''] as const;

function digit(n: number): string {
  return DIGITS[n]!;
}

/** The 元 part in words without 元, or '' for 0. At most 12 digits (三 groups of four: 亿, 万, units). */
function yuanWords(yuan: number): string {
  const padded = String(yuan).padStart(12, '0');
  let out = '';
  let zeroPending = false;
  for (let g = 0; g < 3; g++) {
    const group = padded.slice(g * 4, g * 4 + 4);
    if (group === '0000') {
      // A whole zero group between non-zero groups reads one 零 — but only if something non-zero follows.
      if (out !== '') zeroPending = true;
      continue;
    }
    for (let p = 0; p < 4; p++) {
      const d = Number(group[p]);
      if (d === 0) {
        if (out !== '') zeroPending = true;
        continue;
      }
      if (zeroPending) out += '零';
      zeroPending = false;
      out += digit(d) + PLACES[p];
    }
    out += GROUPS[g];
    // Trailing zeros of a group are silent: 壹拾万元整, not 壹拾万零元整.
    zeroPending = false;
  }
  return out;
}

/** 人民币大写 of an amount in 分: 16409.02 元 → 「壹万陆仟肆佰零玖元零贰分」; 0 → 「零元整」. Throws outside 0…999 999 999 999.99. */
export function toChineseCapital(fen: number): string {
  assertValidFen(fen);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cent = fen % 10;
  if (fen === 0) return '零元整';
  const whole = yuan > 0 ? `${yuanWords(yuan)}元` : '';
  if (jiao === 0 && cent === 0) return `${whole}整`;
  // rules.md: 壹拾元伍角整, but 0.50 → 伍角 (the amount never reached 元, so nothing ends there to close with 整).
  if (cent === 0) return yuan > 0 ? `${whole}${digit(jiao)}角整` : `${digit(jiao)}角`;
  if (jiao === 0) return `${whole}${yuan > 0 ? '零' : ''}${digit(cent)}分`;
  return `${whole}${digit(jiao)}角${digit(cent)}分`;
}
