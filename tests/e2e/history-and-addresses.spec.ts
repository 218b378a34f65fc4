// The address says where you are (issue 8.6) and the history leads to its records (issue 8.2, UI half).
import { test, expect } from './fixtures/app.js';
import { IncubatorPages } from './pages/incubator-pages.js';
import { DocumentPages } from './pages/document-pages.js';
import { syncStatus } from './pages/sync-status.js';
import { AppFrame } from './pages/app-frame.js';

test('records open from 最近操作 and the list into the address; reload and back keep it; 操作记录 filters by kind and record', async ({ app }) => {
  test.setTimeout(120_000);
  const page = app.page;
  await page.getByRole('button', { name: '加载示例数据' }).first().click();
  await expect(page.getByText('已加载 5 个示例孵化器')).toBeVisible();
  await page.reload(); // the dashboard reads the history when it opens
  const incubators = new IncubatorPages(page);

  // 最近操作: an entry opens its record; closing it returns to the dashboard.
  // The demo's newest entries are its plans (loaded last): one of them, by the incubator it names.
  const recent = page.getByRole('main').getByRole('listitem').filter({ hasText: /新建「.+」的培育方案/ }).first();
  const named = /新建「(.+)」的培育方案/.exec(await recent.innerText())![1]!;
  await recent.getByRole('link').click();
  expect(incubators.frame.route()).toMatch(/^\/documents\/plan\/[0-9a-f-]{36}$/);
  await expect(incubators.frame.heading).toHaveText('培育方案');
  // The editor's code may still be loading (the dashboard stays hidden meanwhile): wait for the editor itself.
  await expect(page.getByRole('main').getByRole('button', { name: '返回列表' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('main').getByText(named, { exact: true }).first()).toBeVisible();
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
  // Through the page model, which waits for each drop-down to close before the next opens.
  const lists = new DocumentPages(page, '设置与备份');
  await lists.chooseOption('记录类型', /^孵化器$/);
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

test('a stretch of typing in a diagnosis is one 最近操作 entry naming the fields, and 待同步 names the record', async ({ app }) => {
  test.setTimeout(150_000);
  const page = app.page;
  const d = new DocumentPages(page, '诊断意见表');
  await d.loadDemo();
  await d.open();
  await d.chooseIncubator('桂林漓江电子信息孵化园');
  await d.row('桂林漓江电子信息孵化园', '草稿').getByRole('button', { name: /^打开「/ }).click();
  // Several autosaves (each blur saves): a consultant writing, pausing and going on.
  for (const text of ['场地充足。', '场地充足。导师偏少，', '场地充足。导师偏少，建议一年内补齐。']) {
    await d.field('诊断总结').fill(text);
    await d.field('诊断总结').blur();
    await expect(page.getByText(/已自动保存|草稿已保存/).first()).toBeVisible();
  }
  await d.fill({ '可自主支配场地内在孵企业数量（家）': '37' });
  await page.getByRole('button', { name: '返回列表' }).click();

  await new AppFrame(page).goTo('工作台');
  await page.reload(); // the dashboard reads the history when it opens
  const entries = page.getByRole('main').getByRole('listitem').filter({ hasText: '修改「桂林漓江电子信息孵化园」的诊断意见表' });
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('诊断总结');
  await expect(entries.first()).toContainText('可自主支配场地内在孵企业数量（家）');

  await syncStatus(page).click();
  await page.getByRole('tab', { name: /^待同步/ }).click();
  await expect(page.getByRole('dialog').getByRole('link', { name: '诊断意见表「桂林漓江电子信息孵化园」' })).toBeVisible();
});
