import { describe, expect, it } from 'vitest';
import { checkDocument } from '../forms/document-check.js';
import { diagnosisDefinition } from '../forms/appendix-a/diagnosis-definition.js';
import { BUILTIN_RULE_SETS, NATIONAL_300_RULE_SET, TGXAS_453_RULE_SET } from './builtin-rule-sets.js';
import { evaluateRuleSet, explainResult, gapsForSummary, type EligibilityResult } from './evaluate.js';
import { documentFacts } from './facts.js';
import type { QuantityKey } from './quantity-catalog.js';
import { parseRuleSetJson, type RuleSet, type RuleSetInput, validateRuleSet } from './rule-set-schema.js';
import { applyCorrections, pendingCorrections } from './rule-set-corrections.js';
import { verdictKey, verdictNoteKey } from './verdicts.js';

function ruleSet(input: unknown): RuleSet {
  const r = validateRuleSet(input);
  if (!r.ok) throw new Error(r.message);
  return r.ruleSet;
}

const goodHeader = { incubatorType: '综合型', operatingSince: '2018-09-01', creditCode: '91450107MA5KA3RN4L' };
const goodValues = {
  diagnosedOn: '2025-06-01',
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
  hasSystems: true,
};

function evaluate(values: Record<string, unknown>, header: Record<string, unknown>, set: RuleSetInput = TGXAS_453_RULE_SET): EligibilityResult {
  const check = checkDocument(diagnosisDefinition, { values: { diagnosedOn: '2025-06-01', ...values } as never, header: header as never });
  return evaluateRuleSet(ruleSet(set), documentFacts(diagnosisDefinition, check, header as never));
}
const byId = (r: EligibilityResult, id: string) => r.results.find((x) => x.ruleId === id)!;

describe('built-in rule sets', () => {
  it('are valid data, each rule naming clause, strength and its conditions', () => {
    for (const s of BUILTIN_RULE_SETS) {
      const set = ruleSet(s);
      expect(set.version).toBe(2);
      for (const r of set.rules) {
        expect(r.clause).not.toBe('');
        expect(['应', '宜']).toContain(r.strength);
        // 「以上」「不低于」「不少于」 include the number: no built-in threshold is strict.
        for (const c of r.anyOf) expect(c.op).not.toBe('>');
      }
    }
    expect(ruleSet(TGXAS_453_RULE_SET).rules.map((r) => r.clause)).toEqual(['4.1.1', '4.1.1', '4.1.2', '4.1.3', '4.1.4', '4.1.5', '4.1.6', '4.1.7', '4.1.8', '4.1.9']);
  });
});

/**
 * Inputs that make a quantity equal `v`: each probe moves one input by its smallest step, so "one step below" is
 * the largest value below the threshold the form can hold.
 */
const PROBES: Record<Exclude<QuantityKey, 'hasFacilities' | 'hasSystems' | 'registeredInGuangxi'>, { step: number; values: (v: number) => Record<string, unknown>; header?: (v: number) => Record<string, unknown> }> = {
  operatingYears: { step: 1, values: () => ({}), header: (v) => ({ operatingSince: `${2025 - v}-06-01` }) },
  totalArea: { step: 0.01, values: (v) => ({ totalArea: v }) },
  areaShare: { step: 0.0001, values: (v) => ({ totalArea: 10_000, incubateeArea: Math.round(v * 10_000) / 100, publicServiceArea: 0 }) },
  seedFund: { step: 0.01, values: (v) => ({ seedFund: v }) },
  fundedShare: { step: 0.1, values: (v) => ({ incubatees: 1000, fundedIncubatees: Math.round(v * 10) }) },
  serviceStaffShare: { step: 0.1, values: (v) => ({ staffTotal: 1000, serviceStaff: Math.round(v * 10) }) },
  serviceStaffPer10: { step: 0.01, values: (v) => ({ incubatees: 1000, staffTotal: 1000, serviceStaff: Math.round(v * 100) }) },
  mentors: { step: 1, values: (v) => ({ mentors: v }) },
  mentorsPer10: { step: 0.01, values: (v) => ({ incubatees: 1000, mentors: Math.round(v * 100) }) },
  incubatees: { step: 1, values: (v) => ({ incubatees: v }) },
  perThousandSqm: { step: 0.01, values: (v) => ({ totalArea: 100_000, incubatees: Math.round(v * 100) }) },
  graduates: { step: 1, values: (v) => ({ graduates: v }) },
  patentShare: { step: 0.1, values: (v) => ({ incubatees: 1000, ipBasis: '已申请专利的在孵企业数量', patentCount: Math.round(v * 10) }) },
  validIpShare: { step: 0.1, values: (v) => ({ incubatees: 1000, ipBasis: '拥有有效知识产权的在孵企业数量', validIpCount: Math.round(v * 10) }) },
  sameIndustryShare: { step: 0.1, values: (v) => ({ incubatees: 1000, sameIndustryCount: Math.round(v * 10) }), header: () => ({ incubatorType: '专业型' }) },
};

const cases = BUILTIN_RULE_SETS.flatMap((set) =>
  set.rules.flatMap((rule) =>
    (rule.anyOf ?? [])
      .filter((c) => c.op !== 'is-true')
      .map((c) => ({ set, rule, quantity: c.quantity as keyof typeof PROBES, threshold: c.threshold ?? 0, op: c.op ?? '>=' })),
  ),
);

describe('every built-in rule at exactly its threshold, one step below and one above (both rule sets)', () => {
  it.each(cases.map((c) => [`${c.set.id} ${c.rule.id} (${c.quantity} ${c.op} ${c.threshold})`, c] as const))('%s', (_name, c) => {
    const probe = PROBES[c.quantity];
    const type = c.rule.appliesTo && c.rule.appliesTo !== '全部' ? c.rule.appliesTo : c.quantity === 'sameIndustryShare' ? '专业型' : '综合型';
    const statusAt = (v: number) => {
      const header = { ...goodHeader, incubatorType: type, ...probe.header?.(v) };
      return byId(evaluate(probe.values(v), header, c.set), c.rule.id!).status;
    };
    expect(statusAt(c.threshold - probe.step)).toBe('not-met');
    expect(statusAt(c.threshold)).toBe('met');
    expect(statusAt(c.threshold + probe.step)).toBe('met');
  });
});

describe('T/GXAS 453 §4.1', () => {
  it('an incubator that meets every quantified criterion; the consultant-judged rules wait for a verdict', () => {
    const r = evaluate(goodValues, goodHeader);
    expect(r.counts['not-met']).toBe(0);
    expect(r.counts.insufficient).toBe(0);
    expect(byId(r, '4.1.9')).toMatchObject({ status: 'consultant', needsVerdict: true });
    expect(byId(r, '4.1.3').actual).toBe('8 000 m²');
  });

  it('4.1.2 is evaluated: 否 is not met; 是 is met once the consultant confirms it', () => {
    expect(byId(evaluate({ ...goodValues, hasSystems: false }, goodHeader), '4.1.2')).toMatchObject({ status: 'not-met', needsVerdict: false });
    expect(byId(evaluate({ ...goodValues, hasSystems: null }, goodHeader), '4.1.2')).toMatchObject({ status: 'insufficient', missing: ['是否建立完善的运营管理制度'] });
    const waiting = byId(evaluate(goodValues, goodHeader), '4.1.2');
    expect(waiting).toMatchObject({ status: 'consultant', needsVerdict: true });
    expect(explainResult(waiting)).toBe('数据显示符合，待诊断人员确认');
    const confirmed = evaluate({ ...goodValues, [verdictKey('4.1.2')]: '符合', [verdictNoteKey('4.1.2')]: '制度齐全' }, goodHeader);
    expect(byId(confirmed, '4.1.2')).toMatchObject({ status: 'met', verdict: { verdict: '符合', note: '制度齐全' } });
  });

  it('a verdict on 4.1.9 is counted and explained', () => {
    const r = evaluate({ ...goodValues, [verdictKey('4.1.9')]: '不符合', [verdictNoteKey('4.1.9')]: '尚无毕业企业' }, goodHeader);
    expect(byId(r, '4.1.9').status).toBe('not-met');
    expect(r.counts['not-met']).toBe(1);
    expect(explainResult(byId(r, '4.1.9'))).toBe('诊断人员判断：不符合。尚无毕业企业');
    expect(gapsForSummary(r)).toContain('4.1.9 在企业培育、投融资、知识产权、技术转移等方面取得成效（应）：诊断人员判断：不符合。尚无毕业企业。');
  });

  it('the gap in numbers for each rule not met', () => {
    const r = evaluate(
      { ...goodValues, totalArea: 3800, incubateeArea: 2000, publicServiceArea: 500, selfUseArea: 800, otherArea: 500, seedFund: 150, serviceStaff: 6, mentors: 2, incubatees: 12, hasFacilities: false },
      { ...goodHeader, operatingSince: '2025-01-01' },
    );
    expect(byId(r, '4.1.3')).toMatchObject({ status: 'not-met', gap: '还差 1 200 m²', required: '不低于 5 000 m²', strength: '宜' });
    expect(byId(r, '4.1.4').gap).toBe('还差 50 万元');
    expect(byId(r, '4.1.5')).toMatchObject({ status: 'not-met', actual: '60%', gap: '还差 10 个百分点' });
    expect(byId(r, '4.1.6').gap).toBe('还差 1 人');
    expect(byId(r, '4.1.7').gap).toBe('还差 8 家');
    expect(byId(r, '4.1.8')).toMatchObject({ status: 'not-met', strength: '应' });
    expect(byId(r, '4.1.1-years')).toMatchObject({ status: 'not-met', actual: '0 年', gap: '还差 1 年' });
    expect(gapsForSummary(r)).toContain('4.1.3 可自主支配的孵化场地面积不低于 5 000 m²（宜）：当前 3 800 m²，还差 1 200 m²。');
  });

  it('exactly 70 % of staff meets 4.1.5; 69.9 % does not, and never prints as 70 %', () => {
    expect(byId(evaluate({ ...goodValues, staffTotal: 10, serviceStaff: 7 }, goodHeader), '4.1.5').status).toBe('met');
    const short = byId(evaluate({ ...goodValues, staffTotal: 1000, serviceStaff: 699 }, goodHeader), '4.1.5');
    expect(short).toMatchObject({ status: 'not-met', actual: '69.9%', gap: '还差 0.1 个百分点' });
    const justShort = byId(evaluate({ ...goodValues, staffTotal: 10_000, serviceStaff: 6_996 }, goodHeader), '4.1.5');
    expect(justShort.status).toBe('not-met');
    expect(justShort.actual).toBe('69.96%'); // not 「70%」: the page never contradicts the result
    expect(justShort.gap).toBe('还差 0.1 个百分点');
  });

  it('not enough data names what to fill in; data in error names what to correct', () => {
    const r = evaluate({}, { incubatorType: null });
    expect(byId(r, '4.1.3')).toMatchObject({ status: 'insufficient', missing: ['可自主支配的孵化场地总面积（m²）'] });
    expect(byId(evaluate({ diagnosedOn: null }, { incubatorType: null }), '4.1.1-years').missing).toEqual(['运营时间', '诊断日期']);
    expect(gapsForSummary(r)).toContain('数据不足，需补充「可自主支配的孵化场地总面积（m²）」');
    const wrong = evaluate({ ...goodValues, mentors: '2.5', serviceStaff: 11 }, goodHeader);
    expect(byId(wrong, '4.1.6')).toMatchObject({ status: 'invalid', missing: ['创业导师数量'] });
    expect(byId(wrong, '4.1.5')).toMatchObject({ status: 'invalid', missing: ['专业孵化服务人员数量'] });
    expect(explainResult(byId(wrong, '4.1.6'))).toBe('数据有误，请核对「创业导师数量」');
  });

  it('a code registered outside Guangxi fails 4.1.1', () => {
    expect(byId(evaluate(goodValues, { ...goodHeader, creditCode: '91310115591693856A' }), '4.1.1-guangxi').status).toBe('not-met');
  });
});

describe('national 国科发区〔2018〕300号 第九条', () => {
  it('75.04 % meets 「75%以上」 (compared unrounded)', () => {
    const r = evaluate({ ...goodValues, totalArea: 10_000, incubateeArea: 7000, publicServiceArea: 504, selfUseArea: 2496, otherArea: 0 }, goodHeader, NATIONAL_300_RULE_SET);
    expect(byId(r, 'area-share')).toMatchObject({ status: 'met', actual: '75%' });
  });

  it('patents ≥ 50 % or valid IP ≥ 30 %: either alternative meets the rule', () => {
    const viaValidIp = evaluate({ ...goodValues, ipBasis: '拥有有效知识产权的在孵企业数量', validIpCount: 10 }, goodHeader, NATIONAL_300_RULE_SET);
    expect(byId(viaValidIp, 'ip').status).toBe('met');
    const short = evaluate({ ...goodValues, ipBasis: '已申请专利的在孵企业数量', patentCount: 10 }, goodHeader, NATIONAL_300_RULE_SET);
    expect(byId(short, 'ip')).toMatchObject({ status: 'not-met', gap: '还差 18.8 个百分点' });
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
});

describe('rule files', () => {
  it('an agency copy with an edited threshold and an added rule', () => {
    const copy = structuredClone(TGXAS_453_RULE_SET) as Record<string, unknown> & { rules: Record<string, unknown>[] };
    copy.id = 'agency-1';
    copy.builtin = false;
    copy.rules[3] = { ...copy.rules[3], anyOf: [{ quantity: 'totalArea', op: '>=', threshold: 3000 }] };
    copy.rules.push({ id: 'x', clause: '自治区', title: '累计毕业企业不少于 3 家', strength: '宜', anyOf: [{ quantity: 'graduates', op: '>=', threshold: 3 }] });
    const r = evaluate({ ...goodValues, totalArea: 3800, graduates: 1 }, goodHeader, copy as never);
    expect(byId(r, '4.1.3').status).toBe('met');
    expect(byId(r, 'x').gap).toBe('还差 2 家');
  });

  it('a saved copy of the old built-in set is offered the correction, keeping its own edits', () => {
    // What an agency saved before version 2: 4.1.5 strict, no 4.1.2, and its own 4.1.3 threshold.
    const old = ruleSet({
      ...TGXAS_453_RULE_SET,
      id: 'agency-old',
      builtin: false,
      version: 1,
      basedOn: null,
      rules: TGXAS_453_RULE_SET.rules
        .filter((r) => r.id !== '4.1.2')
        .map((r) =>
          r.id === '4.1.5' ? { ...r, anyOf: [{ quantity: 'serviceStaffShare', op: '>', threshold: 70 }] } : r.id === '4.1.3' ? { ...r, anyOf: [{ quantity: 'totalArea', op: '>=', threshold: 4000 }] } : r,
        ),
    });
    const pending = pendingCorrections(old);
    expect(pending.flatMap((c) => c.changes.map((ch) => ch.ruleId))).toEqual(['4.1.5', '4.1.2']);
    expect(byId(evaluate({ ...goodValues, staffTotal: 10, serviceStaff: 7 }, goodHeader, old), '4.1.5').status).toBe('not-met');
    const fixed = applyCorrections(old);
    expect(fixed.basedOn).toEqual({ id: TGXAS_453_RULE_SET.id, version: 2 });
    expect(pendingCorrections(fixed)).toEqual([]);
    expect(fixed.rules.map((r) => r.id)).toEqual(['4.1.1-guangxi', '4.1.1-years', '4.1.2', '4.1.3', '4.1.4', '4.1.5', '4.1.6', '4.1.7', '4.1.8', '4.1.9']);
    expect(byId(evaluate({ ...goodValues, staffTotal: 10, serviceStaff: 7, totalArea: 4000, incubateeArea: 2000, publicServiceArea: 800, selfUseArea: 700, otherArea: 500 }, goodHeader, fixed), '4.1.5').status).toBe('met');
    expect(fixed.rules.find((r) => r.id === '4.1.3')?.anyOf[0]?.threshold).toBe(4000);
  });

  it('a bad file is refused whole, with the reason', () => {
    expect(parseRuleSetJson('{ not json').ok).toBe(false);
    const bad = { ...TGXAS_453_RULE_SET, rules: [...TGXAS_453_RULE_SET.rules, { id: 'y', clause: '1', title: 't', strength: '必须', anyOf: [{ quantity: 'area', op: '>=' }] }] };
    const r = parseRuleSetJson(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('未导入');
      expect(r.problems.join('\n')).toContain('第 11 条规则 → strength');
      expect(r.problems.join('\n')).toContain('quantity 应为以下之一');
    }
    const dup = { ...TGXAS_453_RULE_SET, rules: [TGXAS_453_RULE_SET.rules[0], TGXAS_453_RULE_SET.rules[0]] };
    expect(validateRuleSet(dup).ok).toBe(false);
    const pct = { ...TGXAS_453_RULE_SET, rules: [{ id: 'p', clause: 'c', title: 't', strength: '应', anyOf: [{ quantity: 'areaShare', op: '>', threshold: 120 }] }] };
    expect(validateRuleSet(pct).ok).toBe(false);
  });
});
