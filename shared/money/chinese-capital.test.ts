import { describe, expect, it } from 'vitest';
import { toChineseCapital } from './chinese-capital.js';
import { MAX_FEN } from './fen.js';

const yuan = (text: string) => Math.round(Number(text) * 100);

describe('toChineseCapital: the PBOC examples and the rules of rules.md', () => {
  it.each([
    // rules.md
    ['10000', '壹万元整'],
    ['10.50', '壹拾元伍角整'],
    ['16409.02', '壹万陆仟肆佰零玖元零贰分'],
    ['100000', '壹拾万元整'],
    ['10500', '壹万零伍佰元整'],
    ['1005', '壹仟零伍元整'],
    ['1.05', '壹元零伍分'],
    ['0', '零元整'],
    // 《正确填写票据和结算凭证的基本规定》 examples (where it allows two forms, the one without the optional 零)
    ['1409.50', '壹仟肆佰零玖元伍角整'],
    ['6007.14', '陆仟零柒元壹角肆分'],
    ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
    ['107000.53', '壹拾万柒仟元伍角叁分'],
    ['325.04', '叁佰贰拾伍元零肆分'],
  ])('¥%s → %s', (figure, words) => {
    expect(toChineseCapital(yuan(figure))).toBe(words);
  });

  it('an amount below one 元 has no 元 and no leading 零: 0.50 → 伍角, 0.05 → 伍分, 0.55 → 伍角伍分', () => {
    // rules.md's own example: 0 元 5 角 → 伍角 (整 closes an amount that reached 元: 壹拾元伍角整).
    expect(toChineseCapital(50)).toBe('伍角');
    expect(toChineseCapital(5)).toBe('伍分');
    expect(toChineseCapital(55)).toBe('伍角伍分');
  });

  it('整 never follows 分', () => {
    expect(toChineseCapital(1)).toBe('壹分');
    expect(toChineseCapital(10001)).toBe('壹佰元零壹分');
  });

  it('10–19 keep the 壹 of 壹拾, also inside a larger amount', () => {
    expect(toChineseCapital(yuan('10'))).toBe('壹拾元整');
    expect(toChineseCapital(yuan('19'))).toBe('壹拾玖元整');
    expect(toChineseCapital(yuan('1000000010'))).toBe('壹拾亿零壹拾元整');
  });

  it('a zero group between non-zero groups reads one 零; trailing zero groups are silent', () => {
    expect(toChineseCapital(yuan('100000500'))).toBe('壹亿零伍佰元整');
    expect(toChineseCapital(yuan('100010000'))).toBe('壹亿零壹万元整');
    expect(toChineseCapital(yuan('100000000'))).toBe('壹亿元整');
    expect(toChineseCapital(yuan('1004000'))).toBe('壹佰万肆仟元整');
    expect(toChineseCapital(yuan('3000000'))).toBe('叁佰万元整');
  });

  it('the largest amount and the limits', () => {
    expect(toChineseCapital(MAX_FEN)).toBe('玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分');
    expect(() => toChineseCapital(MAX_FEN + 1)).toThrow(/金额超出范围/);
    expect(() => toChineseCapital(-1)).toThrow(/金额超出范围/);
    expect(() => toChineseCapital(1.5)).toThrow(/金额超出范围/);
    expect(() => toChineseCapital(Number.NaN)).toThrow(/金额超出范围/);
  });
});
