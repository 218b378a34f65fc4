// Two app instances (browser mode, two data folders) and one sync server (the embedded PGlite default):
// an incubator created offline on the first appears on the second; the same field edited on both while offline
// shows a conflict that is resolved side by side.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserModeServer } from './fixtures/launch-browser-mode.js';
import { IncubatorPages } from './pages/incubator-pages.js';

const SERVER = join(process.cwd(), 'dist/node/server.mjs');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function runServer(args: string[], env: Record<string, string>, stdin?: string): ChildProcess {
  const child = spawn(process.execPath, [SERVER, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin!.end(stdin ?? '');
  return child;
}

async function startSyncServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = runServer([], { SERVER_DATA_DIR: dataDir, PORT: String(port) });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sync server did not start:\n${out}`)), 60_000);
    const on = (d: Buffer) => {
      out += d.toString();
      if (out.includes('同步服务器已启动')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    child.once('exit', () => reject(new Error(`sync server exited:\n${out}`)));
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((r) => {
    child.once('exit', () => r());
    child.kill('SIGTERM');
  });
}

async function loginFromSettings(page: Page, url: string): Promise<void> {
  await page.getByTestId('sync-indicator').getByRole('button').click();
  const drawer = page.getByRole('dialog', { name: '数据同步' });
  await drawer.getByLabel('服务器地址').fill(url);
  await drawer.getByLabel('登录名').fill('zhang');
  await drawer.getByLabel('密码').fill('zhang-password-1');
  await drawer.getByRole('button', { name: /登\s*录/ }).click();
  await expect(drawer.getByTestId('sync-state-text')).toHaveText(/已同步|有修改待同步|正在同步/, { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
}

test('two instances and one server: offline create, then a conflict resolved side by side', async ({ browser, }, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', '同步端到端测试只在浏览器模式下运行（两个实例各用一个数据文件夹）。');
  test.setTimeout(240_000);
  const serverData = mkdtempSync(join(tmpdir(), 'wb-e2e-sync-server-'));
  const dirs = [mkdtempSync(join(tmpdir(), 'wb-e2e-sync-a-')), mkdtempSync(join(tmpdir(), 'wb-e2e-sync-b-'))];
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const hosts: BrowserModeServer[] = [];
  let server: ChildProcess | null = null;
  try {
    const admin = runServer(['admin', 'create-agency', '柳州市科技服务中心', '--user', 'zhang', '--password-stdin'], { SERVER_DATA_DIR: serverData }, 'zhang-password-1\n');
    expect(await new Promise((r) => admin.once('exit', r))).toBe(0);
    server = await startSyncServer(serverData, port);

    const pages: Page[] = [];
    for (const dir of dirs) {
      const host = await startBrowserMode(dir, { WORKBENCH_SYNC_PERIOD_MS: '2000' });
      hosts.push(host);
      const page = await (await browser.newContext()).newPage();
      await page.goto(host.launchUrl);
      await loginFromSettings(page, url);
      pages.push(page);
    }
    const [one, two] = pages as [Page, Page];

    // Offline: the server is down; the first instance creates an incubator and says it is waiting.
    await stop(server);
    await expect(one.getByTestId('sync-indicator')).toHaveAttribute('data-sync-state', 'offline', { timeout: 30_000 });
    const inc1 = new IncubatorPages(one);
    await inc1.open();
    await inc1.startNew();
    await inc1.fill({ 孵化器名称: '柳州螺蛳粉产业孵化器', 运营机构: '柳州市创新发展有限公司', 统一社会信用代码: '91450107MA5KA3RN4L' });
    await inc1.save();
    await expect(one.getByText('已保存「柳州螺蛳粉产业孵化器」')).toBeVisible();
    await expect(one.getByTestId('sync-indicator')).toContainText(/离线 · \d+ 项待同步/);

    // Online again: it goes up by itself and appears on the second instance.
    server = await startSyncServer(serverData, port);
    await expect(one.getByTestId('sync-indicator')).toHaveAttribute('data-sync-state', 'synced', { timeout: 90_000 });
    const inc2 = new IncubatorPages(two);
    await inc2.open();
    await expect(async () => {
      await inc2.search('柳州螺蛳粉');
      await expect(inc2.rows()).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });

    // Both edit the same field while offline.
    await stop(server);
    for (const [page, value] of [
      [one, '柳州市创新发展有限公司（一）'],
      [two, '柳州市创新发展有限公司（二）'],
    ] as const) {
      await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-sync-state', 'offline', { timeout: 30_000 });
      const inc = new IncubatorPages(page);
      await inc.open();
      await inc.search('柳州螺蛳粉');
      await page.getByRole('button', { name: '编辑' }).first().click();
      await inc.fill({ 运营机构: value });
      await inc.save();
      await expect(page.getByText('已保存「柳州螺蛳粉产业孵化器」')).toBeVisible();
    }
    server = await startSyncServer(serverData, port);
    // One of them gets the conflict: a badge on the sync indicator, and a side-by-side choice.
    const badgeOf = (page: Page) => page.getByTestId('sync-indicator').locator('.ant-badge-count');
    await expect(async () => {
      const counts = await Promise.all([badgeOf(one).count(), badgeOf(two).count()]);
      expect(counts[0] + counts[1]).toBe(1);
    }).toPass({ timeout: 90_000 });
    const loser = (await badgeOf(one).count()) > 0 ? one : two;
    const winner = loser === one ? two : one;
    const mine = loser === one ? '柳州市创新发展有限公司（一）' : '柳州市创新发展有限公司（二）';
    await loser.getByTestId('sync-indicator').getByRole('button').click();
    const drawer = loser.getByRole('dialog', { name: '数据同步' });
    const conflict = drawer.getByTestId('sync-conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict.getByTestId('conflict-mine')).toHaveText(mine);
    await expect(conflict.getByTestId('conflict-theirs')).not.toHaveText(mine);
    await conflict.getByRole('button', { name: '保留我的' }).click();
    await expect(drawer.getByTestId('sync-conflict')).toHaveCount(0);
    await loser.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // Everyone ends with the kept value.
    for (const page of [loser, winner]) {
      await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-sync-state', 'synced', { timeout: 90_000 });
    }
    await expect(async () => {
      await winner.reload(); // the list reads the local database when it opens
      const inc = new IncubatorPages(winner);
      await inc.open();
      await inc.search('柳州螺蛳粉');
      await expect(inc.rows().first()).toContainText(mine, { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
  } finally {
    for (const h of hosts) await h.stop().catch(() => undefined);
    if (server) await stop(server);
    for (const d of [serverData, ...dirs]) rmSync(d, { recursive: true, force: true });
  }
});
