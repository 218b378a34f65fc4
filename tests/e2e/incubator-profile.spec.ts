// The incubator profile (docs/process.md §Profile) on a laptop screen: opened from the incubator list, its own
// address, the key figures in words beside their charts, the project link that opens the project page.
import { test, expect } from './fixtures/app.js';
import { IncubatorPages } from './pages/incubator-pages.js';

test.describe.configure({ timeout: 180_000 });

test('the profile of a demo incubator shows its figures over time and links to its project, at 1024×700', async ({ app }, testInfo) => {
  const page = app.page;
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByRole('button', { name: '加载示例数据' }).first().click();
  await expect(page.getByText('已加载 5 个示例孵化器')).toBeVisible();
  const incubators = new IncubatorPages(page);
  await incubators.open();
  await page.getByRole('button', { name: '「南宁邕江科技企业孵化器」的画像' }).click();

  await expect(page).toHaveURL(/#\/profiles\//);
  await expect(page.getByRole('heading', { name: '南宁邕江科技企业孵化器 · 画像' })).toBeVisible();
  // The latest value and its date in words, and every value in the chart's text alternative.
  const incubatees = page.getByRole('region', { name: '在孵企业数量' });
  await expect(incubatees).toContainText('最新：42 家');
  await expect(incubatees).toContainText('2026年05月25日');
  await expect(incubatees.getByRole('img', { name: '在孵企业数量变化：2025年05月20日 32 家；2026年05月25日 42 家' })).toBeVisible();
  await expect(page.getByRole('region', { name: '获得投融资的在孵企业占比' })).toContainText('最新：19%');
  await expect(page.getByRole('img', { name: /变化：/ })).toHaveCount(6);
  await expect(page.getByRole('link', { name: '培育效果评价表' }).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('profile-1024x700.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 860 });
  await page.screenshot({ path: testInfo.outputPath('profile-1366x860.png'), fullPage: true });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByRole('link', { name: '诊断意见表' }).last().scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('profile-1024x700-lists.png') });

  // The project, its records by kind, and the link to its page; back returns to the profile.
  await expect(page.getByRole('main')).toContainText('洽谈与走访记录 2 条');
  await page.getByRole('link', { name: '2025 年度自治区级孵化器认定培育' }).click();
  await expect(page).toHaveURL(/#\/projects\//);
  const projectHeading = page.getByRole('heading', { name: /南宁邕江科技企业孵化器 · 2025 年度自治区级孵化器认定培育/ });
  await expect(projectHeading).toBeVisible();
  // 画像 from the project page too; its 返回 comes back to the project.
  await page.screenshot({ path: testInfo.outputPath('project-1024x700.png') });
  await page.getByRole('button', { name: '「南宁邕江科技企业孵化器」的画像' }).click();
  await expect(page.getByRole('heading', { name: '南宁邕江科技企业孵化器 · 画像' })).toBeVisible();
  await page.getByRole('button', { name: '返回' }).click();
  await expect(projectHeading).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: '南宁邕江科技企业孵化器 · 画像' })).toBeVisible();

  // Its own address: a reload opens the same profile; 返回 goes to the incubator list.
  await page.reload();
  await expect(page.getByRole('region', { name: '创业导师' })).toBeVisible();
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page).toHaveURL(/#\/incubators$/);
  await expect(incubators.rows()).toHaveCount(5);

  // And from the incubator's editor: 返回 comes back to the editor.
  await incubators.row('南宁邕江科技企业孵化器').getByRole('link', { name: '南宁邕江科技企业孵化器', exact: true }).click();
  await expect(incubators.editor).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('editor-1024x700.png') });
  await incubators.editor.getByRole('button', { name: '「南宁邕江科技企业孵化器」的画像' }).click();
  await expect(page.getByRole('heading', { name: '南宁邕江科技企业孵化器 · 画像' })).toBeVisible();
  await page.getByRole('button', { name: '返回' }).click();
  await expect(incubators.editor).toBeVisible();
  await expect(incubators.field('孵化器名称')).toHaveValue('南宁邕江科技企业孵化器');
});
