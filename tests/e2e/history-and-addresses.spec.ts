// The address says where you are (issue 8.6) and the history leads to its records (issue 8.2, UI half).
import { test, expect } from './fixtures/app.js';
import { IncubatorPages } from './pages/incubator-pages.js';

test('records open from 最近操作 and the list into the address; reload and back keep it; 操作记录 filters by kind and record', async ({ app }) => {
  test.setTimeout(120_000);
  const page = app.page;
  await page.getByRole('button', { name: '加载示例数据' }).first().click();
  await expect(page.getByText('已加载 5 个示例孵化器')).toBeVisible();
  await page.reload(); // the dashboard reads the history when it opens
  const incubators = new IncubatorPages(page);

  // 最近操作: an entry opens its record; closing it returns to the dashboard.
  const recent = page.getByRole('main').getByRole('listitem').filter({ hasText: '新建「北海向海经济科技孵化器」的诊断意见表' });
  await recent.getByRole('link').click();
  expect(incubators.frame.route()).toMatch(/^\/documents\/diagnosis\/[0-9a-f-]{36}$/);
  await expect(incubators.frame.heading).toHaveText('诊断意见表');
  // The editor's code may still be loading (the dashboard stays hidden meanwhile): wait for the editor itself.
  await expect(page.getByRole('main').getByRole('button', { name: '返回列表' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('main').getByText('北海向海经济科技孵化器', { exact: true }).first()).toBeVisible();
  await page.goBack();
  await expect(incubators.frame.heading).toHaveText('工作台');
  expect(incubators.frame.route()).toBe('/dashboard');

  // An incubator opened from the list: its address survives a reload; the back button closes it.
  await incubators.open();
  await incubators.row('柳州汽车零部件专业孵化器').getByRole('link').click();
  await expect(incubators.field('孵化器名称')).toHaveValue('柳州汽车零部件专业孵化器');
  const address = incubators.frame.route();
  expect(address).toMatch(/^\/incubators\/[0-9a-f-]{36}$/);
  await page.reload();
  await expect(incubators.field('孵化器名称')).toHaveValue('柳州汽车零部件专业孵化器');
  expect(incubators.frame.route()).toBe(address);
  await page.goBack();
  await expect(incubators.editor).toBeHidden();
  await expect(incubators.frame.heading).toHaveText('孵化器');

  // 操作记录: by kind of record, then by one record.
  await incubators.frame.goTo('设置与备份');
  const log = page.getByRole('main').getByRole('table').last();
  await page.getByLabel('记录类型', { exact: true }).click();
  await page.getByRole('option', { name: '孵化器', exact: true }).click();
  const kinds = log.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(kinds).toHaveCount(5);
  for (const text of await kinds.allInnerTexts()) expect(text).toContain('孵化器');

  await page.getByLabel('记录', { exact: true }).click();
  await page.getByRole('option', { name: '孵化器 · 南宁邕江科技企业孵化器' }).click();
  await expect(kinds).toHaveCount(1);
  await expect(kinds.first().getByRole('link')).toHaveText('新建孵化器「南宁邕江科技企业孵化器」');

  // An entry opens its record from here too.
  await kinds.first().getByRole('link').click();
  await expect(incubators.field('孵化器名称')).toHaveValue('南宁邕江科技企业孵化器');
  await page.keyboard.press('Escape');
  await expect(incubators.frame.heading).toHaveText('设置与备份');
});
