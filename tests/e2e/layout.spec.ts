// A consultant's laptop (issue 8.1/8.6): at 1024×700 and 1366×860 the frame fills the window with no white
// strip, the sidebar folds to icons below 1200 px, the incubator list stays readable (it scrolls sideways with
// the name and actions in view), opening the editor moves nothing, and the rule-set editor's 要求 is readable
// and editable while bad thresholds are refused next to the field.
import { test, expect } from './fixtures/app.js';
import type { Locator, Page } from '@playwright/test';
import { IncubatorPages } from './pages/incubator-pages.js';
import { RuleSetPages } from './pages/rule-set-pages.js';

const SIZES = [
  { width: 1024, height: 700, sidebarFolded: true },
  { width: 1366, height: 860, sidebarFolded: false },
];

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, 'element has a box on screen').not.toBeNull();
  return b!;
}

/** Inside the window once it has settled: a drawer slides in from the right, so its first frames are beyond it. */
async function withinWindow(page: Page, locator: Locator) {
  await expect(async () => {
    const b = await box(locator);
    const { width, height } = page.viewportSize()!;
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(width + 0.5);
    expect(b.y + b.height).toBeLessThanOrEqual(height + 0.5);
  }).toPass({ timeout: 10_000 });
}

test('at 1024×700 and 1366×860: frame, incubator list, editor and rule sets fit the window', async ({ app }) => {
  test.setTimeout(120_000); // two window sizes, four screens each, in one app session
  const page = app.page;
  await page.getByRole('button', { name: '加载示例数据' }).first().click();
  await expect(page.getByText('已加载 5 个示例孵化器')).toBeVisible();
  const incubators = new IncubatorPages(page);

  for (const size of SIZES) {
    await test.step(`${size.width}×${size.height}`, async () => {
      await page.setViewportSize(size);
      await incubators.open();
      const frame = incubators.frame;

      // No white strip from the browser's margin; the page itself never scrolls (only the main area does).
      expect(await box(frame.sidebar)).toMatchObject({ x: 0, y: 0 });
      expect((await box(frame.banner)).y).toBe(0);
      const overflow = await page.locator('html').evaluate((html) => ({
        x: html.scrollWidth - html.clientWidth,
        y: html.scrollHeight - html.clientHeight,
      }));
      expect(overflow).toEqual({ x: 0, y: 0 });

      // The sidebar folds to icons below 1200 px; the menu items keep their names.
      const sidebarWidth = (await box(frame.sidebar)).width;
      if (size.sidebarFolded) expect(sidebarWidth).toBeLessThanOrEqual(80);
      else expect(sidebarWidth).toBeGreaterThanOrEqual(200);
      await expect(frame.navigation.getByRole('menuitem', { name: '孵化器' })).toBeVisible();
      await expect(frame.navToggle).toHaveAccessibleName(size.sidebarFolded ? '展开导航栏' : '收起导航栏');

      // The list: names on one or two lines (never one character wide), codes on one line, actions in view.
      await expect(incubators.rows()).toHaveCount(5);
      expect((await box(incubators.table.getByRole('columnheader', { name: '孵化器名称' }))).width).toBeGreaterThanOrEqual(200);
      const row = incubators.row('南宁邕江科技企业孵化器');
      expect((await box(row.getByText('91450107MA5KA3RN4L', { exact: true }))).height).toBeLessThan(26);
      await withinWindow(page, row.getByRole('link', { name: '南宁邕江科技企业孵化器' }));
      await withinWindow(page, row.getByRole('button', { name: '删除「南宁邕江科技企业孵化器」' }));

      // Opening the editor moves nothing behind it, and the editor fits the window.
      const before = { banner: await box(frame.banner), main: await box(frame.main), sidebar: await box(frame.sidebar) };
      await row.getByRole('link', { name: '南宁邕江科技企业孵化器' }).click();
      await expect(incubators.editor).toBeVisible();
      await expect(incubators.field('孵化器名称')).toHaveValue('南宁邕江科技企业孵化器');
      expect({ banner: await box(frame.banner), main: await box(frame.main), sidebar: await box(frame.sidebar) }).toEqual(before);
      await withinWindow(page, incubators.editor.getByRole('button', { name: /保\s*存/ }));
      expect((await box(incubators.field('孵化器名称'))).width).toBeGreaterThanOrEqual(300);
      await page.keyboard.press('Escape');
      await expect(incubators.editor).toBeHidden();

      // The rule-set editor: 要求 readable and editable; the threshold in view after scrolling sideways.
      const rules = new RuleSetPages(page);
      await rules.open();
      await withinWindow(page, rules.drawer.getByRole('button', { name: '复制为本机构规则集' }));
      if (size === SIZES[0]) await rules.copyAsOwn();
      else await rules.select(/（副本）/);
      const requirement = rules.requirement('4.1.3');
      await expect(requirement).toBeEditable();
      expect((await box(requirement)).width).toBeGreaterThanOrEqual(240);
      await withinWindow(page, requirement);
      await rules.threshold('4.1.3').scrollIntoViewIfNeeded();
      await withinWindow(page, rules.threshold('4.1.3'));
      await expect(requirement).toHaveValue(/5 000 m²/); // the whole requirement is there to read
      // Escape from the field being read closes the drawer (from the 规则集 select it would first go to the select).
      await requirement.focus();
      await page.keyboard.press('Escape');
      await expect(rules.drawer).toBeHidden();
    });
  }

  // A threshold of 「-5」 or 「abc」 is refused with a message next to it, never saved as 0.
  const rules = new RuleSetPages(page);
  await rules.open();
  await rules.select(/（副本）/);
  const threshold = rules.threshold('4.1.3');
  for (const [typed, message] of [
    ['-5', '阈值不能为负数'],
    ['abc', '请填写数字，例如 5,000 或 75'],
  ] as const) {
    await threshold.fill(typed);
    await expect(threshold).toHaveAccessibleDescription(message);
    await rules.save();
    await expect(page.getByText('有阈值未通过检查，请按红色提示修改后再保存').first()).toBeVisible();
    await expect(threshold).toHaveValue(typed);
  }
  await threshold.fill('6,000');
  await expect(threshold).toHaveAccessibleDescription('');
  await rules.save();
  await expect(page.getByText(/已保存「.*（副本）」/)).toBeVisible();
  await page.keyboard.press('Escape');
  await rules.open();
  await rules.select(/（副本）/);
  await expect(rules.threshold('4.1.3')).toHaveValue('6000');
});
