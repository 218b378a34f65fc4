import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { USCC_ALPHABET, checkUscc, describeUsccProblem, normalizeUscc, usccCheckCharacter } from './uscc.js';

// An independent reading of GB 32100-2015 (rules.md), written from the text, not from uscc.ts:
// weights are 3^i mod 31, values come from the table, c = 31 − (Σ mod 31) and 31 becomes 0.
const VALUE_TABLE: Record<string, number> = {
  '0': 0, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7, '8': 8, '9': 9,
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, J: 18, K: 19, L: 20, M: 21, N: 22, P: 23, Q: 24,
  R: 25, T: 26, U: 27, W: 28, X: 29, Y: 30,
};
const CHAR_OF_VALUE = Object.fromEntries(Object.entries(VALUE_TABLE).map(([ch, v]) => [v, ch]));

function referenceCheckCharacter(first17: string): string {
  let weight = 1;
  let sum = 0;
  for (const ch of first17) {
    const value = VALUE_TABLE[ch];
    if (value === undefined) throw new Error(`not in the table: ${ch}`);
    sum += value * weight;
    weight = (weight * 3) % 31;
  }
  const c = 31 - (sum % 31);
  return CHAR_OF_VALUE[c === 31 ? 0 : c]!;
}

const VALID = [
  '91310115591693856A',
  '91310110666007217T',
  '91440101MA5CJQ4N59',
  '91110000MA01A7RH2R',
  '12440600MB2C07549J',
  '91350213678251743X',
];

describe('统一社会信用代码', () => {
  it('the weights in rules.md are 3^i mod 31', () => {
    const listed = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    expect(listed.map((_, i) => 3 ** i % 31)).toEqual(listed);
  });

  it('the alphabet is the 31 characters of the standard, without I O Z S V', () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    expect(USCC_ALPHABET).toBe(Object.keys(VALUE_TABLE).join(''));
    for (const banned of 'IOZSV') expect(USCC_ALPHABET).not.toContain(banned);
  });

  it.each(VALID)('accepts the valid example %s with no error and a correct check character', (code) => {
    const r = checkUscc(code);
    expect(r.error).toBeNull();
    expect(r.normalized).toBe(code);
    expect(r.warnings.filter((w) => w.kind === 'check-character')).toEqual([]);
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code.charAt(17));
    expect(referenceCheckCharacter(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it('the valid examples are all outside Guangxi, which is a warning (not an error)', () => {
    for (const code of VALID) {
      const r = checkUscc(code);
      expect(r.warnings).toEqual([{ kind: 'outside-guangxi', divisionCode: code.slice(2, 8) }]);
      expect(describeUsccProblem(r.warnings[0]!)).toContain('不在广西');
    }
  });

  it('a Guangxi code with a correct check character has no warning at all', () => {
    const first17 = '91450100MA5KA3RN4';
    const code = first17 + usccCheckCharacter(first17)!;
    expect(checkUscc(code)).toEqual({ normalized: code, error: null, warnings: [] });
  });

  it('accepts lower case and spaces (surrounding and inside), and normalizes to upper case', () => {
    expect(normalizeUscc('  9131 0115 5916 9385 6a ')).toBe('91310115591693856A');
    const r = checkUscc(' 91440101ma5cjq4n59\t');
    expect(r.error).toBeNull();
    expect(r.normalized).toBe('91440101MA5CJQ4N59');
  });

  it('empty input is an error asking to fill it in', () => {
    const r = checkUscc('   ');
    expect(r.error).toEqual({ kind: 'empty' });
    expect(describeUsccProblem(r.error!)).toBe('请填写统一社会信用代码');
  });

  it.each([
    ['9131011559169385', 16],
    ['91310115591693856AB', 19],
    ['1', 1],
  ])('wrong length %s is a hard error naming the length', (code, actual) => {
    const r = checkUscc(code);
    expect(r.error).toEqual({ kind: 'length', actual });
    expect(r.warnings).toEqual([]);
    expect(describeUsccProblem(r.error!)).toBe(`统一社会信用代码应为 18 位，当前为 ${actual} 位`);
  });

  it.each([
    ['91310115591693856I', 18, 'I'],
    ['O1310115591693856A', 1, 'O'],
    ['9131011559169385ZA', 17, 'Z'],
    ['91310115S91693856A', 9, 'S'],
    ['9131011559V693856A', 11, 'V'],
    ['91310115-91693856A', 9, '-'],
    ['9中310115591693856A', 2, '中'],
  ])('illegal character in %s is a hard error at position %i', (code, position, character) => {
    const r = checkUscc(code);
    expect(r.error).toEqual({ kind: 'illegal-character', position, character });
    expect(describeUsccProblem(r.error!)).toContain(`第 ${position} 位“${character}”`);
  });

  it('a lower-case illegal letter is reported upper-cased at its position', () => {
    expect(checkUscc('91310115591693856i').error).toEqual({ kind: 'illegal-character', position: 18, character: 'I' });
  });

  it('a wrong check character is a warning that names the expected character', () => {
    const r = checkUscc('91310115591693856B');
    expect(r.error).toBeNull();
    expect(r.warnings).toContainEqual({ kind: 'check-character', expected: 'A', actual: 'B' });
    const w = r.warnings.find((x) => x.kind === 'check-character')!;
    expect(describeUsccProblem(w)).toContain('校验位应为“A”');
  });

  it('the Fujian pilot code 91350100M0001TGQXM fails the checksum as a warning only', () => {
    const r = checkUscc('91350100M0001TGQXM');
    expect(r.error).toBeNull();
    expect(r.normalized).toBe('91350100M0001TGQXM');
    const kinds = r.warnings.map((w) => w.kind).sort();
    expect(kinds).toEqual(['check-character', 'outside-guangxi']);
    const expected = referenceCheckCharacter('91350100M0001TGQX');
    expect(expected).not.toBe('M');
    expect(r.warnings).toContainEqual({ kind: 'check-character', expected, actual: 'M' });
  });

  it('usccCheckCharacter returns null for characters outside the alphabet', () => {
    expect(usccCheckCharacter('9131011559169385I')).toBeNull();
  });

  it('agrees with the independent implementation on many random codes', () => {
    const first17 = fc.string({ unit: fc.constantFrom(...USCC_ALPHABET), minLength: 17, maxLength: 17 });
    fc.assert(
      fc.property(first17, (s) => {
        const check = usccCheckCharacter(s);
        expect(check).toBe(referenceCheckCharacter(s));
        const full = checkUscc(s + check!);
        expect(full.error).toBeNull();
        expect(full.warnings.some((w) => w.kind === 'check-character')).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('every other check character on a random code is flagged with the right expected character', () => {
    const first17 = fc.string({ unit: fc.constantFrom(...USCC_ALPHABET), minLength: 17, maxLength: 17 });
    fc.assert(
      fc.property(first17, fc.constantFrom(...USCC_ALPHABET), (s, last) => {
        const expected = referenceCheckCharacter(s);
        fc.pre(last !== expected);
        const r = checkUscc(s.toLowerCase() + last);
        expect(r.error).toBeNull();
        expect(r.warnings).toContainEqual({ kind: 'check-character', expected, actual: last });
      }),
      { numRuns: 2000 },
    );
  });
});
