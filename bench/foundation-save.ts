// Save of one incubator through the core router, on a real database file (WAL, synchronous=FULL): p50/p95.
// Target: p95 < 10 ms. Run: npm run bench -- save   (or: npx tsx bench/foundation-save.ts)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../core/workbench.js';
import { createWorkbenchRouter } from '../core/create-handlers.js';
import { sampleIncubator } from '../tests/support/sample-incubator.js';
import { machineLine, report } from './support/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const dir = mkdtempSync(join(tmpdir(), 'wb-bench-save-'));
const wb = new Workbench({ dataDir: dir, shell: 'test', dailyBackups: false }).open();
const router = createWorkbenchRouter(wb);

async function timed(method: string, input: unknown): Promise<{ ms: number; value: unknown }> {
  const t0 = performance.now();
  const r = await router.dispatch(method, input);
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return { ms, value: r.value };
}

console.log(`# foundation-save: ${machineLine()}`);
try {
  for (let i = 0; i < 20; i++) await timed('incubators.save', { values: sampleIncubator(10_000 + i) }); // warm-up

  const creates: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const { ms, value } = await timed('incubators.save', { values: sampleIncubator(i) });
    creates.push(ms);
    ids.push((value as { id: string }).id);
  }
  const updates: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const id = ids[i % ids.length]!;
    updates.push((await timed('incubators.save', { id, values: sampleIncubator(i, { legalRep: `法人${i}`, contactName: `联系人${i}` }) })).ms);
  }
  const all = [...creates, ...updates];
  report('save (create) via router, file DB, synchronous=FULL', creates, { stat: 'p95', belowMs: 10 });
  report('save (update 2 fields) via router, file DB, synchronous=FULL', updates, { stat: 'p95', belowMs: 10 });
  report('save (all) via router', all, { stat: 'p95', belowMs: 10 });

  // Where the time goes: the same save minus the disk flush (synchronous=NORMAL), for comparison only.
  wb.database.sqlite.pragma('synchronous = NORMAL');
  const normal: number[] = [];
  for (let i = 0; i < ROUNDS; i++) normal.push((await timed('incubators.save', { values: sampleIncubator(50_000 + i) })).ms);
  report('(comparison) save (create), synchronous=NORMAL', normal);
} finally {
  wb.close();
  rmSync(dir, { recursive: true, force: true });
}
