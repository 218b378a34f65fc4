// 表D.1's two pictures, as ECharts options (shared/charts): the main quantities before and after cultivation, and
// the recognition rules met before and after. The app draws them in the browser; exports render them to PNG in
// Node (templates/charts) and print them on a page of their own after the table (docs/evaluation.md).
import { beforeAfterChartOption, type BeforeAfterMetric, type ChartSpec } from '../../charts/before-after-chart.js';
import { rulesMetChartOption, type RuleOutcome } from '../../charts/rules-met-chart.js';
import type { RuleStatus } from '../../eligibility/evaluate.js';
import { compareNumber, compareUnit } from '../compare-change.js';
import type { DocumentModel } from '../document-model.js';
import { allRows } from '../document-definition.js';
import { formatChineseDate } from '../../validation/dates.js';

/** The quantities the first picture shows (by their base key): site, team, money, incubatees, results. */
export const CHARTED_QUANTITIES = ['totalArea', 'serviceStaff', 'mentors', 'seedFund', 'incubatees', 'fundedIncubatees', 'patentCount', 'validIpCount', 'graduates'] as const;

type ChartModel = Pick<DocumentModel, 'def' | 'check' | 'header' | 'eligibility' | 'baselineEligibility'>;

const withoutUnit = (label: string) => label.replace(/^[\d.]+\s*/, '').replace(/（[^（）]*）$/, '');

export function beforeAfterMetrics(model: ChartModel): BeforeAfterMetric[] {
  const rows = allRows(model.def).filter((r) => r.kind === 'compare');
  return CHARTED_QUANTITIES.flatMap((base) => {
    const row = rows.find((r) => r.kind === 'compare' && r.before.key === `${base}Before`);
    if (row?.kind !== 'compare') return [];
    const { unit, decimals } = compareUnit(model, row.before);
    return [{ label: withoutUnit(row.label), unit, decimals, before: compareNumber(model, row.before), after: compareNumber(model, row.after) }];
  });
}

function subtitle(model: ChartModel): string {
  const name = typeof model.header.name === 'string' ? model.header.name : '';
  const date = model.check.normalized[model.def.dateField];
  return [name, typeof date === 'string' ? `评价日期 ${formatChineseDate(date)}` : ''].filter(Boolean).join(' · ');
}

export function beforeAfterChart(model: ChartModel): ChartSpec {
  return beforeAfterChartOption({ title: '培育前后主要指标对比', subtitle: subtitle(model), metrics: beforeAfterMetrics(model) });
}

const OUTCOME: Record<RuleStatus, RuleOutcome | null> = {
  met: 'met',
  'not-met': 'unmet',
  insufficient: 'unknown',
  invalid: 'unknown',
  consultant: 'unknown',
  'not-applicable': null,
};

/** Each applicable rule and whether it was met before and is met after. */
export function rulesMetRows(model: ChartModel): { label: string; before: RuleOutcome; after: RuleOutcome }[] {
  const before = model.baselineEligibility?.results ?? [];
  return (model.eligibility?.results ?? []).flatMap((after) => {
    const was = before.find((b) => b.ruleId === after.ruleId);
    const a = OUTCOME[after.status];
    const b = was ? OUTCOME[was.status] : 'unknown';
    return a && b ? [{ label: `${after.clause} ${after.title}`.trim(), before: b, after: a }] : [];
  });
}

export function rulesMetChart(model: ChartModel): ChartSpec {
  const set = model.eligibility?.ruleSetName;
  return rulesMetChartOption({ title: `认定条件满足情况${set ? `（${set}）` : ''}`, rules: rulesMetRows(model) });
}
