import { describe, expect, it } from 'vitest';
import { beforeAfterChartOption, type BeforeAfterMetric } from './before-after-chart.js';
import { countMet, rulesMetChartOption } from './rules-met-chart.js';
import { seriesChartOption } from './series-chart.js';

const metric = (before: number | null, after: number | null, unit = '家', decimals = 0): BeforeAfterMetric => ({ label: '在孵企业', unit, before, after, decimals });

/** The right-hand change texts the option draws, in order. */
function changeTexts(metrics: BeforeAfterMetric[]): string[] {
  const graphics = beforeAfterChartOption({ title: 't', metrics }).option.graphic;
  const list = Array.isArray(graphics) ? graphics : [];
  return list.flatMap((g) => {
    const style = (g as { right?: number; style?: { text?: string } }).style;
    return 'right' in (g as object) && style?.text ? [style.text] : [];
  });
}

describe('beforeAfterChartOption', () => {
  it('one row per metric: the height grows with them', () => {
    const one = beforeAfterChartOption({ title: 't', metrics: [metric(1, 2)] });
    const five = beforeAfterChartOption({ title: 't', metrics: Array.from({ length: 5 }, () => metric(1, 2)) });
    expect(five.height - one.height).toBe(4 * 56);
    expect(five.width).toBe(one.width);
  });

  it('says the change with its sign, unit and percentage; no percentage from 0 or for a percentage', () => {
    expect(changeTexts([metric(18, 31), metric(9, 7), metric(2, 2), metric(0, 200, '万元', 2), metric(40, 75.5, '%', 1), metric(4, null)])).toEqual([
      '+13家，+72.2%',
      '−2家，−22.2%',
      '持平',
      '+200万元',
      '+35.5%',
    ]);
  });

  it('writes figures the Chinese way, grouped, with the metric’s decimals', () => {
    const series = beforeAfterChartOption({ title: 't', metrics: [metric(3200, 5200.5, 'm²', 2)] }).option.series;
    const labels = (Array.isArray(series) ? series : []).map((s) => (s as { label?: { formatter?: string } }).label?.formatter);
    expect(labels).toEqual(['3,200 m²', '5,200.5 m²']);
  });
});

describe('rulesMetChartOption', () => {
  const rules = [
    { label: 'a', before: 'met', after: 'met' },
    { label: 'b', before: 'unmet', after: 'met' },
    { label: 'c', before: 'unknown', after: 'unmet' },
  ] as const;

  it('counts the rules met before and after and puts it in the subtitle', () => {
    expect(countMet(rules, 'before')).toBe(1);
    expect(countMet(rules, 'after')).toBe(2);
    const title = rulesMetChartOption({ title: 't', rules }).option.title;
    expect(title && !Array.isArray(title) ? title.subtext : '').toBe('满足的认定条件：培育前 1 条，培育后 2 条（共 3 条）');
  });

  it('lists the first rule at the top', () => {
    const yAxis = rulesMetChartOption({ title: 't', rules }).option.yAxis;
    expect(yAxis && !Array.isArray(yAxis) ? (yAxis as { data?: string[] }).data : null).toEqual(['c', 'b', 'a']);
  });
});

describe('seriesChartOption', () => {
  it('one point per date on a category axis, written the Chinese way', () => {
    const { option } = seriesChartOption({ unit: 'm²', decimals: 2, points: [{ date: '2025-05-20', value: 8200 }, { date: '2026-05-25', value: 10660.5 }] });
    expect((option.xAxis as { data: string[] }).data).toEqual(['2025-05-20', '2026-05-25']);
    const [line] = option.series as { data: number[]; label: { formatter: (p: { value: number }) => string } }[];
    expect(line!.data).toEqual([8200, 10660.5]);
    expect(line!.label.formatter({ value: 10660.5 })).toBe('10,660.5');
  });
});
