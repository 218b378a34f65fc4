// First screen (issue 8.7): browser mode, headless Chromium (Debian's), from navigation start until 工作台 is
// visible with its content (the dashboard's 最近操作 list), on a database with the demo data. Cold = a new
// browser context each round (empty cache, as when the app is opened); warm = a reload in the same context.
// Also prints how much JavaScript the first screen loads. Target: p50 < 500 ms (cold).
// Needs `npm run build`. Run: npm run bench -- first-screen
// FIRST_SCREEN_ROOT=<another checkout with its dist/> measures that build instead (before/after comparisons).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startBrowserMode } from '../tests/e2e/fixtures/launch-browser-mode.js';
import { machineLine, report } from './support/stats.js';

const root = process.env.FIRST_SCREEN_ROOT ?? join(import.meta.dirname, '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const TARGET_MS = 500;

if (!existsSync(join(root, 'dist', 'node', 'browser-main.mjs')) || !existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
  console.error(`${root}/dist is missing: run \`npm run build\` first.`);
  process.exit(1);
}

/** Milliseconds from starting the navigation until the dashboard shows its content. */
async function timeFirstScreen(page: Page, go: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await go();
  await page.getByText('最近操作', { exact: true }).waitFor({ state: 'visible', timeout: 30_000 });
  return performance.now() - t0;
}

console.log(`# first-screen: ${machineLine()}`);
console.log(`# app: ${root}`);
const dataDir = mkdtempSync(join(tmpdir(), 'wb-bench-first-screen-'));
const demo = spawnSync(process.execPath, [join(root, 'dist', 'node', 'cli.mjs'), 'demo'], { env: { ...process.env, WORKBENCH_DATA_DIR: dataDir }, encoding: 'utf8' });
if (demo.status !== 0) throw new Error(`demo data: ${demo.stderr}`);
// startBrowserMode runs dist/node/browser-main.mjs of the current directory.
process.chdir(root);
const server = await startBrowserMode(dataDir);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
try {
  const cold: number[] = [];
  const warm: number[] = [];
  let scriptBytes = 0;
  let scriptFiles = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') void r.body().then((b) => scripts.set(r.url(), b.length), () => undefined);
    });
    cold.push(await timeFirstScreen(page, () => page.goto(server.launchUrl)));
    if (i === 0) {
      await page.waitForLoadState('networkidle');
      scriptFiles = scripts.size;
      scriptBytes = [...scripts.values()].reduce((a, b) => a + b, 0);
    }
    warm.push(await timeFirstScreen(page, () => page.reload()));
    await context.close();
  }
  report('first screen, cold (new context, empty cache)', cold, { stat: 'p50', belowMs: TARGET_MS });
  report('first screen, warm (reload, cached scripts)', warm);
  console.log(`JavaScript loaded for the first screen: ${scriptFiles} files, ${(scriptBytes / 1024).toFixed(0)} KB (uncompressed)`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
