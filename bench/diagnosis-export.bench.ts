// Export of one diagnosis (表A.1): model built (check + computed + eligibility) and rendered to .docx and .xlsx.
// Target: each < 200 ms at p95 over 50 runs. Run: npx tsx bench/diagnosis-export.bench.ts  (BENCH_ROUNDS=…)
import { renderDiagnosisDocx } from '../templates/diagnosis/diagnosis-docx.js';
import { renderDiagnosisXlsx } from '../templates/diagnosis/diagnosis-xlsx.js';
import { sampleModel } from '../templates/diagnosis/testing/sample-model.js';
import { machineLine, report } from './support/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const LONG = '建议内容较长，包括场地、团队、投融资与知识产权等方面的具体措施。'.repeat(60);

console.log(`# diagnosis-export: ${machineLine()}`);
for (const [label, make] of [
  ['typical diagnosis', () => sampleModel()],
  ['every advice ~2 000 characters', () => sampleModel({ values: { siteAdvice: LONG, incubateeAdvice: LONG, fundingAdvice: LONG, teamAdvice: LONG, summary: LONG } })],
] as const) {
  for (let i = 0; i < 5; i++) {
    await renderDiagnosisDocx(make());
    await renderDiagnosisXlsx(make());
  }
  const docx: number[] = [];
  const xlsx: number[] = [];
  let bytes = 0;
  for (let i = 0; i < ROUNDS; i++) {
    let t0 = performance.now();
    bytes = (await renderDiagnosisDocx(make())).byteLength;
    docx.push(performance.now() - t0);
    t0 = performance.now();
    await renderDiagnosisXlsx(make());
    xlsx.push(performance.now() - t0);
  }
  report(`.docx, ${label} (${(bytes / 1024).toFixed(0)} KB)`, docx, { stat: 'p95', belowMs: 200 });
  report(`.xlsx, ${label}`, xlsx, { stat: 'p95', belowMs: 200 });
}
