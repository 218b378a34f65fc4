// The project archive in a process of its own (bench/project-archive.bench.ts bundles this file as the app bundles
// its main process): its wall time and the process's peak RSS (VmHWM) are the archive's, not the seeding's.
// Run by the bench: node <bundle> <data dir> <project id> <target.zip>; prints one line.
import { readFileSync } from 'node:fs';
import { Workbench } from '../../core/workbench.js';
import { writeProjectArchive } from '../../core/archive/project-archive.js';

const peakRssMb = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;

const [dataDir, projectId, target] = process.argv.slice(2) as [string, string, string];
const w = new Workbench({ dataDir, shell: 'test', dailyBackups: false }).open();
try {
  const before = process.memoryUsage().rss / 2 ** 20;
  const t = performance.now();
  const result = await writeProjectArchive(w.database.db, projectId, target, { now: new Date(), onProgress: process.env.ARCHIVE_TRACE ? (p) => console.log(p.current, (process.memoryUsage().rss / 2 ** 20).toFixed(0), (process.memoryUsage().external / 2 ** 20).toFixed(0)) : undefined });
  const ms = performance.now() - t;
  const peak = peakRssMb();
  console.log(
    `archive: ${result.index.length} files, ${(result.size / 2 ** 20).toFixed(1)} MB in ${ms.toFixed(0)} ms (target < 10000 ms) ${ms < 10_000 ? 'MET' : 'MISSED'}; ` +
      `peak RSS of the process ${peak.toFixed(0)} MB (VmHWM) (target < 200 MB) ${peak < 200 ? 'MET' : 'MISSED'}; RSS before the archive ${before.toFixed(0)} MB`,
  );
} finally {
  w.close();
}
