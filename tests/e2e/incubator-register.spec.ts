// The incubator register without a mouse and without duplicates (issue 8.3, 8.5).
import { test, expect } from './fixtures/app.js';
import { IncubatorPages } from './pages/incubator-pages.js';
import { arrowTo, tabTo } from './pages/keyboard.js';
import { guangxiCreditCode } from '../support/sample-incubator.js';

test('keyboard only: create an incubator, land on its row, and Escape with unsaved changes asks first', async ({ app }) => {
  test.setTimeout(90_000);
  const page = app.page;
  const incubators = new IncubatorPages(page);
  const { navigation } = incubators.frame;
  await expect(page.getByText('欢迎使用孵化器培育服务工作台')).toBeVisible();

  // Into the navigation menu and down to 孵化器 with the arrow keys, as menus work.
  await tabTo(page, navigation.getByRole('menu'));
  await arrowTo(page, navigation.getByRole('menuitem', { name: '孵化器' }));
  await page.keyboard.press('Enter');
  await expect(incubators.frame.heading).toHaveText('孵化器');

  await tabTo(page, page.getByRole('button', { name: '新建孵化器' }));
  await page.keyboard.press('Enter');
  await expect(incubators.editor).toBeVisible();
  // The editor opens with the cursor in its first field.
  await expect(incubators.field('孵化器名称')).toBeFocused();
  await page.keyboard.type('防城港东兴边贸孵化器');
  await page.keyboard.press('Tab');
  await page.keyboard.type('东兴市边贸创新服务有限公司');
  await page.keyboard.press('Tab');
  await page.keyboard.type('91450107MA5KA3RN4L');
  await tabTo(page, incubators.field('机构性质'));
  await page.keyboard.press('Enter'); // opens the list
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(incubators.editor.getByTitle('国有企业')).toBeVisible();
  await tabTo(page, incubators.editor.getByRole('button', { name: /保\s*存/ }));
  await page.keyboard.press('Enter');

  await expect(page.getByText('已保存「防城港东兴边贸孵化器」')).toBeVisible();
  await expect(incubators.editor).toBeHidden();
  // After saving, the focus is on the saved incubator in the list, ready for the next step.
  const link = incubators.row('防城港东兴边贸孵化器').getByRole('link', { name: '防城港东兴边贸孵化器' });
  await expect(link).toBeFocused();

  // Enter opens it again; an edit then Escape asks, as the close button does; 继续编辑 keeps the edit.
  await page.keyboard.press('Enter');
  await expect(incubators.editor).toBeVisible();
  await tabTo(page, incubators.field('法人代表'));
  await page.keyboard.type('黄东兴');
  await page.keyboard.press('Escape');
  const confirm = page.getByRole('dialog', { name: '放弃未保存的修改？' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '继续编辑' }).press('Enter');
  await expect(confirm).toBeHidden();
  await expect(incubators.field('法人代表')).toHaveValue('黄东兴');

  await incubators.field('法人代表').focus();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '放弃修改' }).press('Enter');
  await expect(incubators.editor).toBeHidden();
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(incubators.field('法人代表')).toHaveValue('');
});

test('a code already in the register is refused with a link to the record; the same name is a warning to confirm', async ({ app }) => {
  test.setTimeout(90_000);
  const page = app.page;
  await page.getByRole('button', { name: '加载示例数据' }).first().click();
  await expect(page.getByText('已加载 5 个示例孵化器')).toBeVisible();
  const incubators = new IncubatorPages(page);
  await incubators.open();

  await incubators.startNew();
  await incubators.fill({ 孵化器名称: '南宁五象新区孵化器', 运营机构: '五象新区创新服务公司', 统一社会信用代码: '91450107ma5ka3rn4l' });
  await incubators.save();
  await incubators.expectMessage('统一社会信用代码', /^该统一社会信用代码已登记为「南宁邕江科技企业孵化器」，同一代码不能登记两个孵化器/);
  await expect(incubators.field('统一社会信用代码')).toBeFocused();
  await expect(incubators.field('孵化器名称')).toHaveValue('南宁五象新区孵化器');
  await expect(incubators.rows()).toHaveCount(5);

  // The link opens the existing record (after asking, since what was typed would be lost).
  await incubators.editor.getByRole('link', { name: '打开「南宁邕江科技企业孵化器」' }).click();
  await page.getByRole('dialog', { name: '放弃未保存的修改？' }).getByRole('button', { name: '放弃修改' }).click();
  await expect(incubators.editor).toHaveAccessibleName(/^编辑孵化器/);
  await expect(incubators.field('孵化器名称')).toHaveValue('南宁邕江科技企业孵化器');
  expect(incubators.frame.route()).toMatch(/^\/incubators\/[0-9a-f-]{36}$/);
  await page.keyboard.press('Escape');

  // Same name, another code: a warning the user confirms.
  await incubators.startNew();
  await incubators.fill({ 孵化器名称: '南宁邕江科技企业孵化器', 运营机构: '另一家运营公司', 统一社会信用代码: guangxiCreditCode(7) });
  await incubators.save();
  await incubators.expectMessage('孵化器名称', /^已有同名孵化器「南宁邕江科技企业孵化器」（信用代码 91450107MA5KA3RN4L），请核实是否为另一家孵化器/);
  await incubators.editor.getByLabel('已核实，是另一家孵化器').check();
  await incubators.save();
  await expect(page.getByText('已保存「南宁邕江科技企业孵化器」')).toBeVisible();
  await expect(incubators.rows().filter({ hasText: '南宁邕江科技企业孵化器' })).toHaveCount(2);
});
