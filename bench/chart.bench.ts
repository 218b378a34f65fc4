// 附录D's charts rendered to PNG in Node (ECharts SSR SVG → resvg with the bundled font), as the Word export will.
// Target (issue 11): the evaluation .docx with its chart p95 < 500 ms; these are the chart part of it.
// Run: npx tsx bench/chart.bench.ts
import { beforeAfterChartOption } from '../shared/charts/before-after-chart.js';
import { rulesMetChartOption } from '../shared/charts/rules-met-chart.js';
import { chartSvg, renderChartPng } from '../templates/charts/render-chart-png.js';
import { SAMPLE_BEFORE_AFTER, SAMPLE_RULES_MET } from '../templates/charts/testing/sample-charts.js';
import { machineLine, report } from './support/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const beforeAfter = beforeAfterChartOption(SAMPLE_BEFORE_AFTER);
const rulesMet = rulesMetChartOption(SAMPLE_RULES_MET);

console.log(`# charts: ${machineLine()}`);
let t0 = performance.now();
await renderChartPng(beforeAfter);
console.log(`first render in this process (font file read, ECharts warmed up): ${(performance.now() - t0).toFixed(0)} ms`);

async function measure(label: string, work: () => unknown, belowMs?: number): Promise<void> {
  for (let i = 0; i < 3; i++) await work();
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  report(label, samples, belowMs ? { stat: 'p95', belowMs } : undefined);
}

await measure(`before/after, ${SAMPLE_BEFORE_AFTER.metrics.length} metrics: SVG only`, () => chartSvg(beforeAfter));
await measure(`before/after, ${SAMPLE_BEFORE_AFTER.metrics.length} metrics: PNG ${beforeAfter.width}×${beforeAfter.height}`, () => renderChartPng(beforeAfter));
await measure(`rules met, ${SAMPLE_RULES_MET.rules.length} rules: PNG ${rulesMet.width}×${rulesMet.height}`, () => renderChartPng(rulesMet));
await measure('both charts of one evaluation, rendered side by side', () => Promise.all([renderChartPng(beforeAfter), renderChartPng(rulesMet)]), 500);
