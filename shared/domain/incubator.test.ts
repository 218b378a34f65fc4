import { describe, expect, it } from 'vitest';
import { checkIncubator, emptyIncubatorValues, incubatorLabel, type IncubatorValues } from './incubator.js';

function values(overrides: Partial<IncubatorValues> = {}): IncubatorValues {
  return {
    ...emptyIncubatorValues(),
    name: '南宁邕江科技企业孵化器',
    operator: '南宁邕江创新创业服务有限公司',
    creditCode: '91450107MA5KA3RN4L',
    ...overrides,
  };
}

const errorsOf = (v: IncubatorValues) => checkIncubator(v).issues.filter((i) => i.severity === 'error');
const warningsOf = (v: IncubatorValues) => checkIncubator(v).issues.filter((i) => i.severity === 'warning');

describe('checkIncubator', () => {
  it('a complete Guangxi record has no issues', () => {
    expect(checkIncubator(values()).issues).toEqual([]);
  });

  it('requires name, operator and credit code', () => {
    const fields = errorsOf(values({ name: '  ', operator: '', creditCode: '' })).map((i) => i.field);
    expect(fields).toEqual(['name', 'operator', 'creditCode']);
  });

  it('stores the credit code upper-cased without spaces, and trims text', () => {
    const { normalized, issues } = checkIncubator(values({ creditCode: ' 91450107ma5ka3rn4l ', name: ' 甲 ', contactName: ' 韦丽娟 ' }));
    expect(issues).toEqual([]);
    expect(normalized.creditCode).toBe('91450107MA5KA3RN4L');
    expect(normalized.name).toBe('甲');
    expect(normalized.contactName).toBe('韦丽娟');
  });

  it('a wrong length or illegal character in the credit code is an error on creditCode', () => {
    expect(errorsOf(values({ creditCode: '91450107MA5KA3RN4' }))).toEqual([
      { field: 'creditCode', severity: 'error', message: '统一社会信用代码应为 18 位，当前为 17 位' },
    ]);
    const [e] = errorsOf(values({ creditCode: '91450107MA5KA3RN4I' }));
    expect(e?.field).toBe('creditCode');
    expect(e?.message).toContain('第 18 位');
  });

  it('a wrong check character and a code outside Guangxi are warnings on creditCode', () => {
    expect(errorsOf(values({ creditCode: '91350100M0001TGQXM' }))).toEqual([]);
    const w = warningsOf(values({ creditCode: '91350100M0001TGQXM' }));
    expect(w).toHaveLength(2);
    expect(w.every((i) => i.field === 'creditCode')).toBe(true);
  });

  it('the operating date may not be before the registration date', () => {
    expect(errorsOf(values({ registeredOn: '2020-05-01', operatingSince: '2020-04-30' }))).toEqual([
      { field: 'operatingSince', severity: 'error', message: '不能早于「注册时间」' },
    ]);
    expect(errorsOf(values({ registeredOn: '2020-05-01', operatingSince: '2020-05-01' }))).toEqual([]);
    expect(errorsOf(values({ registeredOn: '2020-05-01', operatingSince: null }))).toEqual([]);
  });

  it('a malformed date is an error; an empty date is stored as null', () => {
    expect(errorsOf(values({ registeredOn: '2020-02-30' })).map((i) => i.field)).toEqual(['registeredOn']);
    expect(checkIncubator(values({ operatingSince: '' })).normalized.operatingSince).toBeNull();
  });

  it('专业型 needs 所属产业领域; 综合型 does not', () => {
    expect(errorsOf(values({ incubatorType: '专业型', industry: '  ' }))).toEqual([
      { field: 'industry', severity: 'error', message: '专业型孵化器必须填写所属产业领域' },
    ]);
    expect(errorsOf(values({ incubatorType: '专业型', industry: '电子信息' }))).toEqual([]);
    expect(errorsOf(values({ incubatorType: '综合型', industry: '' }))).toEqual([]);
  });

  it('the mobile is stored as bare 11 digits, and a bad one is an error', () => {
    expect(checkIncubator(values({ contactMobile: '+86 139-7710-0001' })).normalized.contactMobile).toBe('13977100001');
    expect(errorsOf(values({ contactMobile: '12345' })).map((i) => i.field)).toEqual(['contactMobile']);
    expect(checkIncubator(values({ contactMobile: '   ' })).normalized.contactMobile).toBe('');
  });

  it('registered capital: rounded to 2 decimals, not negative, not absurd', () => {
    expect(checkIncubator(values({ registeredCapital: 1000.456 })).normalized.registeredCapital).toBe(1000.46);
    expect(errorsOf(values({ registeredCapital: -1 })).map((i) => i.field)).toEqual(['registeredCapital']);
    expect(errorsOf(values({ registeredCapital: 2e10 })).map((i) => i.field)).toEqual(['registeredCapital']);
  });

  it('labels come from the field definitions', () => {
    expect(incubatorLabel('creditCode')).toBe('统一社会信用代码');
    expect(incubatorLabel('operatingSince')).toBe('运营时间');
  });
});
