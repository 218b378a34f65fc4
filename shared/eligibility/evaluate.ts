// Checks one document against one rule set: per rule met / not met / not enough data / data in error / awaiting
// the consultant's verdict, with the gap in numbers. Comparisons use unrounded values (「75%以上」 is met by 75.04 %,
// and by exactly 75 %: every threshold of the built-in sets is inclusive); rounding is for display only.
import { formatGrouped } from '../forms/format-values.js';
import { roundTo } from '../validation/numbers.js';
import type { EligibilityFacts, QuantityReading, QuantityValue } from './facts.js';
import { type QuantityInfo, QUANTITY_CATALOG } from './quantity-catalog.js';
import { COMPARISON_LABELS, type Judgement, type Rule, type RuleCondition, type RuleSet } from './rule-set-schema.js';
import type { RecordedVerdict } from './verdicts.js';

export type RuleStatus = 'met' | 'not-met' | 'insufficient' | 'invalid' | 'consultant' | 'not-applicable';
export const RULE_STATUS_LABELS: Record<RuleStatus, string> = {
  met: '符合',
  'not-met': '不符合',
  insufficient: '数据不足',
  invalid: '数据有误',
  consultant: '待诊断人员判断',
  'not-applicable': '不适用',
};
export const RULE_STATUSES = Object.keys(RULE_STATUS_LABELS) as RuleStatus[];

export interface RuleResult {
  ruleId: string;
  clause: string;
  title: string;
  strength: Rule['strength'];
  judgement: Judgement;
  status: RuleStatus;
  /** The value found, as printed (e.g. 「3 800 m²」); blank when missing. */
  actual: string;
  /** The requirement, as printed (e.g. 「不低于 5 000 m²」). */
  required: string;
  /** The distance to the threshold (e.g. 「还差 1 200 m²」); null unless not met by the data. */
  gap: string | null;
  /** Inputs to fill in (insufficient) or to correct (invalid). */
  missing: string[];
  /** The consultant's verdict, when the rule is judged or confirmed by the consultant and one is recorded. */
  verdict: RecordedVerdict | null;
  /** Whether the rule still waits for a verdict (consultant-judged, or confirmed and met by the data). */
  needsVerdict: boolean;
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

function withUnit(q: QuantityInfo, text: string): string {
  if (!q.unit) return text;
  return q.unit === '%' ? `${text}%` : `${text} ${q.unit}`;
}

function compare(op: RuleCondition['op'], v: number, t: number): boolean {
  switch (op) {
    case '>=':
      return v >= t;
    case '>':
      return v > t;
    case '<=':
      return v <= t;
    case '<':
      return v < t;
    case 'is-true':
      return v === 1;
  }
}

function describeRequirement(c: RuleCondition): string {
  const q = QUANTITY_CATALOG[c.quantity];
  if (c.op === 'is-true') return `${q.label}：是`;
  return `${COMPARISON_LABELS[c.op]} ${withUnit(q, formatAmount(c.threshold ?? 0, q.decimals))}`;
}

/**
 * The value as printed. When rounding for display would make a value that fails the threshold look like it meets
 * it (69.96 % shown as 70 %), two more decimals are shown, so the page never contradicts the verdict.
 */
function describeActual(q: QuantityInfo, v: QuantityValue, c?: RuleCondition): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  let decimals = q.decimals;
  if (c && c.op !== 'is-true') {
    const t = c.threshold ?? 0;
    while (decimals < q.decimals + 4 && compare(c.op, roundTo(v, decimals), t) !== compare(c.op, v, t)) decimals++;
  }
  return withUnit(q, formatAmount(v, decimals));
}

/** A gap is rounded up at the printed precision, so 「还差 0 个百分点」 is never printed for a real gap. */
function ceilAmount(value: number, decimals: number): string {
  const f = 10 ** decimals;
  return formatAmount(Math.ceil(roundTo(value * f, 6)) / f, decimals);
}

function gapText(q: QuantityInfo, c: RuleCondition, v: number): string {
  const t = c.threshold ?? 0;
  const unitWord = q.unit === '%' ? ' 个百分点' : q.unit ? ` ${q.unit}` : '';
  const wholeUnits = q.kind === 'number' && q.decimals === 0;
  switch (c.op) {
    case '>=':
      return `还差 ${ceilAmount(t - v, q.decimals)}${unitWord}`;
    case '>':
      // Whole counts: one more than the threshold. Otherwise: say that it must exceed it.
      return wholeUnits ? `还差 ${formatAmount(t - v + 1, 0)}${unitWord}` : `还差 ${ceilAmount(t - v, q.decimals)}${unitWord}以上`;
    case '<=':
      return `超出 ${ceilAmount(v - t, q.decimals)}${unitWord}`;
    case '<':
      return `需减少 ${ceilAmount(v - t, q.decimals)}${unitWord}以上`;
    case 'is-true':
      return '尚未具备';
  }
}

interface ConditionOutcome {
  status: 'met' | 'not-met' | 'insufficient' | 'invalid';
  actual: string;
  gap: string | null;
  missing: string[];
}

function evaluateCondition(c: RuleCondition, reading: QuantityReading | undefined): ConditionOutcome {
  const q = QUANTITY_CATALOG[c.quantity];
  if (!reading) return { status: 'insufficient', actual: '', gap: null, missing: [q.label] };
  if (reading.state !== 'ok' || reading.value === null) {
    return { status: reading.state === 'invalid' ? 'invalid' : 'insufficient', actual: '', gap: null, missing: reading.inputs };
  }
  const v = reading.value;
  const actual = describeActual(q, v, c);
  if (c.op === 'is-true') return v === true ? { status: 'met', actual, gap: null, missing: [] } : { status: 'not-met', actual, gap: '尚未具备', missing: [] };
  const n = typeof v === 'number' ? v : v ? 1 : 0;
  return compare(c.op, n, c.threshold ?? 0)
    ? { status: 'met', actual, gap: null, missing: [] }
    : { status: 'not-met', actual, gap: gapText(q, c, n), missing: [] };
}

// The requirement text depends on the rule only: made once per rule object, not once per document.
const requirementCache = new WeakMap<Rule, string>();
function requirementOf(rule: Rule): string {
  let text = requirementCache.get(rule);
  if (text === undefined) {
    text = rule.judgement === 'consultant' ? '由诊断人员判断' : rule.anyOf.map(describeRequirement).join('；或 ');
    requirementCache.set(rule, text);
  }
  return text;
}

/** A recorded verdict decides a consultant-judged rule, and confirms (or overrules) a data result of a `confirm` rule. */
function byVerdict(verdict: RecordedVerdict | null): { status: RuleStatus; needsVerdict: boolean } {
  if (!verdict) return { status: 'consultant', needsVerdict: true };
  return { status: verdict.verdict === '符合' ? 'met' : 'not-met', needsVerdict: false };
}

export function evaluateRule(rule: Rule, facts: EligibilityFacts): RuleResult {
  const verdict = rule.judgement === 'data' ? null : facts.verdict(rule.id);
  const base = {
    ruleId: rule.id,
    clause: rule.clause,
    title: rule.title,
    strength: rule.strength,
    judgement: rule.judgement,
    note: rule.note,
    verdict,
    required: requirementOf(rule),
  };
  const plain = { actual: '', gap: null, missing: [] as string[], needsVerdict: false };
  if (rule.appliesTo !== '全部') {
    const type = facts.incubatorType;
    if (type !== '专业型' && type !== '综合型') return { ...base, ...plain, status: 'insufficient', missing: ['孵化器类型'] };
    if (type !== rule.appliesTo) return { ...base, ...plain, status: 'not-applicable' };
  }
  if (rule.judgement === 'consultant') return { ...base, ...plain, ...byVerdict(verdict) };

  const outcomes = rule.anyOf.map((c) => evaluateCondition(c, facts.read(c.quantity)));
  const actual = outcomes.map((o) => o.actual).filter(Boolean).join('；');
  if (outcomes.some((o) => o.status === 'met')) {
    if (rule.judgement === 'confirm') return { ...base, ...plain, actual, ...byVerdict(verdict) };
    return { ...base, ...plain, actual, status: 'met' };
  }
  const evaluated = outcomes.find((o) => o.status === 'not-met');
  if (evaluated) return { ...base, ...plain, actual, status: 'not-met', gap: evaluated.gap };
  // Data in error is named before data that is missing: it is what the consultant has to correct.
  const invalid = outcomes.filter((o) => o.status === 'invalid');
  if (invalid.length > 0) return { ...base, ...plain, actual, status: 'invalid', missing: [...new Set(invalid.flatMap((o) => o.missing))] };
  return { ...base, ...plain, actual, status: 'insufficient', missing: [...new Set(outcomes.flatMap((o) => o.missing))] };
}

export function evaluateRuleSet(ruleSet: RuleSet, facts: EligibilityFacts): EligibilityResult {
  const results = ruleSet.rules.map((r) => evaluateRule(r, facts));
  const counts = Object.fromEntries(RULE_STATUSES.map((s) => [s, 0])) as Record<RuleStatus, number>;
  for (const r of results) counts[r.status]++;
  return { ruleSetId: ruleSet.id, ruleSetName: ruleSet.name, source: ruleSet.source, results, counts };
}

/** 「符合 5 · 不符合 2 · …」: the statuses that occur, in a fixed order. */
export function countsLine(counts: Record<RuleStatus, number>, separator = ' · '): string {
  return RULE_STATUSES.filter((s) => s !== 'not-applicable' && (counts[s] > 0 || s === 'met' || s === 'not-met'))
    .map((s) => `${RULE_STATUS_LABELS[s]} ${counts[s]}`)
    .join(separator);
}

/** What the result says about one rule in words (the comparison table's 「说明」 column, the gaps). */
export function explainResult(r: RuleResult): string {
  switch (r.status) {
    case 'met':
      return r.verdict ? `诊断人员判断：符合${r.verdict.note ? `。${r.verdict.note}` : ''}` : '';
    case 'not-met':
      if (r.verdict && !r.gap) return `诊断人员判断：不符合${r.verdict.note ? `。${r.verdict.note}` : ''}`;
      return r.gap ?? '未达到要求';
    case 'insufficient':
      return `数据不足，需补充${r.missing.map((m) => `「${m}」`).join('、')}`;
    case 'invalid':
      return `数据有误，请核对${r.missing.map((m) => `「${m}」`).join('、')}`;
    case 'consultant':
      return r.judgement === 'confirm' ? '数据显示符合，待诊断人员确认' : '待诊断人员判断';
    case 'not-applicable':
      return '不适用';
  }
}

/** The gaps as lines a consultant can insert into 「诊断总结」. */
export function gapsForSummary(result: EligibilityResult): string {
  const lines = result.results
    .filter((r) => r.status === 'not-met' || r.status === 'insufficient' || r.status === 'invalid')
    .map((r) => {
      const head = `${r.clause} ${r.title}（${r.strength}）`;
      if (r.status === 'not-met' && r.gap) return `${head}：当前 ${r.actual || '未具备'}，${r.gap}。`;
      return `${head}：${explainResult(r)}。`;
    });
  if (lines.length === 0) return `对照${result.ruleSetName}，各项可量化条件均已满足。`;
  return [`对照${result.ruleSetName}，尚有以下差距：`, ...lines.map((l, i) => `${i + 1}. ${l}`)].join('\n');
}
