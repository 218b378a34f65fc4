// List and search over 1 000 incubators through the core router. Target: < 50 ms.
// Run: npm run bench -- list   (or: npx tsx bench/foundation-list-search.ts)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../core/workbench.js';
import { createWorkbenchRouter } from '../core/create-handlers.js';
import { checkIncubator } from '../shared/domain/incubator.js';
import { saveIncubator } from '../db/repositories/incubator-repository.js';
import { incubatorSearchText } from '../core/services/search-text.js';
import { sampleIncubator } from '../tests/support/sample-incubator.js';
import { machineLine, report } from './support/stats.js';

const COUNT = 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'wb-bench-list-'));
const wb = new Workbench({ dataDir: dir, shell: 'test', dailyBackups: false }).open();
const router = createWorkbenchRouter(wb);

console.log(`# foundation-list-search: ${machineLine()}`);
try {
  // Seeded through the repository in one transaction (the same code path as a save, minus 1 000 fsyncs).
  const { db } = wb.database;
  const t0 = performance.now();
  db.transaction((tx) => {
    for (let i = 0; i < COUNT; i++) {
      const { normalized } = checkIncubator(sampleIncubator(i));
      saveIncubator(tx, wb.changeContext(), { values: normalized, searchText: incubatorSearchText(normalized) });
    }
  });
  console.log(`seeded ${COUNT} incubators in ${(performance.now() - t0).toFixed(0)} ms`);

  const queries: [string, string][] = [
    ['list, no query', ''],
    ['search by name fragment 「科技企业孵化器5」', '科技企业孵化器5'],
    ['search by city 「柳州」 (~70 hits)', '柳州'],
    ['search by 信用代码 fragment', sampleIncubator(777).creditCode.slice(8, 14).toLowerCase()],
    ['search by 运营机构 「创新服务有限公司」 (all)', '创新服务有限公司'],
    ['search by pinyin initials 「lzxcl」 (柳州新材料…)', 'lzxcl'],
    ['search by full pinyin 「nanning」', 'nanning'],
    ['search, no match', '不存在的名称xyz'],
  ];
  for (const [label, query] of queries) {
    const samples: number[] = [];
    let hits = 0;
    for (let i = 0; i < ROUNDS + 5; i++) {
      const t = performance.now();
      const r = await router.dispatch('incubators.list', { query });
      const ms = performance.now() - t;
      if (!r.ok) throw new Error(r.error.message);
      hits = (r.value as unknown[]).length;
      if (i >= 5) samples.push(ms); // first 5: warm-up
    }
    report(`${label} → ${hits} rows`, samples, { stat: 'p95', belowMs: 50 });
  }
} finally {
  wb.close();
  rmSync(dir, { recursive: true, force: true });
}
