import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { test, expect } from './fixtures/app.js';
import { DocumentPages } from './pages/document-pages.js';

test.describe.configure({ timeout: 180_000 });

test('a consultant makes a contract from an incubator: 大写 follows the fee, instalments say by how much they miss, the Word file reads back', async ({ app }) => {
  const page = app.page;
  const d = new DocumentPages(page, '技术服务合同');
  await d.loadDemo();
  // The 工作台 lists the demo contracts' reminders, each linking to its contract.
  await page.getByRole('navigation', { name: '主导航' }).getByText('工作台', { exact: true }).click();
  const reminders = page.getByRole('list', { name: '合同提醒' });
  await expect(reminders.getByRole('listitem').filter({ hasText: '柳州汽车零部件专业孵化器' })).toContainText('可在届满前一个月内与甲方商议续签');
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.screenshot({ path: 'tests/artifacts/contract/dashboard-1600.png', fullPage: true });

  await d.open();
  // The list searches by number, party, status and end of term: the demo contract ending within a month.
  await d.chooseOption('到期时间', '30 天内到期');
  const contractRows = page.getByRole('row').filter({ hasText: /GXPY-/ });
  await expect(contractRows).toHaveCount(1);
  await expect(contractRows.filter({ hasText: '柳州汽车零部件专业孵化器' })).toHaveCount(1);
  await page.getByRole('searchbox', { name: '搜索合同' }).fill('不存在的单位');
  await expect(contractRows).toHaveCount(0);
  await page.getByRole('searchbox', { name: '搜索合同' }).fill('');
  await page.screenshot({ path: 'tests/artifacts/contract/list-1600.png' });
  await d.chooseIncubator('桂林漓江电子信息孵化园');
  await d.button('新建技术服务合同').click();
  // The editor's code loads on first use: on a busy 2-core machine that can take a while.
  await expect(d.field('合同编号')).toHaveValue(/^GXPY-\d{4}-[A-HJ-NP-Z]{2}\d{3}$/, { timeout: 30_000 });
  // Both parties come from the records: 甲方 from the incubator, 乙方 from the agency profile.
  await expect(d.field('委托方（甲方）')).not.toHaveValue('');
  await expect(d.field('受托方（乙方）')).not.toHaveValue('');
  await expect(d.field('服务内容')).toHaveValue(/孵化器名称：桂林漓江电子信息孵化园/);

  // The fee in figures; its 大写 follows as it is typed, from the same number.
  await d.fill({ 技术服务报酬: '123,456.07' });
  await expect(page.getByLabel('技术服务报酬（大写）')).toHaveText('壹拾贰万叁仟肆佰伍拾陆元零柒分');
  await d.fill({ 技术服务报酬: '12.345' });
  await expect(page.getByRole('alert').filter({ hasText: '技术服务报酬：金额最多两位小数（精确到分），当前有 3 位小数' })).toBeVisible();
  await d.fill({ 技术服务报酬: '123,456.07' });

  // 分期: two instalments that do not add up say by how much.
  await d.chooseOption('支付方式（一次/分期）', '分期');
  await d.button('添加一期').click();
  await d.fill({ '第 1 项 金额': '100000' });
  await d.button('添加一期').click();
  await d.fill({ '第 2 项 金额': '20000', '第 2 项 或支付节点': '验收合格后 10 日内' });
  await expect(page.getByText('分期金额合计 ¥120,000.00，还差 ¥3,456.07 才等于技术服务报酬 ¥123,456.07')).toBeVisible();
  await expect(page.getByText('大写：人民币贰万元整')).toBeVisible();
  await d.fill({ '第 2 项 金额': '23456.07', '第 1 项 支付日期': '2026-01-15' });
  await expect(page.getByText(/分期金额合计/)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '已自动保存' })).toBeVisible();
  await page.screenshot({ path: 'tests/artifacts/contract/editor-1600.png', fullPage: true });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: 'tests/artifacts/contract/editor-1024.png' });

  // The Word file: the cover, the articles, the fee in figures and in 大写.
  const dir = mkdtempSync(join(tmpdir(), 'wb-e2e-contract-'));
  const word = await d.download('导出 Word', dir);
  expect(word.name).toMatch(/^桂林漓江电子信息孵化园-技术服务合同-GXPY-.*\.docx$/);
  const text = (await mammoth.extractRawText({ path: word.file })).value.replace(/ /g, '');
  expect(text).toContain('技术服务报酬：人民币壹拾贰万叁仟肆佰伍拾陆元零柒分（¥123,456.07元）');
  expect(text).toContain('第十三条');
  expect(text).toContain('金额：人民币贰万叁仟肆佰伍拾陆元零柒分（¥23,456.07元）');
});
