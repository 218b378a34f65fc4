// The portfolio export in a process of its own (bench/evaluation.bench.ts bundles this file as the app bundles its
// CLI and main process): its time and the process's peak RSS are the export's, not the seeding's, and not those of
// Node resolving drizzle-orm's ~450 files one by one under tsx (~150 MB of loader garbage in Node 24).
// Run by the bench: node <bundle> <data dir>; prints one line.
import { Workbench } from '../../core/workbench.js';
import { exportPortfolio } from '../../core/services/portfolio-service.js';

const w = new Workbench({ dataDir: process.argv[2]!, shell: 'test', dailyBackups: false }).open();
try {
  const startRss = process.memoryUsage().rss;
  const t = performance.now();
  const bytes = await exportPortfolio(w.database.db);
  const ms = performance.now() - t;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
  console.log(
    `portfolio of ${process.argv[3]} incubators: ${ms.toFixed(0)} ms (target < 3000 ms) ${ms < 3000 ? 'MET' : 'MISSED'}; ${(bytes.byteLength / 1024).toFixed(0)} KB; ` +
      `peak RSS of the process ${mb(maxRss)} (target < 300 MB) ${maxRss < 300 * 2 ** 20 ? 'MET' : 'MISSED'}; RSS before the export ${mb(startRss)}`,
  );
} finally {
  w.close();
}
