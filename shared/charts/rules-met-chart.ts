// 附录D's second picture: which recognition criteria (the diagnosis's rule set) were met before and are met after.
// A row per rule, a column per moment: √ met, × not met, ？ not enough data to tell (GB 2312 marks: the bundled
// chart font has them).
import type { EChartsOption } from 'echarts';
import { AFTER_COLOR, BEFORE_COLOR, type ChartSpec } from './before-after-chart.js';

export type RuleOutcome = 'met' | 'unmet' | 'unknown';

export interface RuleOutcomeRow {
  /** Short label of the criterion, e.g. 「孵化场地面积 ≥ 3000 m²」. */
  label: string;
  before: RuleOutcome;
  after: RuleOutcome;
}

export interface RulesMetChartInput {
  title: string;
  rules: readonly RuleOutcomeRow[];
}

const MARK: Record<RuleOutcome, { symbol: string; color: string }> = {
  met: { symbol: '√', color: '#389e0d' },
  unmet: { symbol: '×', color: '#cf1322' },
  unknown: { symbol: '？', color: '#8c8c8c' },
};
const WIDTH = 1000;
const HEADER = 110;
const ROW = 40;

export function countMet(rules: readonly RuleOutcomeRow[], moment: 'before' | 'after'): number {
  return rules.filter((r) => r[moment] === 'met').length;
}

export function rulesMetChartOption(input: RulesMetChartInput): ChartSpec {
  const n = input.rules.length;
  const height = HEADER + ROW * Math.max(1, n) + 24;
  // The first rule at the top: category axes count from the bottom.
  const labels = input.rules.map((r) => r.label).reverse();
  const points = input.rules.flatMap((r, i) =>
    (['before', 'after'] as const).map((moment) => ({
      value: [moment === 'before' ? 0 : 1, n - 1 - i],
      symbolSize: 26,
      itemStyle: { color: MARK[r[moment]].color },
      label: { show: true, formatter: MARK[r[moment]].symbol, color: '#ffffff', fontSize: 15 },
    })),
  );
  const option: EChartsOption = {
    animation: false,
    backgroundColor: '#ffffff',
    title: {
      text: input.title,
      subtext: `满足的认定条件：培育前 ${countMet(input.rules, 'before')} 条，培育后 ${countMet(input.rules, 'after')} 条（共 ${n} 条）`,
      left: 'center',
      top: 8,
      textStyle: { fontSize: 20, fontWeight: 'normal' },
      subtextStyle: { fontSize: 14, color: '#595959' },
    },
    grid: { left: 420, right: 80, top: HEADER - 20, bottom: 24 },
    xAxis: {
      type: 'category',
      position: 'top',
      data: [
        { value: '培育前', textStyle: { color: BEFORE_COLOR, fontSize: 15 } },
        { value: '培育后', textStyle: { color: AFTER_COLOR, fontSize: 15 } },
      ],
      axisLine: { show: false },
      axisTick: { show: false },
      splitLine: { show: true, lineStyle: { color: '#f0f0f0' } },
    },
    yAxis: {
      type: 'category',
      data: labels,
      axisLabel: { fontSize: 14, color: '#262626', width: 380, overflow: 'truncate' },
      axisLine: { show: false },
      axisTick: { show: false },
      splitLine: { show: true, lineStyle: { color: '#f0f0f0' } },
    },
    series: [{ type: 'scatter', symbol: 'circle', data: points }],
  };
  return { option, width: WIDTH, height };
}
