// Every screen read by axe-core and by a screen reader's ear (issue 8.5): no serious or critical violation,
// and no English accessible names (antd's icon file names, 「Clear」) — on the dashboard, the incubator list,
// editor and profile, the projects and a project with a record, the diagnosis list and editor, the rule sets, the agency, the settings and the sync drawer.
import { test, expect } from './fixtures/app.js';
import type { Page } from '@playwright/test';
import { IncubatorPages } from './pages/incubator-pages.js';
import { RuleSetPages } from './pages/rule-set-pages.js';
import { englishNames, seriousViolations } from './pages/axe.js';
import { syncStatus } from './pages/sync-status.js';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await test.step(screen, async () => {
    expect.soft(await seriousViolations(page), `axe on ${screen}`).toEqual([]);
    expect.soft(await englishNames(page), `English names on ${screen}`).toEqual([]);
  });
}

test('axe finds no serious or critical violation on any screen, and nothing is named in English', async ({ app }) => {
  // Eight screens, each scanned by axe-core: minutes on a busy 2-core machine.
  test.setTimeout(360_000);
  const page = app.page;
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByRole('button', { name: '加载示例数据' }).first().click();
  await expect(page.getByText('已加载 5 个示例孵化器')).toBeVisible();
  const incubators = new IncubatorPages(page);
  const frame = incubators.frame;

  await page.reload();
  await expect(page.getByRole('main').getByText('最近操作')).toBeVisible();
  await expectAccessible(page, '工作台');

  await incubators.open();
  await expect(incubators.rows()).toHaveCount(5);
  await expectAccessible(page, '孵化器列表');

  await incubators.row('南宁邕江科技企业孵化器').getByRole('link').click();
  await expect(incubators.field('孵化器名称')).toHaveValue('南宁邕江科技企业孵化器');
  await incubators.fill({ 统一社会信用代码: '123' }); // a field with its message showing
  await expectAccessible(page, '孵化器编辑（含错误提示）');
  await incubators.editor.getByRole('button', { name: /取\s*消/ }).click();
  await page.getByRole('dialog', { name: '放弃未保存的修改？' }).getByRole('button', { name: '放弃修改' }).click();
  await expect(incubators.editor).toBeHidden();

  await page.getByRole('button', { name: '「南宁邕江科技企业孵化器」的画像' }).click();
  await expect(page.getByRole('region', { name: '在孵企业数量' })).toContainText('最新');
  await expectAccessible(page, '孵化器画像');
  await page.getByRole('button', { name: '返回' }).click();

  await frame.goTo('诊断意见表');
  await expect(page.getByRole('main').getByRole('table')).toContainText('南宁邕江科技企业孵化器');
  await expectAccessible(page, '诊断意见表列表');

  await page.getByRole('main').getByRole('row').filter({ hasText: '北海向海经济科技孵化器' }).getByRole('button', { name: '打开' }).click();
  await expect(page.getByRole('main').getByText('北海向海经济科技孵化器').first()).toBeVisible();
  await expectAccessible(page, '诊断意见表编辑');

  const rules = new RuleSetPages(page);
  await rules.open();
  await rules.copyAsOwn();
  await rules.threshold('4.1.3').fill('-5');
  await expectAccessible(page, '认定规则集（含错误提示）');
  await page.keyboard.press('Escape');
  await expect(rules.drawer).toBeHidden();

  await frame.goTo('培育项目');
  await expect(page.getByRole('main').getByRole('table')).toContainText('南宁邕江科技企业孵化器');
  await expectAccessible(page, '培育项目列表');
  await page.getByRole('main').getByRole('button', { name: '南宁邕江科技企业孵化器' }).click();
  await expect(page.getByRole('list', { name: '服务改进的完成条件' })).toBeVisible();
  await expectAccessible(page, '培育项目');
  await page.getByRole('button', { name: '新增洽谈与走访记录' }).click();
  const record = page.getByRole('dialog', { name: /新增洽谈与走访记录/ });
  await record.getByRole('button', { name: /^保\s*存$/ }).click(); // the required fields with their messages
  await expectAccessible(page, '项目记录（含错误提示）');
  await record.getByRole('button', { name: /^关\s*闭$/ }).filter({ hasText: /关\s*闭/ }).click();
  await expect(record).toBeHidden();

  await frame.goTo('服务机构');
  await expect(page.getByRole('main').getByText('服务人员').first()).toBeVisible();
  await expectAccessible(page, '服务机构');

  await frame.goTo('设置与备份');
  await expect(page.getByLabel('记录类型', { exact: true })).toBeVisible();
  await expectAccessible(page, '设置与备份');

  await syncStatus(page).click();
  const drawer = page.getByRole('dialog', { name: '数据同步' });
  await expect(drawer).toBeVisible();
  await expectAccessible(page, '数据同步');

});
