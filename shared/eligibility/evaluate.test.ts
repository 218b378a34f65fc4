import { describe, expect, it } from 'vitest';
import { checkDiagnosis } from '../domain/diagnosis.js';
import { BUILTIN_RULE_SETS, NATIONAL_300_RULE_SET, TGXAS_453_RULE_SET } from './builtin-rule-sets.js';
import { evaluateRuleSet, gapsForSummary, type EligibilityResult } from './evaluate.js';
import { parseRuleSetJson, type RuleSet, validateRuleSet } from './rule-set-schema.js';

function ruleSet(input: unknown): RuleSet {
  const r = validateRuleSet(input);
  if (!r.ok) throw new Error(r.message);
  return r.ruleSet;
}

const goodHeader = { incubatorType: '综合型', operatingSince: '2018-09-01', creditCode: '91450107MA5KA3RN4L' };
const goodValues = {
  totalArea: 8000,
  incubateeArea: 5000,
  publicServiceArea: 800,
  selfUseArea: 1200,
  otherArea: 1000,
  incubatees: 32,
  seedFund: 300,
  staffTotal: 10,
  serviceStaff: 8,
  mentors: 5,
  hasFacilities: true,
};

function evaluate(values: Record<string, unknown>, header: Record<string, unknown>, set = TGXAS_453_RULE_SET, asOf = '2025-06-01'): EligibilityResult {
  const check = checkDiagnosis(values, header as never);
  return evaluateRuleSet(ruleSet(set), { check, header: header as never, asOf });
}
const byId = (r: EligibilityResult, id: string) => r.results.find((x) => x.ruleId === id)!;

describe('built-in rule sets', () => {
  it('are valid data, each rule naming clause, strength and its conditions', () => {
    for (const s of BUILTIN_RULE_SETS) {
      const set = ruleSet(s);
      for (const r of set.rules) {
        expect(r.clause).not.toBe('');
        expect(['应', '宜']).toContain(r.strength);
      }
    }
    expect(ruleSet(TGXAS_453_RULE_SET).rules.map((r) => r.clause)).toEqual(['4.1.1', '4.1.1', '4.1.3', '4.1.4', '4.1.5', '4.1.6', '4.1.7', '4.1.8', '4.1.9']);
  });
});

describe('T/GXAS 453 §4.1', () => {
  it('an incubator that meets every quantified criterion', () => {
    const r = evaluate(goodValues, goodHeader);
    expect(r.counts['not-met']).toBe(0);
    expect(r.counts.insufficient).toBe(0);
    expect(byId(r, '4.1.9').status).toBe('consultant');
    expect(byId(r, '4.1.3').actual).toBe('8 000 m²');
  });

  it('the gap in numbers for each rule not met', () => {
    const r = evaluate(
      { ...goodValues, totalArea: 3800, incubateeArea: 2000, publicServiceArea: 500, selfUseArea: 800, otherArea: 500, seedFund: 150, serviceStaff: 7, mentors: 2, incubatees: 12, hasFacilities: false },
      { ...goodHeader, operatingSince: '2025-01-01' },
    );
    expect(byId(r, '4.1.3')).toMatchObject({ status: 'not-met', gap: '还差 1 200 m²', required: '不低于 5 000 m²', strength: '宜' });
    expect(byId(r, '4.1.4').gap).toBe('还差 50 万元');
    expect(byId(r, '4.1.5')).toMatchObject({ status: 'not-met', actual: '70%', gap: '还差 0 个百分点以上' });
    expect(byId(r, '4.1.6').gap).toBe('还差 1 人');
    expect(byId(r, '4.1.7').gap).toBe('还差 8 家');
    expect(byId(r, '4.1.8')).toMatchObject({ status: 'not-met', strength: '应' });
    expect(byId(r, '4.1.1-years')).toMatchObject({ status: 'not-met', actual: '0 年', gap: '还差 1 年' });
    const summary = gapsForSummary(r);
    expect(summary).toContain('4.1.3 可自主支配的孵化场地面积不低于 5 000 m²（宜）：当前 3 800 m²，还差 1 200 m²。');
  });

  it('"> 70%" is met by 70.1% and not by exactly 70%', () => {
    expect(byId(evaluate({ ...goodValues, staffTotal: 1000, serviceStaff: 701 }, goodHeader), '4.1.5').status).toBe('met');
    expect(byId(evaluate({ ...goodValues, staffTotal: 10, serviceStaff: 7 }, goodHeader), '4.1.5').status).toBe('not-met');
  });

  it('not enough data names what to fill in', () => {
    const r = evaluate({}, { incubatorType: null });
    expect(byId(r, '4.1.3')).toMatchObject({ status: 'insufficient', missing: ['可自主支配的孵化场地总面积（m²）'] });
    expect(byId(r, '4.1.1-years').missing).toEqual(['运营时间', '诊断日期']);
    expect(byId(r, '4.1.1-guangxi').status).toBe('insufficient');
    expect(gapsForSummary(r)).toContain('数据不足，需补充「可自主支配的孵化场地总面积（m²）」');
  });

  it('a code registered outside Guangxi fails 4.1.1', () => {
    expect(byId(evaluate(goodValues, { ...goodHeader, creditCode: '91310115591693856A' }), '4.1.1-guangxi').status).toBe('not-met');
  });
});

describe('national 国科发区〔2018〕300号 第九条', () => {
  it('patents ≥ 50 % or valid IP ≥ 30 %: either alternative meets the rule', () => {
    const viaValidIp = evaluate({ ...goodValues, ipBasis: '拥有有效知识产权的在孵企业数量', validIpCount: 10 }, goodHeader, NATIONAL_300_RULE_SET);
    expect(byId(viaValidIp, 'ip').status).toBe('met');
    const short = evaluate({ ...goodValues, ipBasis: '已申请专利的在孵企业数量', patentCount: 10 }, goodHeader, NATIONAL_300_RULE_SET);
    expect(byId(short, 'ip')).toMatchObject({ status: 'not-met', gap: '还差 18.7 个百分点' });
  });

  it('applies the 专业型 rules only to 专业型 incubators', () => {
    const general = evaluate(goodValues, goodHeader, NATIONAL_300_RULE_SET);
    expect(byId(general, 'pro-incubatees').status).toBe('not-applicable');
    expect(byId(general, 'incubatees')).toMatchObject({ status: 'not-met', gap: '还差 18 家' });
    const pro = evaluate({ ...goodValues, sameIndustryCount: 30 }, { ...goodHeader, incubatorType: '专业型' }, NATIONAL_300_RULE_SET);
    expect(byId(pro, 'incubatees').status).toBe('not-applicable');
    expect(byId(pro, 'pro-incubatees')).toMatchObject({ status: 'met' });
    expect(byId(pro, 'pro-same-industry')).toMatchObject({ status: 'met', actual: '93.8%' });
  });

  it('per 10 incubatees', () => {
    const r = evaluate({ ...goodValues, incubatees: 50, serviceStaff: 4, mentors: 6 }, goodHeader, NATIONAL_300_RULE_SET);
    expect(byId(r, 'staff-per-10')).toMatchObject({ status: 'not-met', actual: '0.8 人', gap: '还差 0.2 人' });
    expect(byId(r, 'mentor-per-10').status).toBe('met');
  });
});

describe('rule files', () => {
  it('an agency copy with an edited threshold and an added rule', () => {
    const copy = structuredClone(TGXAS_453_RULE_SET) as Record<string, unknown> & { rules: Record<string, unknown>[] };
    copy.id = 'agency-1';
    copy.builtin = false;
    copy.rules[2] = { ...copy.rules[2], anyOf: [{ quantity: 'totalArea', op: '>=', threshold: 3000 }] };
    copy.rules.push({ id: 'x', clause: '自治区', title: '累计毕业企业不少于 3 家', strength: '宜', anyOf: [{ quantity: 'graduates', op: '>=', threshold: 3 }] });
    const r = evaluate({ ...goodValues, totalArea: 3800, graduates: 1 }, goodHeader, copy as never);
    expect(byId(r, '4.1.3').status).toBe('met');
    expect(byId(r, 'x').gap).toBe('还差 2 家');
  });

  it('a bad file is refused whole, with the reason', () => {
    expect(parseRuleSetJson('{ not json').ok).toBe(false);
    const bad = { ...TGXAS_453_RULE_SET, rules: [...TGXAS_453_RULE_SET.rules, { id: 'y', clause: '1', title: 't', strength: '必须', anyOf: [{ quantity: 'area', op: '>=' }] }] };
    const r = parseRuleSetJson(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('未导入');
      expect(r.problems.join('\n')).toContain('第 10 条规则 → strength');
      expect(r.problems.join('\n')).toContain('quantity 应为以下之一');
    }
    const dup = { ...TGXAS_453_RULE_SET, rules: [TGXAS_453_RULE_SET.rules[0], TGXAS_453_RULE_SET.rules[0]] };
    expect(validateRuleSet(dup).ok).toBe(false);
    const pct = { ...TGXAS_453_RULE_SET, rules: [{ id: 'p', clause: 'c', title: 't', strength: '应', anyOf: [{ quantity: 'areaShare', op: '>', threshold: 120 }] }] };
    const pr = validateRuleSet(pct);
    expect(pr.ok).toBe(false);
  });
});
