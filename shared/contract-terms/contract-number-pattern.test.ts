import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTRACT_NUMBER_PATTERN, DEFAULT_MULTI_DEVICE_PATTERN, parseContractNumberPattern } from './contract-number-pattern.js';

describe('parseContractNumberPattern', () => {
  it('reads the default pattern into parts', () => {
    expect(parseContractNumberPattern(DEFAULT_CONTRACT_NUMBER_PATTERN)).toEqual({
      ok: true,
      pattern: {
        source: 'GXPY-{yyyy}-{seq:3}',
        parts: [{ kind: 'literal', text: 'GXPY-' }, { kind: 'year4' }, { kind: 'literal', text: '-' }, { kind: 'seq', width: 3 }],
      },
    });
  });

  it.each(['GXPY-{yyyy}-{device}{seq:3}', '桂孵〔{yyyy}〕{seq:2}号', '{yy}{mm}-{seq:4}', 'HT{yyyy}{mm}{device}-{seq:1}', '  GXPY-{yyyy}-{seq:3}  '])('accepts %j', (source) => {
    expect(parseContractNumberPattern(source).ok).toBe(true);
  });

  it.each([
    ['', '请填写合同编号规则'],
    ['GXPY-{yyyy}', '编号规则必须包含流水号 {seq:N}，否则编号会重复'],
    ['{seq:3}-{seq:2}', '编号规则只能包含一个流水号 {seq:N}'],
    ['GXPY-{seq}', '流水号需写明位数，如 {seq:3}'],
    ['GXPY-{seq:0}', '流水号位数应为 1–6，「{seq:0}」不行'],
    ['GXPY-{seq:7}', '流水号位数应为 1–6，「{seq:7}」不行'],
    ['GXPY-{year}-{seq:3}', '「{year}」不是可用的占位符，可用：{yyyy} {yy} {mm} {seq:N} {device}'],
    ['GXPY-{yyyy-{seq:3}', '编号规则中的花括号不成对'],
    ['GXPY-yyyy}-{seq:3}', '编号规则中的花括号不成对'],
    ['GXPY-{yyyy}-{seq:3', '编号规则中的花括号不成对'],
    ['GXPY {yyyy}-{seq:3}', '编号规则不能包含空格或字符 / \\ : * ? " < > |'],
    ['GXPY/{yyyy}/{seq:3}', '编号规则不能包含空格或字符 / \\ : * ? " < > |'],
    ['{seq:3}{yyyy}', '流水号后面紧跟数字，编号无法区分，请加分隔符（如 -）'],
    ['{seq:3}2025', '流水号后面紧跟数字，编号无法区分，请加分隔符（如 -）'],
    [`${'X'.repeat(35)}-{seq:3}`, '编号规则不能超过 40 个字符'],
  ])('refuses %j: %s', (source, message) => {
    expect(parseContractNumberPattern(source)).toEqual({ ok: false, message });
  });

  it('with several devices the pattern must carry {device}', () => {
    const r = parseContractNumberPattern(DEFAULT_CONTRACT_NUMBER_PATTERN, { multipleDevices: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('{device}');
    expect(parseContractNumberPattern(DEFAULT_MULTI_DEVICE_PATTERN, { multipleDevices: true }).ok).toBe(true);
  });
});
