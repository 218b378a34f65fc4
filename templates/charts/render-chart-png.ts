// An ECharts option drawn to PNG in Node, for the Word file: ECharts' server-side SVG (no canvas, no browser),
// rasterised by resvg with the bundled Chinese font. Not a screenshot: the same input gives the same image.
import { createHash } from 'node:crypto';
import { Resvg, type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';
import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartSpec } from '../../shared/charts/before-after-chart.js';
import { CHART_FONT_FAMILY, chartFont, uncoveredCharacters } from './chart-font.js';

echarts.use([BarChart, ScatterChart, GraphicComponent, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

export interface ChartPng {
  png: Buffer;
  width: number;
  height: number;
  /** Characters the font cannot draw (rare hanzi outside GB 2312): say so next to the chart, do not hide it. */
  missingCharacters: string[];
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The text an SVG will draw: what its <text> elements hold. */
function svgText(svg: string): string {
  let out = '';
  for (const m of svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)) out += m[1]!.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
  return out;
}

export function chartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption({ ...spec.option, animation: false, textStyle: { fontFamily: CHART_FONT_FAMILY } });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * Charts already rendered, by their spec: exporting an evaluation again (both formats, a second copy, the text edited
 * but not the figures) reuses its pictures — resvg is most of a Word export's time (~90 ms a chart on a quiet
 * machine, several times that on a busy one). A spec is plain data (labels and formatters are strings); one holding a
 * function is not cached. Insertion order is the LRU order: a hit moves its entry last.
 */
const RENDERED_CAP = 32;
const rendered = new Map<string, Promise<ChartPng>>();

/**
 * Where resvg rasterises. `pool` (the default): on libuv's thread pool, the process stays responsive and an
 * evaluation's two charts render side by side. `main`: on the calling thread, one at a time — for the project
 * archive, which renders many files in a row: what resvg allocates on a pool thread stays in that thread's malloc
 * arena, which the rest of the process never reuses (~10–20 MB of peak RSS), while memory it frees on the main
 * thread is reused by the next document (docs/process.md §Archive).
 */
export type RasterThread = 'pool' | 'main';

function cacheKey(spec: ChartSpec, scale: number): string | null {
  let plain = true;
  const json = JSON.stringify([spec, scale], (_k, v: unknown) => {
    if (typeof v === 'function') plain = false;
    return v;
  });
  return plain ? createHash('sha256').update(json).digest('base64') : null;
}

/** Forgets every rendered chart (for benchmarks that time the rendering itself). */
export function forgetRenderedCharts(): void {
  rendered.clear();
}

/** renderChartPng, reusing the PNG of a spec rendered before (the same spec always gives the same image). */
export function cachedChartPng(spec: ChartSpec, scale = 1, thread: RasterThread = 'pool'): Promise<ChartPng> {
  const key = cacheKey(spec, scale);
  if (key === null) return renderChartPng(spec, scale, thread);
  const hit = rendered.get(key);
  if (hit) {
    rendered.delete(key);
    rendered.set(key, hit);
    return hit;
  }
  const png = renderChartPng(spec, scale, thread);
  rendered.set(key, png);
  // A failed render is not remembered: the next export tries again (and says why).
  png.catch(() => rendered.delete(key));
  if (rendered.size > RENDERED_CAP) rendered.delete(rendered.keys().next().value!);
  return png;
}

/**
 * PNG at `scale` × the layout size (1 by default: 1 000 px across a 16 cm wide picture in Word is ~160 dpi, sharp
 * on an A4 print; 1.5 took twice the time, most of an evaluation's .docx export).
 * Rasterised where `thread` says (see RasterThread); the same image either way.
 */
export async function renderChartPng(spec: ChartSpec, scale = 1, thread: RasterThread = 'pool'): Promise<ChartPng> {
  const { fontFile, coverage } = chartFont();
  const svg = chartSvg(spec);
  const options: ResvgRenderOptions = {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
  };
  const rendered = thread === 'main' ? new Resvg(svg, options).render() : await renderAsync(svg, options);
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height, missingCharacters: uncoveredCharacters(svgText(svg), coverage) };
}
