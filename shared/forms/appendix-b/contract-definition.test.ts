// 表B.1 as a definition: whole (checkDefinition), and every kind of bad input the issue names gets a Chinese message on
// its own field while what was typed is kept; the figures and the 大写 of an amount come from one number.
import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../check-definition.js';
import { checkDocument } from '../document-check.js';
import { buildDocumentModel } from '../document-model.js';
import { clauseLine } from '../print-cells.js';
import { contractDefinition } from './contract-definition.js';
import { contractPrefill } from './contract-prefill.js';
import { APPENDIX_B } from '../../../tests/fixtures/standard-wording.js';

const def = contractDefinition;
const check = (values: Record<string, string | number | null>, lists = {}) => checkDocument(def, { values, lists, header: {} });
const messageOf = (values: Record<string, string | number | null>, field: string) => check(values).issues.find((i) => i.field === field)?.message;

describe('表B.1 技术服务合同', () => {
  it('is a whole definition, every cover label and party label of the reference on it', () => {
    expect(checkDefinition(def)).toEqual([]);
    const labels = def.fields.map((f) => f.printedLabel ?? f.label);
    for (const l of [...APPENDIX_B.cover.filter((c) => c !== '服务期限'), ...APPENDIX_B.party]) expect(labels).toContain(l);
  });

  it.each([
    ['12.345', '金额最多两位小数（精确到分），当前有 3 位小数'],
    ['-5', '金额不能为负数'],
    ['1000000000000', '金额不能超过 999,999,999,999.99 元'],
    ['一万元', '金额只能包含数字、小数点和千位分隔符（如 1,234.50）'],
  ])('refuses the fee %s next to the field and keeps it as typed', (typed, message) => {
    const r = check({ fee: typed });
    expect(r.issues.find((i) => i.field === 'fee')?.message).toBe(message);
    expect(r.normalized.fee).toBe(typed);
  });

  it('refuses an end date before the start, an interest rate above 100 %, and 份数 that do not add up', () => {
    expect(messageOf({ serviceStart: '2025-07-01', serviceEnd: '2025-06-30' }, 'serviceEnd')).toMatch(/不能早于/);
    expect(messageOf({ interestRate: '100.5' }, 'interestRate')).toMatch(/100/);
    expect(messageOf({ interestRate: '100' }, 'interestRate')).toBeUndefined();
    expect(messageOf({ copiesTotal: 5, copiesPartyA: 2, copiesPartyB: 2 }, 'copiesTotal')).toBe('一式 5 份应等于甲方执 2 份与乙方执 2 份之和（4 份）');
    expect(messageOf({ copiesTotal: 4, copiesPartyA: 2, copiesPartyB: 2 }, 'copiesTotal')).toBeUndefined();
  });

  it('keeps a bank account with spaces as typed and prints it in groups of four', () => {
    const r = check({ bankAccount: ' 6222-0203 12345678901 ' });
    expect(r.issues.filter((i) => i.field === 'bankAccount')).toEqual([]);
    expect(r.normalized.bankAccount).toBe('6222-0203 12345678901');
    const model = buildDocumentModel({ def, values: r.normalized, lists: {}, header: {}, agency: {}, status: 'draft', signed: false, revision: 1, ruleSet: null });
    expect(clauseLine(model, '账号：{bankAccount}')).toBe('账号：6222 0203 1234 5678 901');
    expect(messageOf({ bankAccount: '6222 abc' }, 'bankAccount')).toBe('账号只能包含数字（可用空格或短横线分隔）');
  });

  it('says by how much 分期 misses the fee, on the list; paid in one sum it says nothing', () => {
    const lists = { instalments: [{ id: 'a', values: { dueDate: '2025-08-01', amount: '30000' } }, { id: 'b', values: { milestone: '验收后', amount: '15000.5' } }] };
    const issues = check({ fee: '50000', paymentMode: '分期' }, lists).issues;
    expect(issues.find((i) => i.field === 'lists.instalments')?.message).toBe('分期金额合计 ¥45,000.50，还差 ¥4,999.50 才等于技术服务报酬 ¥50,000.00');
    expect(check({ fee: '50000', paymentMode: '一次' }, lists).issues.find((i) => i.field === 'lists.instalments')).toBeUndefined();
  });

  it('prints the penalty in 大写 and in figures from one number, and an empty one as blanks to fill in by hand', () => {
    const model = (penalty: string | null) =>
      buildDocumentModel({ def, values: check({ penalty }).normalized, lists: {}, header: {}, agency: {}, status: 'draft', signed: false, revision: 1, ruleSet: null });
    const text = '违约金人民币{penalty|capital}（¥{penalty}元）';
    expect(clauseLine(model('16409.02'), text)).toBe('违约金人民币壹万陆仟肆佰零玖元零贰分（¥16,409.02元）');
    expect(clauseLine(model(null), text)).toBe('违约金人民币____（¥____元）');
    // An invalid amount prints as typed, marked, and never as words that could be read as valid.
    expect(clauseLine(model('12.345'), text)).toBe('违约金人民币____（¥12.345（数据有误）元）');
  });

  it('prefills the §4.2.3.1 facts, leaving a blank for each fact the records do not hold', () => {
    const p = contractPrefill({ incubator: { name: '甲孵化器', orgNature: '事业单位' }, agency: { name: '乙机构' }, diagnosis: null, today: '2025-03-01' });
    expect(p.values).toMatchObject({ partyAName: '甲孵化器', partyBName: '乙机构', serviceEnd: '2026-02-28' });
    expect(String(p.values.serviceContent)).toContain('机构性质：事业单位；');
    expect(String(p.values.serviceContent)).toContain('在孵企业：____ 家；');
  });
});
