// The chart of each figure a definition prints (`figures`, document-definition.ts), by its image key: kept out of
// the definitions so they stay free of the model they are drawn from (the definition is what the model reads).
import type { ChartSpec } from '../charts/before-after-chart.js';
import type { DocumentModel } from './document-model.js';
import { beforeAfterChart, rulesMetChart } from './appendix-d/evaluation-charts.js';

export type FigureModel = Pick<DocumentModel, 'def' | 'check' | 'header' | 'eligibility' | 'baselineEligibility'>;

export const FIGURE_CHARTS: Readonly<Record<string, (model: FigureModel) => ChartSpec>> = {
  beforeAfter: beforeAfterChart,
  rulesMet: rulesMetChart,
};

/** The charts of a document's figures, in order; a figure without a chart is left out. */
export function figureCharts(model: FigureModel): { image: string; caption: string; spec: ChartSpec }[] {
  return (model.def.figures ?? []).flatMap((f) => {
    const chart = FIGURE_CHARTS[f.image];
    return chart ? [{ image: f.image, caption: f.caption, spec: chart(model) }] : [];
  });
}
