// The incubator profile's key figures over time (docs/process.md §Profile): each figure's values from the
// incubator's diagnoses (附录A) and evaluations (附录D, 培育前 and 培育后), as dated points. Only values that passed
// their field's check reach here (the document check's `numbers` / `computed`): data that failed validation is
// never charted. Ratios stay unrounded fractions; only the words and the chart round them.
import { isIsoDate } from '../validation/dates.js';

/** Where a point comes from: a diagnosis, or one column of an evaluation. */
export type FigureSource = 'diagnosis' | 'evaluationBefore' | 'evaluationAfter';

export const FIGURE_SOURCE_LABELS: Record<FigureSource, string> = {
  diagnosis: '诊断意见表',
  evaluationBefore: '评价表（培育前）',
  evaluationAfter: '评价表（培育后）',
};

export interface ProfileFigureDefinition {
  /** The key both tables use (shared-metrics.ts); in an evaluation, suffixed by its column. */
  key: string;
  label: string;
  unit: string;
  decimals: number;
  /** A fraction shown as a percentage (the check's computed ratios are fractions). */
  percent: boolean;
}

/**
 * The six figures the profile charts: site, incubatees, team, mentors, money, results — the quantities both A and D
 * record (shared-metrics.ts), so every diagnosis and evaluation adds a point.
 */
export const PROFILE_FIGURES: readonly ProfileFigureDefinition[] = [
  { key: 'totalArea', label: '孵化场地总面积', unit: 'm²', decimals: 2, percent: false },
  { key: 'incubatees', label: '在孵企业数量', unit: '家', decimals: 0, percent: false },
  { key: 'serviceStaff', label: '孵化服务人员', unit: '人', decimals: 0, percent: false },
  { key: 'mentors', label: '创业导师', unit: '人', decimals: 0, percent: false },
  { key: 'seedFund', label: '孵化种子资金', unit: '万元', decimals: 2, percent: false },
  { key: 'fundedShare', label: '获得投融资的在孵企业占比', unit: '%', decimals: 1, percent: true },
];

/** One document's (or evaluation column's) checked figures, by figure key; null or absent: not charted. */
export interface FigureObservation {
  date: string | null;
  source: FigureSource;
  documentId: string;
  values: Readonly<Record<string, number | null | undefined>>;
}

export interface FigurePoint {
  date: string;
  /** As checked: a ratio is a fraction, never rounded here. */
  value: number;
  source: FigureSource;
  documentId: string;
}

export interface FigureSeries extends ProfileFigureDefinition {
  /** Oldest first, one per date. */
  points: FigurePoint[];
}

/** On one date, an evaluation's value wins over a diagnosis's: it is the later, reviewed figure (培育前 is prefilled from it). */
const PRIORITY: Record<FigureSource, number> = { diagnosis: 0, evaluationBefore: 1, evaluationAfter: 2 };

/** Each figure's points, dates sorted, one per date; a figure without any valid value is left out (no empty chart). */
export function profileSeries(observations: readonly FigureObservation[], figures: readonly ProfileFigureDefinition[] = PROFILE_FIGURES): FigureSeries[] {
  return figures.flatMap((figure) => {
    const byDate = new Map<string, FigurePoint>();
    for (const o of observations) {
      const value = o.values[figure.key];
      if (o.date === null || !isIsoDate(o.date) || typeof value !== 'number' || !Number.isFinite(value)) continue;
      const held = byDate.get(o.date);
      if (held && PRIORITY[held.source] >= PRIORITY[o.source]) continue;
      byDate.set(o.date, { date: o.date, value, source: o.source, documentId: o.documentId });
    }
    const points = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return points.length > 0 ? [{ ...figure, points }] : [];
  });
}

/** A figure's value in words, e.g. 「8,000 m²」 or 「38.9%」 (the percentage of an unrounded fraction). */
export function figureText(figure: Pick<ProfileFigureDefinition, 'unit' | 'decimals' | 'percent'>, value: number): string {
  const shown = figure.percent ? value * 100 : value;
  const text = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: figure.decimals }).format(shown);
  return figure.unit === '%' ? `${text}%` : `${text} ${figure.unit}`;
}
