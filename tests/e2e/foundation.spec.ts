import { test, expect } from './fixtures/app.js';
import { IncubatorPages } from './pages/incubator-pages.js';

test('a new user creates an incubator, is told exactly what is wrong with the code, and finds it after a restart', async ({ app }) => {
  let page = app.page;
  await expect(page.getByText('欢迎使用孵化器培育服务工作台')).toBeVisible();

  let incubators = new IncubatorPages(page);
  await incubators.open();
  await incubators.startNew();
  await incubators.fill({
    孵化器名称: '钦州港临港产业孵化器',
    运营机构: '钦州港创新发展有限公司',
    统一社会信用代码: '91450107ma5ka3rn4', // 17 characters
  });
  await incubators.expectMessage('统一社会信用代码', '统一社会信用代码应为 18 位，当前为 17 位');

  await incubators.fill({ 统一社会信用代码: '91450107MA5KA3RNIL' });
  await incubators.expectMessage('统一社会信用代码', '第 17 位“I”不是合法字符（不使用 I、O、Z、S、V）');

  // A save with the error in place keeps everything typed.
  await incubators.save();
  await expect(incubators.field('孵化器名称')).toHaveValue('钦州港临港产业孵化器');

  await incubators.choose('孵化器类型', '专业型');
  await incubators.expectMessage('所属产业领域（专业孵化器必填）', '专业型孵化器必须填写所属产业领域');
  await incubators.fill({
    统一社会信用代码: ' 91450107ma5ka3rn4l ',
    '所属产业领域（专业孵化器必填）': '绿色化工与新材料',
    手机: '+86 139-7710-0099',
  });
  await incubators.expectMessage('统一社会信用代码', '');
  await incubators.save();
  await expect(page.getByText('已保存「钦州港临港产业孵化器」')).toBeVisible();
  await expect(incubators.rows()).toHaveCount(1);
  await expect(incubators.rows().first()).toContainText('91450107MA5KA3RN4L');
  await expect(incubators.rows().first()).toContainText('13977100099');

  page = await app.restart();
  incubators = new IncubatorPages(page);
  await incubators.open();
  await incubators.search('qzg');
  await expect(incubators.rows()).toHaveCount(1);
  await expect(incubators.rows().first()).toContainText('钦州港临港产业孵化器');
  await incubators.search('91450107MA5KA3RN4L');
  await expect(incubators.rows()).toHaveCount(1);
  await incubators.search('不存在的名称');
  await expect(page.getByText('没有与「不存在的名称」匹配的孵化器')).toBeVisible();
});

test('a code that fails only its checksum can be confirmed and kept', async ({ app }) => {
  const incubators = new IncubatorPages(app.page);
  await incubators.open();
  await incubators.startNew();
  await incubators.fill({ 孵化器名称: '厦门试点代码孵化器', 运营机构: '某运营公司', 统一社会信用代码: '91350100M0001TGQXM' });
  await incubators.expectMessage('统一社会信用代码', /校验位应为/);
  await incubators.save();
  await expect(app.page.getByText('有需要确认的提醒')).toBeVisible();
  await incubators.editor.getByLabel('已核实，保留此代码').check();
  await incubators.save();
  await expect(incubators.rows().first()).toContainText('91350100M0001TGQXM');
});

test('demo data fills an empty workbench, and a delete can be undone', async ({ app }) => {
  const page = app.page;
  await page.getByRole('button', { name: '加载示例数据' }).first().click();
  await expect(page.getByText('已加载 5 个示例孵化器')).toBeVisible();
  const incubators = new IncubatorPages(page);
  await incubators.open();
  await expect(incubators.rows()).toHaveCount(5);
  await page.screenshot({ path: 'tests/artifacts/incubator-list.png', fullPage: true });

  const row = incubators.rows().filter({ hasText: '北海向海经济科技孵化器' });
  await row.getByRole('button', { name: '删除' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: /删\s*除/ }).click();
  await expect(incubators.rows()).toHaveCount(4);
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(incubators.rows()).toHaveCount(5);
});

test('a corrupt database file is kept, the user is told, and can start afresh without losing the file', async ({ app }) => {
  const { writeFileSync, readFileSync, readdirSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const file = join(app.dataDir, 'workbench.sqlite');
  const garbage = Buffer.from('这不是一个 SQLite 数据库文件。'.repeat(400));
  const page = await app.restart(() => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    writeFileSync(file, garbage);
  });
  await expect(page.getByText('数据库文件无法打开')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '数据库文件已损坏' })).toBeVisible();
  expect(readFileSync(file).equals(garbage)).toBe(true);

  await page.getByRole('button', { name: '新建空数据库（保留原文件）' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /新\s*建/ }).click();
  await expect(page.getByText('欢迎使用孵化器培育服务工作台')).toBeVisible();
  const kept = readdirSync(app.dataDir).find((f) => f.startsWith('workbench.unusable-'));
  expect(kept).toBeDefined();
  expect(readFileSync(join(app.dataDir, kept!)).equals(garbage)).toBe(true);
});
