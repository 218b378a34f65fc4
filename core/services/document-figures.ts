// The pictures a definition draws from its data (D's before/after charts), rendered to PNG in Node for the exports:
// ECharts' server-side SVG rasterised with the bundled CJK font (templates/charts, docs/chart-font.md).
import type { DocumentModel } from '../../shared/forms/document-model.js';
import { figureCharts } from '../../shared/forms/figure-charts.js';
import type { RasterThread } from '../../templates/charts/render-chart-png.js';

/**
 * The model with its figures rendered; unchanged for definitions without figures. Charts render in parallel on the
 * thread pool (or one after the other on this thread, `thread`: see RasterThread), and a
 * chart whose data did not change since it was last rendered is not rendered again.
 */
export async function withFigures(model: DocumentModel, thread: RasterThread = 'pool'): Promise<DocumentModel> {
  const figures = figureCharts(model);
  if (figures.length === 0) return model;
  // The chart renderer (echarts, resvg) loads on the first export that needs it, not at start-up.
  const { cachedChartPng } = await import('../../templates/charts/render-chart-png.js');
  const rendered: Awaited<ReturnType<typeof cachedChartPng>>[] = [];
  if (thread === 'main') for (const f of figures) rendered.push(await cachedChartPng(f.spec, 1, 'main'));
  else rendered.push(...(await Promise.all(figures.map((f) => cachedChartPng(f.spec)))));
  const images = Object.fromEntries(figures.map((f, i) => [f.image, { png: rendered[i]!.png, widthPx: rendered[i]!.width, heightPx: rendered[i]!.height }]));
  return { ...model, images: { ...model.images, ...images } };
}
