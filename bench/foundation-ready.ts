// Backend ready from process start: spawn the built browser-mode entry (node dist/node/browser-main.mjs) and
// time until it prints its URL — by then the database is opened, checked and migrated, and the host listens.
// Target: < 300 ms. Needs `npm run build` (run-bench.mjs checks). Run: npm run bench -- ready
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { machineLine, report } from './support/stats.js';

const root = join(import.meta.dirname, '..');
const browserMain = join(root, 'dist', 'node', 'browser-main.mjs');
const cli = join(root, 'dist', 'node', 'cli.mjs');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);

if (!existsSync(browserMain) || !existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

/** Milliseconds from spawn until a line of stdout matches, then the process is stopped. */
function timeUntil(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let readyAt: number | null = null;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (readyAt === null && ready.test(out)) {
        readyAt = performance.now() - t0;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // Resolve only once the process is gone, so the next run does not compete with its shutdown.
    child.on('exit', (code) => {
      if (readyAt === null) reject(new Error(`exited (${code}) before ready: ${out}${err}`));
      else resolve(readyAt);
    });
  });
}

function timeRun(args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return performance.now() - t0;
}

console.log(`# foundation-ready: ${machineLine()}`);
const temp = mkdtempSync(join(tmpdir(), 'wb-bench-ready-'));
try {
  const baseline: number[] = [];
  for (let i = 0; i < ROUNDS; i++) baseline.push(timeRun(['-e', '0'], {}));
  report('(reference) node -e 0', baseline);

  const env = (dataDir: string) => ({ WORKBENCH_DATA_DIR: dataDir, WORKBENCH_NO_OPEN: '1', WORKBENCH_PORT: '0' });
  const fresh: number[] = [];
  for (let i = 0; i < ROUNDS; i++) fresh.push(await timeUntil([browserMain], env(join(temp, `fresh-${i}`)), /工作台地址：/));
  report('browser-main → URL printed, new data folder (create+migrate)', fresh, { stat: 'p50', belowMs: 300 });

  // An existing database with the demo data (and its daily backup already made today).
  const existing = join(temp, 'existing');
  timeRun([cli, 'demo'], { WORKBENCH_DATA_DIR: existing });
  const again: number[] = [];
  for (let i = 0; i < ROUNDS; i++) again.push(await timeUntil([browserMain], env(existing), /工作台地址：/));
  report('browser-main → URL printed, existing database', again, { stat: 'p50', belowMs: 300 });

  // The CLI end to end (start, open, migrate check, list, exit) for comparison.
  const copy = existing;
  const cliRuns: number[] = [];
  for (let i = 0; i < ROUNDS; i++) cliRuns.push(timeRun([cli, 'incubators', '--json'], { WORKBENCH_DATA_DIR: copy }));
  report('(comparison) cli incubators --json, whole run', cliRuns);

  // Experiment: the same entry bundled with its npm packages (better-sqlite3 stays external: it is native).
  // Resolving and reading hundreds of small files under node_modules is most of the start; this shows the gain.
  const bundleDir = join(root, 'tests', 'artifacts', `bench-bundle-${process.pid}`);
  try {
    await build({
      entryPoints: { 'browser-main': join(root, 'core', 'browser-main.ts') },
      outdir: bundleDir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      external: ['better-sqlite3'],
      // CommonJS packages inside an ESM bundle call require(): give them one.
      banner: { js: "import { createRequire as __wbRequire } from 'node:module'; const require = __wbRequire(import.meta.url);" },
      logLevel: 'error',
    });
    const bundled: number[] = [];
    for (let i = 0; i < ROUNDS; i++) bundled.push(await timeUntil([join(bundleDir, 'browser-main.mjs')], env(existing), /工作台地址：/));
    report('(experiment) same, npm packages bundled too, existing database', bundled, { stat: 'p50', belowMs: 300 });
  } finally {
    rmSync(bundleDir, { recursive: true, force: true });
  }

  // Module loading alone: how much of the start is importing npm packages.
  const importOnly: number[] = [];
  const probe = `import('drizzle-orm/better-sqlite3').then(()=>import('drizzle-orm/better-sqlite3/migrator')).then(()=>import('zod')).then(()=>import('pinyin-pro'))`;
  for (let i = 0; i < ROUNDS; i++) importOnly.push(timeRun(['-e', probe], {}));
  report('(comparison) node importing drizzle+zod+pinyin-pro only', importOnly);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
