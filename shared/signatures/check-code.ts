// The short code printed in the footer of every page of a signed document: 「校验码 3F2A-91C0-7B4D · 第 2 版」.
// Eleven hex digits of the document's SHA-256 content hash and one check character computed over those digits and
// the revision, so a code copied by hand from paper with one wrong character, or two neighbours swapped, or with
// the wrong revision, is caught before anything is looked up (docs/check-code.md). The check is Damm's algorithm
// over GF(16) (x∘y = 2x ⊕ y), which catches every single substitution and every adjacent transposition.
import { toHalfWidth } from '../validation/half-width.js';

export const CHECK_CODE_HASH_DIGITS = 11;
const HEX = '0123456789ABCDEF';

export interface CheckCode {
  /** 「3F2A-91C0-7B4D」 */
  code: string;
  /** The hash digits it carries, upper case: a document matches when its hash starts with them. */
  hashPrefix: string;
  revision: number;
}

export type CheckCodeParse = ({ ok: true } & CheckCode) | { ok: false; message: string };

/** Multiplication in GF(16) modulo x⁴ + x + 1. */
function gf16Multiply(a: number, b: number): number {
  let product = 0;
  for (let i = 0; i < 4; i++) {
    if (b & 1) product ^= a;
    b >>= 1;
    a <<= 1;
    if (a & 0x10) a ^= 0x13;
  }
  return product;
}

function dammInterim(values: readonly number[]): number {
  let interim = 0;
  for (const v of values) interim = gf16Multiply(2, interim) ^ v;
  return interim;
}

function checkedValues(hashPrefix: string, revision: number): number[] {
  return [...hashPrefix].map((ch) => HEX.indexOf(ch)).concat([...String(revision)].map(Number));
}

function checkCharacter(hashPrefix: string, revision: number): string {
  // The character c that brings the interim to 0: 2·interim ⊕ c = 0.
  return HEX[gf16Multiply(2, dammInterim(checkedValues(hashPrefix, revision)))]!;
}

function assertRevision(revision: number): void {
  if (!Number.isSafeInteger(revision) || revision < 1) throw new RangeError(`版本号应为正整数：${revision}`);
}

/** 「3F2A-91C0-7B4D」 for a SHA-256 hash (hex) and a revision (from 1). */
export function formatCheckCode(hashHex: string, revision: number): string {
  assertRevision(revision);
  const prefix = hashHex.slice(0, CHECK_CODE_HASH_DIGITS).toUpperCase();
  if (!/^[0-9A-F]{11}$/.test(prefix)) throw new RangeError('内容哈希应为十六进制（SHA-256）');
  const chars = prefix + checkCharacter(prefix, revision);
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** The footer line: 「校验码 3F2A-91C0-7B4D · 第 2 版」. */
export function formatCheckCodeLine(hashHex: string, revision: number): string {
  return `校验码 ${formatCheckCode(hashHex, revision)} · 第 ${revision} 版`;
}

const LOOKALIKES: Record<string, string> = { O: '0', I: '1', L: '1' };

/**
 * Reads a code as a person types it from paper: the whole footer line or just the code, any case, with or
 * without dashes or spaces, full-width characters, O for 0 and I/L for 1. The revision comes from 「第 N 版」 in
 * the text, or from `revision` when it was typed into a field of its own.
 */
export function parseCheckCode(text: string, revision?: number): CheckCodeParse {
  let rest = toHalfWidth(text).toUpperCase();
  const inText = /第\s*(\d+)\s*版/.exec(rest);
  if (inText) rest = rest.replace(inText[0], '');
  const rev = inText ? Number(inText[1]) : revision;
  const chars = rest
    .replace(/校验码[:：]?/g, '')
    .replace(/[\s\-·•.]/g, '')
    .replace(/[OIL]/g, (ch) => LOOKALIKES[ch]!);
  if (chars === '') return { ok: false, message: '请填写校验码，如 3F2A-91C0-7B4D' };
  if (!/^[0-9A-F]{12}$/.test(chars)) return { ok: false, message: '校验码应为 12 位（数字 0–9 和字母 A–F），如 3F2A-91C0-7B4D' };
  if (rev === undefined) return { ok: false, message: '请同时填写版本号（页脚「第 N 版」中的 N）' };
  if (!Number.isSafeInteger(rev) || rev < 1) return { ok: false, message: '版本号应为正整数' };
  const hashPrefix = chars.slice(0, CHECK_CODE_HASH_DIGITS);
  if (checkCharacter(hashPrefix, rev) !== chars[CHECK_CODE_HASH_DIGITS]) {
    return { ok: false, message: '校验码与版本号对不上：请核对是否抄错了某个字符或版本号' };
  }
  return { ok: true, code: `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`, hashPrefix, revision: rev };
}

/** Whether a document's full content hash (hex) is the one a parsed code names. */
export function hashMatchesCheckCode(hashHex: string, code: CheckCode): boolean {
  return hashHex.toUpperCase().startsWith(code.hashPrefix);
}
