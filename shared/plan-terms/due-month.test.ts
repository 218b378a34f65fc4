import { describe, expect, it } from 'vitest';
import { formatDueMonth, formatTaskHeading, parseDueMonth } from './due-month.js';

describe('due months', () => {
  it.each([
    ['2025年06月', '2025-06'],
    ['2025年6月', '2025-06'],
    ['2025年06月前', '2025-06'],
    [' 2025 年 12 月底 ', '2025-12'],
    ['2025-06', '2025-06'],
    ['2025.6', '2025-06'],
    ['2025/06', '2025-06'],
    ['２０２５年０６月', '2025-06'],
  ])('%j → %s', (raw, month) => {
    expect(parseDueMonth(raw)).toEqual({ ok: true, month });
  });

  it.each([
    ['', '请填写完成月份，如 2025年06月'],
    ['2025年13月', '月份应为 1–12，「13月」不存在'],
    ['2025年00月', '月份应为 1–12，「00月」不存在'],
    ['1999年06月', '年份应在 2000–2099 之间'],
    ['25年6月', '月份格式不对，应为 XXXX年XX月，如 2025年06月'],
    ['六月', '月份格式不对，应为 XXXX年XX月，如 2025年06月'],
    ['2025年06月15日', '月份格式不对，应为 XXXX年XX月，如 2025年06月'],
  ])('%j is refused: %s', (raw, message) => {
    expect(parseDueMonth(raw)).toEqual({ ok: false, message });
  });

  it('prints the standard’s form', () => {
    expect(formatDueMonth('2025-06')).toBe('2025年06月');
    expect(formatDueMonth('2025-06-18')).toBe('2025年06月');
    expect(formatDueMonth('')).toBe('');
    expect(formatTaskHeading(0, '2025-06')).toBe('任务1：2025年06月前');
    expect(formatTaskHeading(3, null)).toBe('任务4：XXXX年XX月前');
  });
});
