// Signing with no sync server at all (docs/sync.md §Signing): an agency that never set up sync signs a completed
// diagnosis; it is signed and read-only at once, with nothing said to wait for a server, and stays so after a reload.
import { test, expect } from './fixtures/app.js';
import { DocumentPages } from './pages/document-pages.js';

test('with no sync server, a completed diagnosis is signed at once and stays signed and read-only', async ({ app }) => {
  test.setTimeout(120_000);
  const page = app.page;
  const d = new DocumentPages(page, '诊断意见表');
  await d.loadDemo();
  await d.open();
  await d.chooseIncubator('南宁邕江科技企业孵化器');
  await expect(d.rows()).toHaveCount(1);
  await d.rows().first().getByRole('button', { name: /^打开「/ }).click();

  await page.getByRole('button', { name: /^签\s*署$/ }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '签署这份诊断意见表？' });
  await expect(confirm).toContainText('在本机立即变为只读');
  await confirm.getByRole('button', { name: /^签\s*署$/ }).click();
  await expect(page.getByText('已签署', { exact: true })).toBeVisible();
  // No server is set up: nothing to confirm, and no message asking to log in first.
  await expect(page.getByText('待服务器确认')).toHaveCount(0);
  await expect(page.getByText('请先登录同步服务器')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '重新打开' })).toHaveCount(0);
  await expect(page.getByRole('article', { name: '表A.1 科技企业孵化器培育诊断意见表' })).toBeVisible();
  await expect(d.field('可自主支配的孵化场地总面积（m²）')).toHaveCount(0);

  await page.reload();
  await d.open();
  await d.chooseIncubator('南宁邕江科技企业孵化器');
  await expect(d.rows().first()).toContainText('已签署');
  await d.rows().first().getByRole('button', { name: /^打开「/ }).click();
  await expect(page.getByText('已签署', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '修订（新版本）' })).toBeVisible();
});
