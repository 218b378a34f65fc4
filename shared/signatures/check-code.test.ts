import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { propertySeed } from '../../tests/support/property-seed.js';
import { formatCheckCode, formatCheckCodeLine, hashMatchesCheckCode, parseCheckCode } from './check-code.js';

const HASH = '3f2a91c07b4e5d6c8a9b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f7';

describe('the check code', () => {
  it('formats a hash and a revision as the footer prints it', () => {
    const code = formatCheckCode(HASH, 2);
    expect(code).toMatch(/^3F2A-91C0-7B4[0-9A-F]$/);
    expect(formatCheckCodeLine(HASH, 2)).toBe(`校验码 ${code} · 第 2 版`);
  });

  it('reads back the footer line, or the code with the revision typed apart, as people type it', () => {
    const line = formatCheckCodeLine(HASH, 2);
    const code = formatCheckCode(HASH, 2);
    const expected = { ok: true, code, hashPrefix: '3F2A91C07B4', revision: 2 };
    expect(parseCheckCode(line)).toEqual(expected);
    expect(parseCheckCode(code.toLowerCase().replace(/-/g, ' '), 2)).toEqual(expected);
    expect(parseCheckCode(code.replace(/-/g, ''), 2)).toEqual(expected);
    expect(parseCheckCode(`校验码：${code.replace(/0/g, 'O')}  第2版`)).toEqual(expected);
    const fullWidth = code.replace(/[0-9A-F-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    expect(parseCheckCode(`${fullWidth} 第２版`)).toEqual(expected);
  });

  it('the code names the hash it came from, and only that one', () => {
    const parsed = parseCheckCode(formatCheckCodeLine(HASH, 2));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(hashMatchesCheckCode(HASH, parsed)).toBe(true);
    expect(hashMatchesCheckCode(HASH.toUpperCase(), parsed)).toBe(true);
    expect(hashMatchesCheckCode(`0${HASH.slice(1)}`, parsed)).toBe(false);
  });

  it.each([
    ['', undefined, '请填写校验码，如 3F2A-91C0-7B4D'],
    ['3F2A-91C0', 2, '校验码应为 12 位（数字 0–9 和字母 A–F），如 3F2A-91C0-7B4D'],
    ['3F2A-91C0-7B4G', 2, '校验码应为 12 位（数字 0–9 和字母 A–F），如 3F2A-91C0-7B4D'],
    ['3F2A-91C0-7B4D', undefined, '请同时填写版本号（页脚「第 N 版」中的 N）'],
    ['3F2A-91C0-7B4D', 0, '版本号应为正整数'],
  ])('%j (revision %s) is refused: %s', (text, revision, message) => {
    expect(parseCheckCode(text, revision)).toEqual({ ok: false, message });
  });

  it('refuses a bad hash or revision when formatting', () => {
    expect(() => formatCheckCode('xyz', 1)).toThrow();
    expect(() => formatCheckCode(HASH, 0)).toThrow();
  });
});

describe('a code copied wrongly is caught', () => {
  const hex = '0123456789ABCDEF';
  const anyCode = fc.tuple(fc.stringMatching(/^[0-9a-f]{64}$/), fc.integer({ min: 1, max: 999 }));

  it('every single wrong character and every swap of two neighbours', () => {
    const seed = propertySeed('check code catches typos');
    fc.assert(
      fc.property(anyCode, ([hash, revision]) => {
        const chars = formatCheckCode(hash, revision).replace(/-/g, '');
        for (let i = 0; i < chars.length; i++) {
          for (const ch of hex) {
            if (ch === chars[i]) continue;
            const typo = chars.slice(0, i) + ch + chars.slice(i + 1);
            expect(parseCheckCode(typo, revision).ok).toBe(false);
          }
          if (i + 1 < chars.length && chars[i] !== chars[i + 1]) {
            const swapped = chars.slice(0, i) + chars[i + 1] + chars[i] + chars.slice(i + 2);
            expect(parseCheckCode(swapped, revision).ok).toBe(false);
          }
        }
        expect(parseCheckCode(chars, revision).ok).toBe(true);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('a revision with one wrong digit is always caught', () => {
    for (let r = 1; r <= 300; r++) {
      const chars = formatCheckCode(HASH, r);
      const digits = String(r);
      for (let i = 0; i < digits.length; i++) {
        for (const d of '0123456789') {
          const wrong = Number(digits.slice(0, i) + d + digits.slice(i + 1));
          if (d === digits[i] || wrong < 1 || String(wrong).length !== digits.length) continue;
          expect(parseCheckCode(chars, wrong).ok).toBe(false);
        }
      }
    }
  });
});
