// 附录D's picture of the main quantities before and after cultivation, as an ECharts option: the same option draws
// in the app (browser canvas) and in Node for the Word file (templates/charts). One small row per quantity, each
// scaled to itself: an area of 5 000 m² and 6 mentors cannot share one axis.
import type { EChartsOption } from 'echarts';

export interface BeforeAfterMetric {
  /** The standard's row label, e.g. 「孵化场地总面积」. */
  label: string;
  /** 「m²」, 「家」, 「人」, 「万元」, 「%」. */
  unit: string;
  before: number | null;
  after: number | null;
  /** Decimals shown (counts 0, areas and money 2). */
  decimals: number;
}

export interface BeforeAfterChartInput {
  title: string;
  subtitle?: string;
  metrics: readonly BeforeAfterMetric[];
}

export interface ChartSpec {
  option: EChartsOption;
  /** The size the option is laid out for, in CSS pixels. */
  width: number;
  height: number;
}

export const BEFORE_COLOR = '#8c8c8c';
export const AFTER_COLOR = '#1677ff';
const UP_COLOR = '#389e0d';
const DOWN_COLOR = '#cf1322';

const WIDTH = 1000;
const HEADER = 96;
const ROW = 56;
const FOOTER = 16;
const LABEL_WIDTH = 330;

function figure(value: number, decimals: number): string {
  return new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: decimals }).format(value);
}

function changeText(m: BeforeAfterMetric): { text: string; color: string } | null {
  if (m.before === null || m.after === null) return null;
  const delta = m.after - m.before;
  if (delta === 0) return { text: '持平', color: BEFORE_COLOR };
  const sign = delta > 0 ? '+' : '−';
  const pct = m.before !== 0 && m.unit !== '%' ? `，${sign}${figure(Math.abs(delta / m.before) * 100, 1)}%` : '';
  return { text: `${sign}${figure(Math.abs(delta), m.decimals)}${m.unit}${pct}`, color: delta > 0 ? UP_COLOR : DOWN_COLOR };
}

export function beforeAfterChartOption(input: BeforeAfterChartInput): ChartSpec {
  const height = HEADER + ROW * Math.max(1, input.metrics.length) + FOOTER;
  const grids: EChartsOption['grid'] = [];
  const xAxes: EChartsOption['xAxis'] = [];
  const yAxes: EChartsOption['yAxis'] = [];
  const series: EChartsOption['series'] = [];
  const graphics: NonNullable<EChartsOption['graphic']> = [];
  input.metrics.forEach((m, i) => {
    const top = HEADER + i * ROW;
    const largest = Math.max(m.before ?? 0, m.after ?? 0);
    grids.push({ left: LABEL_WIDTH, right: 230, top: top + 6, height: ROW - 16 });
    xAxes.push({ type: 'value', gridIndex: i, min: 0, max: largest > 0 ? largest * 1.05 : 1, show: false });
    yAxes.push({ type: 'category', gridIndex: i, data: ['培育后', '培育前'], show: false });
    for (const [name, value, color] of [['培育前', m.before, BEFORE_COLOR], ['培育后', m.after, AFTER_COLOR]] as const) {
      series.push({
        name,
        type: 'bar',
        xAxisIndex: i,
        yAxisIndex: i,
        barWidth: 14,
        // One bar per category: overlap the two series' slots so each bar sits centred on its own row.
        barGap: '-100%',
        itemStyle: { color },
        label: { show: true, position: 'right', color: '#262626', formatter: value === null ? '未填' : `${figure(value, m.decimals)} ${m.unit}` },
        // A missing value draws no bar but keeps its label slot, so 「未填」 shows where the bar would be.
        data: [name === '培育前' ? [value ?? 0, '培育前'] : [value ?? 0, '培育后']],
      });
    }
    graphics.push({ type: 'text', left: 24, top: top + ROW / 2 - 16, style: { text: `${m.label}（${m.unit}）`, fontSize: 14, fill: '#262626', width: LABEL_WIDTH - 48, overflow: 'break' } });
    const change = changeText(m);
    if (change) graphics.push({ type: 'text', right: 24, top: top + ROW / 2 - 10, style: { text: change.text, fontSize: 14, fill: change.color, align: 'right' } });
  });
  const option: EChartsOption = {
    animation: false,
    backgroundColor: '#ffffff',
    title: { text: input.title, subtext: input.subtitle ?? '', left: 'center', top: 8, textStyle: { fontSize: 20, fontWeight: 'normal' } },
    legend: { data: ['培育前', '培育后'], top: input.subtitle ? 62 : 44, right: 24, itemWidth: 18, itemHeight: 10 },
    grid: grids,
    xAxis: xAxes,
    yAxis: yAxes,
    series,
    graphic: graphics,
  };
  return { option, width: WIDTH, height };
}
