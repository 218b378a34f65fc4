// A small chart of one figure over time (the incubator profile, docs/process.md §Profile), as an ECharts option the
// app draws like the documents' figures (FigureChart). The values are written beside the chart in words, so the
// picture carries no labels a screen reader would need.
import type { EChartsOption } from 'echarts';
import { AFTER_COLOR, type ChartSpec } from './before-after-chart.js';

export interface SeriesChartInput {
  /** Oldest first; `value` already in the unit shown (a percentage, not a fraction). */
  points: readonly { date: string; value: number }[];
  unit: string;
  decimals: number;
}

const WIDTH = 420;
const HEIGHT = 170;

export function seriesChartOption(input: SeriesChartInput): ChartSpec {
  const format = (v: number) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: input.decimals }).format(v);
  const option: EChartsOption = {
    animation: false,
    backgroundColor: '#ffffff',
    grid: { left: 64, right: 24, top: 24, bottom: 32 },
    // A category axis: points sit evenly apart, each under its own date (a handful of documents over years).
    xAxis: { type: 'category', data: input.points.map((p) => p.date), axisLabel: { fontSize: 11, color: '#595959' } },
    yAxis: { type: 'value', min: 0, axisLabel: { fontSize: 11, color: '#595959', formatter: (v: number) => format(v) }, name: input.unit, nameTextStyle: { fontSize: 11, color: '#595959' } },
    series: [
      {
        type: 'line',
        data: input.points.map((p) => p.value),
        color: AFTER_COLOR,
        symbolSize: 7,
        label: { show: true, position: 'top', fontSize: 11, color: '#262626', formatter: (p) => format(Number(p.value)) },
      },
    ],
  };
  return { option, width: WIDTH, height: HEIGHT };
}
