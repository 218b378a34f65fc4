import { useMemo } from 'react';
import type { IncubatorProfile } from '../../../../shared/contract/profile-contract.js';
import { seriesChartOption } from '../../../../shared/charts/series-chart.js';
import { FIGURE_SOURCE_LABELS, figureText } from '../../../../shared/process/profile-series.js';
import { formatChineseDate } from '../../../../shared/validation/dates.js';
import { FigureChart } from '../../documents/FigureChart.js';

type Figure = IncubatorProfile['figures'][number];

/**
 * One key figure of the profile: its small chart by date, and beside it the latest value and its date in words
 * (the chart's text alternative lists every value too), so no number is only in the picture.
 */
export function FigureSeriesCard({ figure }: { figure: Figure }) {
  const spec = useMemo(
    () => seriesChartOption({ unit: figure.unit, decimals: figure.decimals, points: figure.points.map((p) => ({ date: p.date, value: figure.percent ? p.value * 100 : p.value })) }),
    [figure],
  );
  const latest = figure.points.at(-1)!;
  const headingId = `figure-${figure.key}`;
  const described = figure.points.map((p) => `${formatChineseDate(p.date)} ${figureText(figure, p.value)}`).join('；');
  return (
    <section className="wb-figure" aria-labelledby={headingId}>
      <h3 id={headingId} className="wb-figure-title">
        {figure.label}
      </h3>
      <p className="wb-figure-latest">
        最新：<strong>{figureText(figure, latest.value)}</strong>
      </p>
      <p className="wb-figure-latest wb-secondary-line">
        {formatChineseDate(latest.date)} · {FIGURE_SOURCE_LABELS[latest.source]}
        {figure.points.length > 1 ? ` · 共 ${figure.points.length} 个时点` : ''}
      </p>
      <FigureChart spec={spec} label={`${figure.label}变化：${described}`} />
    </section>
  );
}
