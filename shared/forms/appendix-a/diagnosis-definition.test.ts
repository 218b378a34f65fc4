import { describe, expect, it } from 'vitest';
import { diagnosisDefinition, diagnosisFields } from './diagnosis-definition.js';
import { rowComputedKeys, rowFieldKeys } from '../layout.js';
import { formatGrouped, formatPercent, formatStoredValue } from '../format-values.js';
import { checkDocument } from '../document-check.js';
import { incubatorHeaderFields } from '../../domain/incubator.js';

const checkDiagnosis = (values: Record<string, unknown>, header: Record<string, unknown>) =>
  checkDocument(diagnosisDefinition, { values: values as never, header: header as never });

const header = { incubatorType: '综合型' };
const issuesOf = (values: Record<string, unknown>, h: Record<string, unknown> = header) =>
  checkDiagnosis(values, h as never).issues;
const issueOn = (values: Record<string, unknown>, field: string, h?: Record<string, unknown>) =>
  issuesOf(values, h).find((i) => i.field === field);

describe('Appendix A definition', () => {
  it('lays out every field and every computed value exactly once, in the standard order', () => {
    const meta = diagnosisDefinition.metaRows.flatMap(rowFieldKeys);
    expect(meta).toEqual(['diagnosedOn', 'consultants', 'ruleSetId']);
    const shown = diagnosisDefinition.sections.flatMap((s) => s.rows.flatMap(rowFieldKeys));
    expect([...meta, ...shown].sort()).toEqual(diagnosisFields.map((f) => f.key).sort());
    expect(new Set(shown).size).toBe(shown.length);
    const computed = diagnosisDefinition.sections.flatMap((s) => s.rows.flatMap(rowComputedKeys));
    expect([...computed].sort()).toEqual(diagnosisDefinition.computed.map((c) => c.key).sort());
    expect(shown[0]).toBe('totalArea');
    expect(shown.at(-1)).toBe('summary');
  });

  it('keeps the standard labels verbatim', () => {
    const labels = diagnosisFields.map((f) => f.label);
    expect(labels).toContain('可自主支配的孵化场地总面积（m²）');
    expect(labels).toContain('其中，完成科技型中小企业入库登记的企业数（家）');
    expect(labels).toContain('孵化器自有种子资金或合作孵化资金金额（万元）');
    expect(diagnosisDefinition.footnotes).toEqual(['注1：表格中选择项请在相应的□内打√。']);
  });
});

describe('computed values', () => {
  it('area share = (在孵企业场地 + 公共服务场地) / 总面积, one decimal', () => {
    const r = checkDiagnosis({ totalArea: 8000, incubateeArea: 5000, publicServiceArea: 800, selfUseArea: 1200, otherArea: 1000 }, header);
    expect(r.computed.areaShare).toBeCloseTo(0.725, 6);
    expect(formatPercent(r.computed.areaShare)).toBe('72.5%');
  });

  it('every share, and 每千平方米在孵企业数量 with two decimals', () => {
    const r = checkDiagnosis(
      {
        totalArea: 6000,
        incubatees: 25,
        ipBasis: '已申请专利的在孵企业数量',
        patentCount: 10,
        sameIndustryCount: 20,
        fundedIncubatees: 3,
        staffTotal: 12,
        serviceStaff: 9,
      },
      header,
    );
    expect(r.computed.patentShare).toBe(0.4);
    expect(r.computed.validIpShare).toBeNull();
    expect(r.computed.sameIndustryShare).toBe(0.8);
    expect(r.computed.fundedShare).toBe(0.12);
    expect(r.computed.serviceStaffShare).toBe(0.75);
    // Unrounded: 25 per 6 000 m² is 4.1666…; it prints as 4.17.
    expect(r.computed.perThousandSqm).toBeCloseTo(25 / 6, 10);
    expect(formatGrouped(r.computed.perThousandSqm, 2)).toBe('4.17');
  });

  it('is blank, never NaN or Infinity, when the denominator is 0 or missing', () => {
    const r = checkDiagnosis({ totalArea: 0, incubateeArea: 0, incubatees: 5, staffTotal: null, serviceStaff: 2 }, header);
    expect(r.computed.areaShare).toBeNull();
    expect(r.computed.perThousandSqm).toBeNull();
    expect(r.computed.serviceStaffShare).toBeNull();
    for (const v of Object.values(r.computed)) expect(v === null || Number.isFinite(v)).toBe(true);
    expect(formatPercent(r.computed.areaShare)).toBe('');
  });

  it('only the chosen option of 「二选一」 counts', () => {
    const r = checkDiagnosis({ incubatees: 20, ipBasis: '拥有有效知识产权的在孵企业数量', patentCount: 10, validIpCount: 8 }, header);
    expect(r.computed.patentShare).toBeNull();
    expect(r.computed.validIpShare).toBe(0.4);
    expect(r.normalized.patentCount).toBe(10); // kept, not lost
  });
});

describe('validation', () => {
  it('accepts 1,234.5 and full-width digits, rounds areas to 2 decimals', () => {
    const r = checkDiagnosis({ totalArea: '1,234.567', incubatees: '２５' }, header);
    expect(r.normalized.totalArea).toBe(1234.57);
    expect(r.normalized.incubatees).toBe(25);
    expect(r.issues.filter((i) => i.field === 'totalArea' || i.field === 'incubatees')).toEqual([]);
  });

  it('keeps text typed into a number field and says what is wrong', () => {
    const r = checkDiagnosis({ totalArea: '约五千' }, header);
    expect(r.normalized.totalArea).toBe('约五千');
    expect(r.numbers.totalArea).toBeNull();
    expect(issueOn({ totalArea: '约五千' }, 'totalArea')?.message).toContain('请填写数字');
  });

  it('refuses negative numbers, fractions of a count and 15 digits of area', () => {
    expect(issueOn({ totalArea: -5 }, 'totalArea')?.message).toBe('不能为负数');
    expect(issueOn({ incubatees: 2.5 }, 'incubatees')?.message).toBe('请填写整数');
    expect(issueOn({ totalArea: '123456789012345' }, 'totalArea')?.message).toContain('数值过大');
    expect(checkDiagnosis({ totalArea: '123456789012345', incubatees: 3 }, header).computed.perThousandSqm).toBeNull();
  });

  it('an 其中 larger than its whole is an error naming the whole', () => {
    const i = issueOn({ incubatees: 10, registeredSmes: 12 }, 'registeredSmes');
    expect(i?.severity).toBe('error');
    expect(i?.message).toBe('不能大于「可自主支配场地内在孵企业数量（家）」（10）');
    expect(issueOn({ graduates: 3, graduatesHighTech: 4 }, 'graduatesHighTech')?.severity).toBe('error');
    expect(issueOn({ staffTotal: 5, serviceStaff: 6 }, 'serviceStaff')?.severity).toBe('error');
  });

  it('an 其中 without its whole is a warning (missing denominator)', () => {
    const i = issueOn({ fundedIncubatees: 3 }, 'fundedIncubatees');
    expect(i?.severity).toBe('warning');
    expect(i?.message).toContain('可自主支配场地内在孵企业数量');
  });

  it('four areas that do not add up to the total are a warning that can be kept', () => {
    const r = checkDiagnosis({ totalArea: 8000, incubateeArea: 5000, publicServiceArea: 800, selfUseArea: 1000, otherArea: 1000 }, header);
    const w = r.issues.find((i) => i.field === 'totalArea');
    expect(w?.severity).toBe('warning');
    expect(w?.message).toContain('7,800.00 m²');
    expect(w?.message).toContain('相差 200.00 m²');
    expect(r.computed.areaShare).toBe(0.725);
  });

  it('专业型 requires the same-industry row; 综合型 does not', () => {
    expect(issueOn({}, 'sameIndustryCount', { incubatorType: '专业型' })?.message).toContain('专业型孵化器必填');
    expect(issueOn({}, 'sameIndustryCount', { incubatorType: '综合型' })).toBeUndefined();
  });

  it('keeps quotes, emoji and markup verbatim, and 5 000 characters of 建议', () => {
    const text = `“引号” 'single' "double" 😀 <w:t>x</w:t> & </w:p>` + '建'.repeat(5000);
    const r = checkDiagnosis({ siteAdvice: text }, header);
    expect(r.normalized.siteAdvice).toBe(text);
    expect(r.issues.find((i) => i.field === 'siteAdvice')).toBeUndefined();
  });

  it('prints choices as □/☑ boxes in the standard order', () => {
    const def = incubatorHeaderFields.find((f) => f.key === 'orgNature')!;
    expect(formatStoredValue(def, '民营企业')).toBe('事业单位□  国有企业□  民营企业☑  其他□');
  });
});

describe('data that fails validation is never computed', () => {
  it('a share whose numerator is text is blank, and says why', () => {
    const r = checkDiagnosis({ totalArea: 8000, incubateeArea: 5000, publicServiceArea: '八百' }, header);
    expect(r.normalized.publicServiceArea).toBe('八百'); // kept as typed
    expect(r.computed.areaShare).toBeNull();
    expect(r.computedState.areaShare).toBe('invalid');
  });

  it('an 其中 larger than its whole is not used: its share is blank', () => {
    const r = checkDiagnosis({ staffTotal: 10, serviceStaff: 11 }, header);
    expect(r.invalid.has('serviceStaff')).toBe(true);
    expect(r.numbers.serviceStaff).toBeNull();
    expect(r.computed.serviceStaffShare).toBeNull();
  });

  it('2.5 mentors is refused and never rounded into 3', () => {
    const r = checkDiagnosis({ mentors: '2.5' }, header);
    expect(r.normalized.mentors).toBe(2.5);
    expect(r.numbers.mentors).toBeNull();
    expect(r.invalid.has('mentors')).toBe(true);
  });

  it('a share is kept unrounded for comparing: 75.04 % stays 0.7504', () => {
    const r = checkDiagnosis({ totalArea: 10_000, incubateeArea: 7000, publicServiceArea: 504 }, header);
    expect(r.computed.areaShare).toBe(0.7504);
    expect(formatPercent(r.computed.areaShare)).toBe('75.0%');
  });
});
