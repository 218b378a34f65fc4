// Signing a completed diagnosis from the editor, then correcting it by a new revision (sync.md §7): one app
// instance (browser mode) and one sync server (the embedded PGlite default).
import { test, expect } from '@playwright/test';
import { signedInApp } from './fixtures/signed-in-app.js';
import { DocumentPages } from './pages/document-pages.js';

test('a completed diagnosis is signed (read-only), then corrected by 第 2 版 which supersedes it', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', '签署端到端测试只在浏览器模式下运行。');
  test.setTimeout(240_000);
  const app = await signedInApp(browser, '南宁市科技服务中心');
  try {
    const page = app.page;
    await page.getByRole('button', { name: '加载示例数据' }).first().click();
    await expect(page.getByText(/已加载 \d+ 个示例孵化器|示例数据已存在/)).toBeVisible();
    await expect(page.getByRole('button', { name: '同步状态：已同步' })).toBeVisible({ timeout: 90_000 });

    const d = new DocumentPages(page, '诊断意见表');
    await d.open();
    await d.chooseIncubator('南宁邕江科技企业孵化器');
    const rows = d.rows();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('第 1 版');
    await rows.first().getByRole('button', { name: /^打开「/ }).click();

    // Sign: a confirm that says what it means, then 已签署 and read-only.
    await page.getByRole('button', { name: /^签\s*署$/ }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '签署这份诊断意见表？' });
    await expect(confirm).toContainText('所有设备上都变为只读');
    await confirm.getByRole('button', { name: /^签\s*署$/ }).click();
    await expect(page.getByText('已签署', { exact: true })).toBeVisible();
    // Signed here at once; the page reads it again after the next sync, when the server has confirmed it.
    await expect(page.getByText('待服务器确认')).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByRole('button', { name: '重新打开' })).toHaveCount(0);
    // Read-only: a readable page, no input left to type in.
    await expect(page.getByRole('article', { name: '表A.1 科技企业孵化器培育诊断意见表' })).toBeVisible();
    await expect(d.field('可自主支配的孵化场地总面积（m²）')).toHaveCount(0);

    // Revise: the reason is required; the new revision opens as an editable draft.
    await page.getByRole('button', { name: '修订（新版本）' }).click();
    const dialog = page.getByRole('dialog', { name: '修订（新版本）' });
    await dialog.getByRole('button', { name: '新建修订版本' }).click();
    await expect(dialog.getByText('请填写修订原因。')).toBeVisible();
    await dialog.getByLabel('修订原因').fill('更正在孵企业数量');
    await dialog.getByRole('button', { name: '新建修订版本' }).click();
    await expect(page.getByText('第 2 版', { exact: true })).toBeVisible();
    await expect(page.getByText('第 2 版，修订原因：更正在孵企业数量')).toBeVisible();
    await expect(d.field('可自主支配的孵化场地总面积（m²）')).toBeEnabled();
    await expect(d.field('可自主支配的孵化场地总面积（m²）')).toHaveValue(/^8,?200$/);

    // The list: both versions, the signed one superseded.
    await page.getByRole('button', { name: '返回列表' }).click();
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: '已签署' })).toContainText('已被第 2 版取代');
    await expect(rows.filter({ hasText: '草稿' })).toContainText('第 2 版');
  } finally {
    await app.close();
  }
});
