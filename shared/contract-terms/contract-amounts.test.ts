import { describe, expect, it } from 'vitest';
import { checkInstalments, type InstalmentInput } from './instalments.js';
import { checkCopies } from './copies.js';
import { parseDailyInterestRate } from './interest-rate.js';

const inst = (amountFen: number | null, dueDate: string | null = '2025-07-01', milestone = ''): InstalmentInput => ({ amountFen, dueDate, milestone });

describe('checkInstalments (第四条 分期)', () => {
  it('instalments that add up to the fee pass', () => {
    expect(checkInstalments(1_000_000, [inst(600_000), inst(400_000, null, '验收合格后 10 日内')])).toEqual([]);
  });

  it('says how much is missing', () => {
    expect(checkInstalments(1_000_000, [inst(500_000), inst(380_000)])).toEqual([
      { field: 'instalments', severity: 'error', message: '分期金额合计 ¥8,800.00，还差 ¥1,200.00 才等于技术服务报酬 ¥10,000.00' },
    ]);
  });

  it('says how much is too much, to the 分', () => {
    expect(checkInstalments(1_000_000, [inst(500_000), inst(500_001)])).toEqual([
      { field: 'instalments', severity: 'error', message: '分期金额合计 ¥10,000.01，比技术服务报酬 ¥10,000.00 多出 ¥0.01' },
    ]);
  });

  it('an instalment needs an amount above 0 and a date or a milestone', () => {
    const issues = checkInstalments(1_000_000, [inst(0, null), inst(1_000_000)]);
    expect(issues.map((i) => i.field)).toEqual(['instalments[0].amount', 'instalments[0].due']);
  });

  it('at least two instalments', () => {
    expect(checkInstalments(100, [inst(100)])).toEqual([{ field: 'instalments', severity: 'error', message: '分期付款至少应有两期；一次付清请选择「一次」' }]);
  });

  it('no sum is judged while the fee or an amount is missing (their own fields say why)', () => {
    expect(checkInstalments(null, [inst(1), inst(2)])).toEqual([]);
    expect(checkInstalments(1_000, [inst(null), inst(2)])).toEqual([]);
  });
});

describe('checkCopies (第十三条)', () => {
  it('the shares add up', () => {
    expect(checkCopies({ total: 4, partyA: 2, partyB: 2 })).toEqual([]);
  });

  it('a mismatch is placed on the total', () => {
    expect(checkCopies({ total: 5, partyA: 2, partyB: 2 })).toEqual([
      { field: 'copiesTotal', severity: 'error', message: '一式 5 份应等于甲方执 2 份与乙方执 2 份之和（4 份）' },
    ]);
  });

  it('each count is a whole number from 1', () => {
    expect(checkCopies({ total: null, partyA: 0, partyB: 1.5 })).toEqual([
      { field: 'copiesTotal', severity: 'error', message: '请填写一式份数' },
      { field: 'copiesPartyA', severity: 'error', message: '甲方执份数应为不小于 1 的整数' },
      { field: 'copiesPartyB', severity: 'error', message: '乙方执份数应为不小于 1 的整数' },
    ]);
  });
});

describe('parseDailyInterestRate (第七条)', () => {
  it.each([
    ['0.05', 0.05],
    ['0.05%', 0.05],
    ['０．０５％', 0.05],
    ['100', 100],
    ['0', 0],
    ['.5', 0.5],
  ])('%j → %d %', (raw, percent) => {
    expect(parseDailyInterestRate(raw)).toMatchObject({ ok: true, percent });
  });

  it.each([
    ['', '请填写逾期利率'],
    ['100.01', '逾期利率不能超过 100%'],
    ['150%', '逾期利率不能超过 100%'],
    ['-0.05', '逾期利率不能为负数'],
    ['0.00005', '逾期利率最多保留四位小数'],
    ['万分之五', '逾期利率应为数字，如 0.05（表示每日 0.05%）'],
  ])('%j is refused: %s', (raw, message) => {
    expect(parseDailyInterestRate(raw)).toEqual({ ok: false, message });
  });
});
