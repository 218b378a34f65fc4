import { describe, expect, it } from 'vitest';
import { checkFields, readField } from './field-engine.js';
import type { FieldDefinition } from './field-definition.js';

const money: FieldDefinition = { key: 'fee', label: '技术服务报酬（元）', type: 'money' };
const month: FieldDefinition = { key: 'due', label: '完成时间', type: 'month' };
const tel: FieldDefinition = { key: 'fax', label: '传真', type: 'telephone' };

describe('the field engine', () => {
  it('money: typed in 元, stored as whole 分; more than two decimals, negatives and letters are refused, kept as typed', () => {
    expect(readField(money, '1,234.5')).toMatchObject({ stored: 123450, number: 123450 });
    expect(readField(money, '¥ ９９９,９９９,９９９,９９９.９９')).toMatchObject({ stored: 99_999_999_999_999 });
    expect(readField(money, 123450)).toMatchObject({ stored: 123450 });
    expect(readField(money, '1.234')).toMatchObject({ stored: '1.234', number: null, error: '金额最多两位小数（精确到分），当前有 3 位小数' });
    expect(readField(money, '-5')).toMatchObject({ error: '金额不能为负数' });
    expect(readField(money, '1000000000000')).toMatchObject({ error: '金额不能超过 999,999,999,999.99 元' });
    expect(readField(money, '五百')).toMatchObject({ stored: '五百', error: '金额只能包含数字、小数点和千位分隔符（如 1,234.50）' });
  });

  it('months: 「2025年6月」 and 2025-06 are stored 2025-06; 「2025年13月」 is refused', () => {
    expect(readField(month, '2025年6月').stored).toBe('2025-06');
    expect(readField(month, '2025-06').stored).toBe('2025-06');
    expect(readField(month, '2025年13月')).toMatchObject({ stored: '2025年13月', error: '月份应为 1–12，「13月」不存在' });
  });

  it('a telephone is normalised; an empty one is fine unless required', () => {
    expect(readField(tel, '0771 5551234').stored).toBe('0771-5551234');
    expect(readField(tel, '  ').stored).toBe('');
    expect(checkFields([{ ...tel, required: true }], { fax: '' }).issues).toEqual([{ field: 'fax', severity: 'error', message: '请填写「传真」' }]);
  });

  it('a value that fails a check is marked invalid and its number is not used', () => {
    const r = checkFields(
      [
        { key: 'total', label: '总数', type: 'integer', min: 0 },
        { key: 'part', label: '其中', type: 'integer', min: 0, lessOrEqual: 'total' },
      ],
      { total: 5, part: 6 },
    );
    expect([...r.invalid]).toEqual(['part']);
    expect(r.numbers).toEqual({ total: 5, part: null });
    expect(r.normalized.part).toBe(6);
  });
});
