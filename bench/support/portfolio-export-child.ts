// The portfolio export in a process of its own (bench/evaluation.bench.ts bundles this file as the app bundles its
// CLI and main process): its time and the process's peak RSS are the export's, not the seeding's, and not those of
// Node resolving drizzle-orm's ~450 files one by one under tsx (~150 MB of loader garbage in Node 24).
// Run by the bench: node <bundle> <data dir>; prints one line.
import { readFileSync } from 'node:fs';
import { Workbench } from '../../core/workbench.js';
import { exportPortfolio } from '../../core/services/portfolio-service.js';

/**
 * This process's peak RSS. On Linux from /proc (VmHWM, the peak of this process's own memory): getrusage's maxRSS
 * keeps the parent's RSS at fork time across exec (the bench's own ~450 MB after seeding), which is not the export's.
 */
function peakRss(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // Not Linux: getrusage, which is this process's own when not started by fork+exec.
  }
  return process.resourceUsage().maxRSS * 1024;
}

const w = new Workbench({ dataDir: process.argv[2]!, shell: 'test', dailyBackups: false }).open();
try {
  const startRss = process.memoryUsage().rss;
  const t = performance.now();
  const bytes = await exportPortfolio(w.database.db);
  const ms = performance.now() - t;
  const maxRss = peakRss();
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
  console.log(
    `portfolio of ${process.argv[3]} incubators: ${ms.toFixed(0)} ms (target < 3000 ms) ${ms < 3000 ? 'MET' : 'MISSED'}; ${(bytes.byteLength / 1024).toFixed(0)} KB; ` +
      `peak RSS of the process ${mb(maxRss)} (VmHWM) (target < 300 MB) ${maxRss < 300 * 2 ** 20 ? 'MET' : 'MISSED'}; RSS before the export ${mb(startRss)}`,
  );
} finally {
  w.close();
}
