import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startBrowserMode } from '../tests/e2e/fixtures/launch-browser-mode.js';
const dataDir = mkdtempSync(join(tmpdir(), 'wb-tl-'));
spawnSync(process.execPath, ['dist/node/cli.mjs', 'demo'], { env: { ...process.env, WORKBENCH_DATA_DIR: dataDir } });
const server = await startBrowserMode(dataDir);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (let i = 0; i < 2; i++) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  const page = await context.newPage();
  const path = `/tmp/prof/chrome-trace-${i}.json`;
  await browser.startTracing(page, { path, categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'] });
  await page.goto(server.launchUrl);
  await page.getByText('最近操作', { exact: true }).waitFor();
  await browser.stopTracing();
  await context.close();
  if (i === 1) {
    const { traceEvents } = JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: { name: string; dur?: number; ph: string; tid: number; ts: number }[] };
    const sums = new Map<string, number>();
    for (const e of traceEvents) if (e.ph === 'X' && e.dur) sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur);
    [...sums].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([n, d]) => console.log((d / 1000).toFixed(1).padStart(8), n));
  }
}
await browser.close();
await server.stop();
