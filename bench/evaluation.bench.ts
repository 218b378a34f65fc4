// Appendix D exports and the portfolio workbook.
// - One evaluation (the first complete demo one) to .docx with its two charts rendered, and again with the charts
//   reused (their data unchanged since the last export) (target p95 < 500 ms), and to .xlsx (target p95 < 300 ms),
//   from the stored record as the export command does it.
// - The portfolio of 1 000 incubators, each with a diagnosis and an evaluation (target < 3 s, < 300 MB peak RSS), in a
//   bundled child process as the app runs it.
// Run: npx tsx bench/evaluation.bench.ts  (BENCH_ROUNDS=…)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../core/workbench.js';
import { createWorkbenchRouter } from '../core/create-handlers.js';
import { checkIncubator } from '../shared/domain/incubator.js';
import { saveIncubator } from '../db/repositories/incubator-repository.js';
import { getDocument, listDocuments } from '../db/repositories/document-repository.js';
import { incubatorSearchText } from '../core/services/search-text.js';
import { exportDocumentFile } from '../core/services/document-export-service.js';
import { forgetRenderedCharts } from '../templates/charts/render-chart-png.js';
import { addDemoDiagnosis, DEMO_DIAGNOSES } from '../core/services/demo-diagnoses.js';
import { addDemoEvaluation, DEMO_EVALUATIONS } from '../core/services/demo-evaluations.js';
import { sampleIncubator } from '../tests/support/sample-incubator.js';
import { bundleForNode } from '../tests/support/bundle-for-node.js';
import { machineLine, report } from './support/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const COUNT = 1000;

console.log(`# evaluation: ${machineLine()}`);
const dir = mkdtempSync(join(tmpdir(), 'wb-bench-eval-'));
const wb = new Workbench({ dataDir: dir, shell: 'test', dailyBackups: false }).open();
createWorkbenchRouter(wb);
try {
  const { db } = wb.database;
  const t0 = performance.now();
  db.transaction((tx) => {
    const ctx = wb.changeContext();
    for (let i = 0; i < COUNT; i++) {
      const { normalized } = checkIncubator(sampleIncubator(i));
      const incubator = saveIncubator(tx, ctx, { values: normalized, searchText: incubatorSearchText(normalized) });
      addDemoDiagnosis(tx, ctx, incubator, DEMO_DIAGNOSES[i % DEMO_DIAGNOSES.length]!);
      addDemoEvaluation(tx, ctx, incubator, DEMO_EVALUATIONS[i % DEMO_EVALUATIONS.length]!);
    }
  });
  console.log(`seeded ${COUNT} incubators, each with a diagnosis and an evaluation, in ${(performance.now() - t0).toFixed(0)} ms`);

  // The first demo evaluation (南宁's): complete, every chart with data.
  const record = getDocument(db, 'evaluation', listDocuments(db, 'evaluation').find((d) => d.status === 'completed')!.id)!;
  // The Word file twice: with both charts rendered (the first export after the data changed: the rendered charts are
  // forgotten before each round) and with charts whose data did not change since the last export (reused).
  const cases = [
    { format: 'docx', label: 'with both charts rendered', target: 500, before: forgetRenderedCharts },
    { format: 'docx', label: 'with both charts unchanged (reused)', target: 500, before: () => undefined },
    { format: 'xlsx', label: '', target: 300, before: () => undefined },
  ] as const;
  for (const { format, label, target, before } of cases) {
    for (let i = 0; i < 3; i++) await exportDocumentFile(db, record, format, true);
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < ROUNDS; i++) {
      before();
      const t = performance.now();
      bytes = (await exportDocumentFile(db, record, format, true)).bytes.byteLength;
      samples.push(performance.now() - t);
    }
    report(`evaluation .${format}${label ? ` ${label}` : ''} (${(bytes / 1024).toFixed(0)} KB)`, samples, { stat: 'p95', belowMs: target });
  }

  // The portfolio in a fresh process on the seeded file, bundled as the app's CLI and main process are: its peak
  // memory is the export's, not the seeding's (support/portfolio-export-child.ts).
  const child = await bundleForNode(join(import.meta.dirname, 'support', 'portfolio-export-child.ts'));
  try {
    process.stdout.write(execFileSync(process.execPath, [child.file, dir, String(COUNT)], { encoding: 'utf8' }));
  } finally {
    child.cleanup();
  }
} finally {
  wb.close();
  rmSync(dir, { recursive: true, force: true });
}
