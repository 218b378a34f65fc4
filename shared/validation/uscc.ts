// 统一社会信用代码 (GB 32100-2015): 18 characters, check character at position 18.

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccProblem =
  | { kind: 'empty' }
  | { kind: 'length'; actual: number }
  | { kind: 'illegal-character'; position: number; character: string }
  | { kind: 'check-character'; expected: string; actual: string }
  | { kind: 'outside-guangxi'; divisionCode: string };

export interface UsccResult {
  /** Upper-cased, trimmed value: what gets stored. */
  normalized: string;
  /** Hard errors: length and character set. */
  error: UsccProblem | null;
  /** Soft problems the consultant may confirm and keep: a wrong check character, a division code outside Guangxi. */
  warnings: UsccProblem[];
}

export function normalizeUscc(raw: string): string {
  return raw.trim().replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 characters, or null when one of them is not in the alphabet. */
export function usccCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const c = 31 - (sum % 31);
  return USCC_ALPHABET.charAt(c === 31 ? 0 : c);
}

export function checkUscc(raw: string): UsccResult {
  const normalized = normalizeUscc(raw);
  if (normalized.length === 0) return { normalized, error: { kind: 'empty' }, warnings: [] };
  if (normalized.length !== 18) {
    return { normalized, error: { kind: 'length', actual: normalized.length }, warnings: [] };
  }
  for (let i = 0; i < 18; i++) {
    const ch = normalized.charAt(i);
    if (!USCC_ALPHABET.includes(ch)) {
      return { normalized, error: { kind: 'illegal-character', position: i + 1, character: ch }, warnings: [] };
    }
  }
  const warnings: UsccProblem[] = [];
  const expected = usccCheckCharacter(normalized.slice(0, 17));
  const actual = normalized.charAt(17);
  if (expected !== null && expected !== actual) warnings.push({ kind: 'check-character', expected, actual });
  const divisionCode = normalized.slice(2, 8);
  if (!divisionCode.startsWith('45')) warnings.push({ kind: 'outside-guangxi', divisionCode });
  return { normalized, error: null, warnings };
}

export function describeUsccProblem(problem: UsccProblem): string {
  switch (problem.kind) {
    case 'empty':
      return '请填写统一社会信用代码';
    case 'length':
      return `统一社会信用代码应为 18 位，当前为 ${problem.actual} 位`;
    case 'illegal-character':
      return `第 ${problem.position} 位“${problem.character}”不是合法字符（不使用 I、O、Z、S、V）`;
    case 'check-character':
      return `校验位应为“${problem.expected}”，当前为“${problem.actual}”。如确认证照上即为此代码（如早期试点代码），可勾选确认后保存`;
    case 'outside-guangxi':
      return `登记管理机关行政区划码 ${problem.divisionCode} 不在广西（45 开头）。§4.1.1 要求在广西注册，请核实`;
  }
}
