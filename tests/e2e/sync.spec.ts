// Two app instances (browser mode, two data folders) and one sync server (the embedded PGlite default):
// an incubator created offline on the first appears on the second; the same field edited on both while offline
// shows a conflict that is resolved side by side.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserModeServer } from './fixtures/launch-browser-mode.js';
import { createAgency, freePort, loginFromSettings, startSyncServer, stopProcess as stop } from './fixtures/sync-server-process.js';
import { IncubatorPages } from './pages/incubator-pages.js';
import { syncAttention, syncStatus } from './pages/sync-status.js';

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
    await createAgency(serverData, '柳州市科技服务中心');
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
    await expect(syncStatus(one)).toHaveAccessibleName(/^同步状态：离线/, { timeout: 30_000 });
    const inc1 = new IncubatorPages(one);
    await inc1.open();
    await inc1.startNew();
    await inc1.fill({ 孵化器名称: '柳州螺蛳粉产业孵化器', 运营机构: '柳州市创新发展有限公司', 统一社会信用代码: '91450107MA5KA3RN4L' });
    await inc1.save();
    await expect(one.getByText('已保存「柳州螺蛳粉产业孵化器」')).toBeVisible();
    await expect(syncStatus(one)).toHaveAccessibleName(/^同步状态：离线 · \d+ 项待同步$/);

    // Online again: it goes up by itself and appears on the second instance.
    server = await startSyncServer(serverData, port);
    await expect(syncStatus(one)).toHaveAccessibleName('同步状态：已同步', { timeout: 90_000 });
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
      await expect(syncStatus(page)).toHaveAccessibleName(/^同步状态：离线/, { timeout: 30_000 });
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
    const badgeOf = syncAttention;
    await expect(async () => {
      const counts = await Promise.all([badgeOf(one).count(), badgeOf(two).count()]);
      expect(counts[0] + counts[1]).toBe(1);
    }).toPass({ timeout: 90_000 });
    const loser = (await badgeOf(one).count()) > 0 ? one : two;
    const winner = loser === one ? two : one;
    const mine = loser === one ? '柳州市创新发展有限公司（一）' : '柳州市创新发展有限公司（二）';
    await syncStatus(loser).click();
    const drawer = loser.getByRole('dialog', { name: '数据同步' });
    const conflict = drawer.getByRole('group', { name: '冲突：孵化器 · 运营机构' });
    await expect(conflict).toHaveCount(1);
    await expect(conflict.getByRole('group', { name: '我的修改' })).toHaveText(`我的修改${mine}`);
    await expect(conflict.getByRole('group', { name: '服务器上的（当前显示）' })).not.toContainText(mine);
    await conflict.getByRole('button', { name: '保留我的' }).click();
    await expect(drawer.getByRole('group', { name: /^冲突：/ })).toHaveCount(0);
    await loser.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // Everyone ends with the kept value.
    for (const page of [loser, winner]) {
      await expect(syncStatus(page)).toHaveAccessibleName('同步状态：已同步', { timeout: 90_000 });
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
