#!/usr/bin/env node
// `npm run bench [-- <name filter>]`: runs every bench/*.ts one after the other with tsx and prints their figures.
// Benchmarks that time a process start (bench/*ready*.ts) run the built app in dist/: it is rebuilt first
// when missing. Figures only; nothing here fails on a missed target (tests never assert timings).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv[2] ?? '';
const benches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && f.includes(filter))
  .sort();
if (benches.length === 0) {
  console.error(`no bench/*.ts matches "${filter}"`);
  process.exit(1);
}

if (benches.some((f) => f.includes('ready') || f.includes('first-screen')) && !(existsSync(join(root, 'dist', 'node', 'browser-main.mjs')) && existsSync(join(root, 'dist', 'renderer', 'index.html')))) {
  console.log('dist/ missing: npm run build');
  const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

let failed = 0;
for (const f of benches) {
  console.log(`\n== bench/${f}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join('bench', f)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`bench/${f} exited with ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
