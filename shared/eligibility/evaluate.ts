// Checks one diagnosis against one rule set: per rule met / not met / not enough data, with the gap in numbers.
import { formatGrouped } from '../forms/format-values.js';
import { roundTo } from '../validation/numbers.js';
import { type DiagnosisFacts, QUANTITIES, type QuantityDefinition, type QuantityValue } from './quantities.js';
import { COMPARISON_LABELS, type Rule, type RuleCondition, type RuleSet } from './rule-set-schema.js';

export type RuleStatus = 'met' | 'not-met' | 'insufficient' | 'consultant' | 'not-applicable';
export const RULE_STATUS_LABELS: Record<RuleStatus, string> = {
  met: '符合',
  'not-met': '不符合',
  insufficient: '数据不足',
  consultant: '由诊断人员判断',
  'not-applicable': '不适用',
};

export interface RuleResult {
  ruleId: string;
  clause: string;
  title: string;
  strength: Rule['strength'];
  status: RuleStatus;
  /** The value found, as printed (e.g. 「3 800 m²」); blank when missing. */
  actual: string;
  /** The requirement, as printed (e.g. 「不低于 5 000 m²」). */
  required: string;
  /** The distance to the threshold (e.g. 「还差 1 200 m²」); null unless not met. */
  gap: string | null;
  /** Inputs to fill in when the data is not enough. */
  missing: string[];
  note: string;
}

export interface EligibilityResult {
  ruleSetId: string;
  ruleSetName: string;
  source: string;
  results: RuleResult[];
  counts: Record<RuleStatus, number>;
}

/** Printed with spaces between thousands and without trailing zeros: 1200 → 「1 200」, 72.5 → 「72.5」. */
export function formatAmount(value: number, decimals: number): string {
  const text = formatGrouped(roundTo(value, decimals), decimals, ' ');
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

function withUnit(q: QuantityDefinition, value: number): string {
  const amount = formatAmount(value, q.decimals);
  if (!q.unit) return amount;
  return q.unit === '%' ? `${amount}%` : `${amount} ${q.unit}`;
}

function describeRequirement(c: RuleCondition): string {
  const q: QuantityDefinition = QUANTITIES[c.quantity];
  if (c.op === 'is-true') return `${q.label}：是`;
  return `${COMPARISON_LABELS[c.op]} ${withUnit(q, c.threshold ?? 0)}`;
}

function describeActual(q: QuantityDefinition, v: QuantityValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return withUnit(q, v);
}

function gapText(q: QuantityDefinition, c: RuleCondition, v: number): string {
  const t = c.threshold ?? 0;
  const unitWord = q.unit === '%' ? ' 个百分点' : q.unit ? ` ${q.unit}` : '';
  const wholeUnits = q.kind === 'number' && q.decimals === 0;
  switch (c.op) {
    case '>=':
      return `还差 ${formatAmount(t - v, q.decimals)}${unitWord}`;
    case '>':
      // Whole counts: one more than the threshold. Otherwise: say that it must exceed it.
      return wholeUnits ? `还差 ${formatAmount(t - v + 1, 0)}${unitWord}` : `还差 ${formatAmount(t - v, q.decimals)}${unitWord}以上`;
    case '<=':
      return `超出 ${formatAmount(v - t, q.decimals)}${unitWord}`;
    case '<':
      return `需减少 ${formatAmount(v - t, q.decimals)}${unitWord}以上`;
    default:
      return '';
  }
}

interface ConditionOutcome {
  status: 'met' | 'not-met' | 'insufficient';
  actual: string;
  gap: string | null;
  missing: string[];
}

function evaluateCondition(c: RuleCondition, facts: DiagnosisFacts): ConditionOutcome {
  const q: QuantityDefinition = QUANTITIES[c.quantity];
  const v = q.read(facts);
  if (v === null || (typeof v === 'number' && !Number.isFinite(v))) {
    return { status: 'insufficient', actual: '', gap: null, missing: [...q.needs] };
  }
  const actual = describeActual(q, v);
  if (c.op === 'is-true') {
    return v === true ? { status: 'met', actual, gap: null, missing: [] } : { status: 'not-met', actual, gap: '尚未具备', missing: [] };
  }
  const n = typeof v === 'number' ? v : v ? 1 : 0;
  const t = c.threshold ?? 0;
  const met = c.op === '>=' ? n >= t : c.op === '>' ? n > t : c.op === '<=' ? n <= t : n < t;
  return met ? { status: 'met', actual, gap: null, missing: [] } : { status: 'not-met', actual, gap: gapText(q, c, n), missing: [] };
}

// The requirement text depends on the rule only: made once per rule object, not once per diagnosis.
const requirementCache = new WeakMap<Rule, string>();
function requirementOf(rule: Rule): string {
  let text = requirementCache.get(rule);
  if (text === undefined) {
    text = rule.anyOf.map(describeRequirement).join('；或 ');
    requirementCache.set(rule, text);
  }
  return text;
}

export function evaluateRule(rule: Rule, facts: DiagnosisFacts): RuleResult {
  const base = { ruleId: rule.id, clause: rule.clause, title: rule.title, strength: rule.strength, note: rule.note };
  const required = requirementOf(rule);
  if (rule.appliesTo !== '全部') {
    const type = facts.header.incubatorType;
    if (type !== '专业型' && type !== '综合型') {
      return { ...base, status: 'insufficient', actual: '', required, gap: null, missing: ['孵化器类型'] };
    }
    if (type !== rule.appliesTo) return { ...base, status: 'not-applicable', actual: '', required, gap: null, missing: [] };
  }
  if (rule.judgement === 'consultant') {
    return { ...base, status: 'consultant', actual: '', required: '由诊断人员判断', gap: null, missing: [] };
  }
  const outcomes = rule.anyOf.map((c) => evaluateCondition(c, facts));
  const actual = outcomes.map((o) => o.actual).filter(Boolean).join('；');
  if (outcomes.some((o) => o.status === 'met')) return { ...base, status: 'met', actual, required, gap: null, missing: [] };
  const evaluated = outcomes.find((o) => o.status === 'not-met');
  if (evaluated) return { ...base, status: 'not-met', actual, required, gap: evaluated.gap, missing: [] };
  const missing = [...new Set(outcomes.flatMap((o) => o.missing))];
  return { ...base, status: 'insufficient', actual, required, gap: null, missing };
}

export function evaluateRuleSet(ruleSet: RuleSet, facts: DiagnosisFacts): EligibilityResult {
  const results = ruleSet.rules.map((r) => evaluateRule(r, facts));
  const counts: Record<RuleStatus, number> = { met: 0, 'not-met': 0, insufficient: 0, consultant: 0, 'not-applicable': 0 };
  for (const r of results) counts[r.status]++;
  return { ruleSetId: ruleSet.id, ruleSetName: ruleSet.name, source: ruleSet.source, results, counts };
}

/** The gaps as lines a consultant can insert into 「诊断总结」. */
export function gapsForSummary(result: EligibilityResult): string {
  const lines = result.results
    .filter((r) => r.status === 'not-met' || r.status === 'insufficient')
    .map((r) => {
      const head = `${r.clause} ${r.title}（${r.strength}）`;
      if (r.status === 'not-met') return `${head}：当前 ${r.actual || '未具备'}，${r.gap ?? '未达到要求'}。`;
      return `${head}：数据不足，需补充${r.missing.map((m) => `「${m}」`).join('、')}。`;
    });
  if (lines.length === 0) return `对照${result.ruleSetName}，各项可量化条件均已满足。`;
  return [`对照${result.ruleSetName}，尚有以下差距：`, ...lines.map((l, i) => `${i + 1}. ${l}`)].join('\n');
}
