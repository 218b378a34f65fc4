// The agency's contract-number pattern, e.g. 「GXPY-{yyyy}-{seq:3}」 or 「桂孵〔{yyyy}〕{device}{seq:3}号」.
// Why numbers carry a device code when several laptops issue them offline: docs/contract-numbers.md.

export const DEFAULT_CONTRACT_NUMBER_PATTERN = 'GXPY-{yyyy}-{seq:3}';
/** The default once more than one device issues numbers (sync set up): unique without asking a server. */
export const DEFAULT_MULTI_DEVICE_PATTERN = 'GXPY-{yyyy}-{device}{seq:3}';

export type PatternPart =
  | { kind: 'literal'; text: string }
  | { kind: 'year4' }
  | { kind: 'year2' }
  | { kind: 'month' }
  | { kind: 'device' }
  | { kind: 'seq'; width: number };

export interface ContractNumberPattern {
  source: string;
  parts: PatternPart[];
}

export type PatternParse = { ok: true; pattern: ContractNumberPattern } | { ok: false; message: string };

const TOKEN_LIST = '{yyyy} {yy} {mm} {seq:N} {device}';
const MAX_PATTERN_LENGTH = 40;
const MAX_SEQ_WIDTH = 6;
// Numbers end up in file names and on paper: no spaces, no characters Windows forbids in a file name.
const FORBIDDEN = /[\s/\\:*?"<>|]/;

function tokenPart(name: string): PatternPart | string {
  if (name === 'yyyy') return { kind: 'year4' };
  if (name === 'yy') return { kind: 'year2' };
  if (name === 'mm') return { kind: 'month' };
  if (name === 'device') return { kind: 'device' };
  if (name === 'seq') return '流水号需写明位数，如 {seq:3}';
  const seq = /^seq:(\d+)$/.exec(name);
  if (seq) {
    const width = Number(seq[1]);
    if (width < 1 || width > MAX_SEQ_WIDTH) return `流水号位数应为 1–${MAX_SEQ_WIDTH}，「{${name}}」不行`;
    return { kind: 'seq', width };
  }
  return `「{${name}}」不是可用的占位符，可用：${TOKEN_LIST}`;
}

function startsWithDigit(part: PatternPart | undefined): boolean {
  if (!part) return false;
  if (part.kind === 'literal') return /^\d/.test(part.text);
  return part.kind === 'year4' || part.kind === 'year2' || part.kind === 'month' || part.kind === 'seq';
}

function splitIntoParts(source: string): PatternPart[] | string {
  const parts: PatternPart[] = [];
  let literal = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '}') return '编号规则中的花括号不成对';
    if (ch !== '{') {
      literal += ch;
      continue;
    }
    const close = source.indexOf('}', i);
    const nextOpen = source.indexOf('{', i + 1);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) return '编号规则中的花括号不成对';
    const part = tokenPart(source.slice(i + 1, close));
    if (typeof part === 'string') return part;
    if (literal) parts.push({ kind: 'literal', text: literal });
    literal = '';
    parts.push(part);
    i = close;
  }
  if (literal) parts.push({ kind: 'literal', text: literal });
  return parts;
}

/**
 * Checks an agency's pattern. `multipleDevices`: more than one device issues numbers (sync is set up), so the
 * pattern must contain {device} or two laptops offline could issue the same number.
 */
export function parseContractNumberPattern(source: string, options: { multipleDevices?: boolean } = {}): PatternParse {
  const text = source.trim();
  if (text === '') return { ok: false, message: '请填写合同编号规则' };
  if (text.length > MAX_PATTERN_LENGTH) return { ok: false, message: `编号规则不能超过 ${MAX_PATTERN_LENGTH} 个字符` };
  const parts = splitIntoParts(text);
  if (typeof parts === 'string') return { ok: false, message: parts };
  if (parts.some((p) => p.kind === 'literal' && FORBIDDEN.test(p.text))) {
    return { ok: false, message: '编号规则不能包含空格或字符 / \\ : * ? " < > |' };
  }
  const seqAt = parts.flatMap((p, i) => (p.kind === 'seq' ? [i] : []));
  if (seqAt.length === 0) return { ok: false, message: '编号规则必须包含流水号 {seq:N}，否则编号会重复' };
  if (seqAt.length > 1) return { ok: false, message: '编号规则只能包含一个流水号 {seq:N}' };
  // The sequence may outgrow its width (1000 after 999): a digit right after it would make numbers ambiguous.
  if (startsWithDigit(parts[seqAt[0]! + 1])) return { ok: false, message: '流水号后面紧跟数字，编号无法区分，请加分隔符（如 -）' };
  if (options.multipleDevices && !parts.some((p) => p.kind === 'device')) {
    return { ok: false, message: '多台电脑编号时，规则中须包含本机代码 {device}（如 GXPY-{yyyy}-{device}{seq:3}），否则离线时可能编出重复的合同编号' };
  }
  return { ok: true, pattern: { source: text, parts } };
}

export function patternUsesDevice(pattern: ContractNumberPattern): boolean {
  return pattern.parts.some((p) => p.kind === 'device');
}
