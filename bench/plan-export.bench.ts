// The plan's Word file (附录C) with 20 tasks and 30 budget lines: the model built (check + the plan's task and
// budget rules) and rendered to .docx. Target: p95 < 300 ms. Also a plan whose every section is a page of text.
// Run: npx tsx bench/plan-export.bench.ts  (BENCH_ROUNDS=…)
import { renderDocx } from '../templates/docx/render-docx.js';
import { samplePlanModel } from '../templates/testing/sample-plan-model.js';
import type { DocumentModel } from '../shared/forms/document-model.js';
import { machineLine, report } from './support/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);

console.log(`# plan-export: ${machineLine()}`);
for (const [label, make] of [
  ['表C.1, 20 tasks + 30 budget lines', () => samplePlanModel({ tasks: 20, budgetLines: 30 })],
  ['表C.1, 20 tasks + 30 budget lines, every section ~1 500 characters, revision 2', () => samplePlanModel({ tasks: 20, budgetLines: 30, longTexts: true, revision: 2 })],
] as const satisfies readonly (readonly [string, () => DocumentModel])[]) {
  for (let i = 0; i < 5; i++) await renderDocx(make());
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    bytes = (await renderDocx(make())).byteLength;
    times.push(performance.now() - t0);
  }
  report(`.docx, ${label} (${(bytes / 1024).toFixed(0)} KB)`, times, { stat: 'p95', belowMs: 300 });
}
