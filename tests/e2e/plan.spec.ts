// The cultivation plan (附录C) end to end, in browser mode with a sync server (the signature is confirmed there): a plan created
// from the latest completed diagnosis shows the conclusion prefilled; empty sections are listed with links;
// tasks and budget lines with bad input and their messages; completed, synced, signed; revised with a reason and
// both sides' agreement; the two revisions compared and both exported and read back.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import mammoth from 'mammoth';
import { signedInApp } from './fixtures/signed-in-app.js';
import { DocumentPages } from './pages/document-pages.js';
import { APPENDIX_C } from '../fixtures/standard-wording.js';

const wordText = async (file: string) => (await mammoth.extractRawText({ buffer: readFileSync(file) })).value;

test('a plan from a diagnosis: prefilled, tasks and budget, signed, revised by mutual consent, both revisions exported', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', '签署端到端测试只在浏览器模式下运行。');
  test.setTimeout(300_000);
  const downloads = mkdtempSync(join(tmpdir(), 'wb-e2e-plan-files-'));
  const app = await signedInApp(browser, '南宁市科技服务中心', { viewport: { width: 1600, height: 1000 } });
  try {
    const page = app.page;
    const d = new DocumentPages(page, '培育方案');
    await d.loadDemo();

    // A new plan: 二、前期诊断结论 comes from 南宁's completed diagnosis, and stays editable.
    await d.open();
    await d.chooseIncubator('南宁邕江科技企业孵化器');
    await page.getByRole('button', { name: '新建培育方案' }).click();
    await expect(d.field('前期诊断结论')).toHaveValue(/根据2025年05月20日的诊断意见表/, { timeout: 30_000 });
    await expect(d.field('（一）建设概况')).toHaveValue(/可自主支配的孵化场地总面积/);
    // The first revision has no agreement to record: no empty 同意人 fields.
    await expect(page.getByText('首版，无需变更协商')).toBeVisible();
    await expect(d.field('孵化器方同意人')).toHaveCount(0);

    // Completing lists what is missing, each a link to its place.
    await d.button('完成').click();
    const missing = page.getByRole('list', { name: '需要修改的内容' });
    await expect(missing).toBeVisible();
    await missing.getByRole('button', { name: '四、培育方案 · （十）区域品牌形象提升' }).click();
    await expect(d.field('（十）区域品牌形象提升')).toBeFocused();
    await expect(missing.getByRole('button', { name: /五、阶段性任务目标/ })).toBeVisible();

    for (const label of [...APPENDIX_C.basics, ...APPENDIX_C.plan, '培育总体目标']) {
      if ((await d.field(label).inputValue()) === '') await d.field(label).fill(`${label}：具体措施。\n• 第一项\n• 第二项`);
    }

    // Tasks: a month that does not exist is kept with its message, then corrected.
    await page.getByRole('button', { name: '添加任务' }).click();
    await d.field('第 1 项 任务内容').fill('完善入孵、毕业管理制度');
    await d.field('第 1 项 完成期限').fill('2027年13月');
    await d.field('第 1 项 完成期限').blur();
    await expect(d.field('第 1 项 完成期限')).toHaveAccessibleDescription('月份应为 1–12，「13月」不存在');
    await d.field('第 1 项 完成期限').fill('2027年03月');
    await d.field('第 1 项 责任人').fill('黄敏');
    await page.getByRole('button', { name: '添加任务' }).click();
    await d.field('第 2 项 任务内容').fill('申报自治区级孵化器');
    await d.field('第 2 项 完成期限').fill('2027年06月');

    // Budget: a negative amount is refused next to it; the total is computed.
    await page.getByRole('button', { name: '添加预算项目' }).click();
    await d.field('第 1 项 预算项目').fill('专家咨询费');
    await d.field('第 1 项 金额（元）').fill('-300');
    await d.field('第 1 项 金额（元）').blur();
    await expect(d.field('第 1 项 金额（元）')).toHaveAccessibleDescription('金额不能为负数');
    await d.field('第 1 项 金额（元）').fill('30,000');
    await page.getByRole('button', { name: '添加预算项目' }).click();
    await d.field('第 2 项 预算项目').fill('培训费');
    await d.field('第 2 项 金额（元）').fill('12000.5');
    await expect(page.getByText('合计：42,000.50')).toBeVisible();

    await d.button('完成').click();
    await expect(page.getByText('已完成', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: '同步状态：已同步' })).toBeVisible({ timeout: 90_000 });

    // Signed by both sides: in effect, read-only.
    await d.button('签署').click();
    const confirm = page.getByRole('dialog').filter({ hasText: '签署这份培育方案？' });
    await confirm.getByRole('button', { name: /^签\s*署$/ }).click();
    await expect(page.getByText('已签署生效', { exact: true })).toBeVisible();
    await expect(page.getByRole('article', { name: '表C.1 科技企业孵化器培育方案' })).toContainText('任务1：2027年03月前');
    // In effect, each task's progress is recorded on the signed plan itself (§5.2.5), saved as it is typed.
    const task1 = page.getByRole('region', { name: '任务1：2027年03月前' });
    await d.chooseOption('实施状态', '已完成', task1);
    await expect(task1.getByLabel('完成日期')).toHaveAccessibleDescription('任务已完成，请填写完成日期');
    await task1.getByLabel('进展情况').fill('管理制度已印发执行');
    await task1.getByLabel('进展情况').blur();
    await task1.getByLabel('完成日期').fill('2099-01-01');
    await task1.getByLabel('完成日期').press('Enter');
    await expect(task1.getByLabel('完成日期')).toHaveAccessibleDescription('完成日期（2099年01月01日）晚于今天，请核对');
    await task1.getByLabel('完成日期').fill('2025-10-20');
    await task1.getByLabel('完成日期').press('Enter');
    await expect(task1.getByLabel('完成日期')).toHaveAccessibleDescription('');
    await expect(page.getByRole('region', { name: '阶段性任务目标 · 实施进度' }).getByText(/^已自动保存/)).toBeVisible();
    // Kept: back to the list and open the plan again.
    await page.getByRole('button', { name: '返回列表' }).click();
    await d.row('南宁邕江科技企业孵化器', '已签署生效').getByRole('button', { name: /^打开「/ }).click();
    await expect(task1).toContainText('已完成');
    await expect(task1.getByLabel('进展情况')).toHaveValue('管理制度已印发执行');
    await expect(task1.getByLabel('完成日期')).toHaveValue('2025-10-20');
    // The signed page shows 七、签章 and the revision line as the Word file prints them.
    const article = page.getByRole('article', { name: '表C.1 科技企业孵化器培育方案' });
    await expect(article).toContainText('七、签章');
    await expect(article).toContainText(/第1版 · \d{4}年\d{2}月\d{2}日/);

    const first = await d.download('导出 Word', downloads);
    expect(first.name).toMatch(/^南宁邕江科技企业孵化器-培育方案-\d{4}年\d{2}月\d{2}日\.docx$/);

    // A change needs a reason and both sides' agreement.
    await page.getByRole('button', { name: '修订（新版本）' }).click();
    const dialog = page.getByRole('dialog', { name: '修订（新版本）' });
    await dialog.getByLabel('修订原因').fill('甲方提出增加培训经费');
    await dialog.getByRole('button', { name: '新建修订版本' }).click();
    await expect(dialog.getByText('请填写「孵化器方同意人」')).toBeVisible();
    await dialog.getByLabel('孵化器方同意人').fill('韦丽娟');
    await dialog.getByLabel('服务机构方同意人').fill('刘建新');
    await dialog.getByLabel('双方协商一致日期').fill('2026-12-01');
    await dialog.getByLabel('双方协商一致日期').press('Enter');
    await dialog.getByRole('button', { name: '新建修订版本' }).click();
    await expect(page.getByText('第 2 版，修订原因：甲方提出增加培训经费')).toBeVisible();
    await d.field('第 2 项 金额（元）').fill('18000');
    await expect(page.getByText('合计：48,000.00')).toBeVisible();

    // Side by side: what changed.
    await page.getByRole('button', { name: '版本对比' }).click();
    const budget = page.getByRole('table', { name: '经费预算修改对比' });
    await expect(budget).toContainText('金额（元）：12,000.50');
    await expect(budget).toContainText('金额（元）：18,000.00');
    await page.keyboard.press('Escape');

    const second = await d.download('导出 Word', downloads);
    expect(second.name).toMatch(/-第2版\.docx$/);
    const [text1, text2] = [await wordText(first.file), await wordText(second.file)];
    for (const h of APPENDIX_C.sections) expect(text2).toContain(h);
    expect(text1).toMatch(/合计\s+42,000\.50/);
    expect(text2).toMatch(/合计\s+48,000\.00/);
    expect(text2).toContain('第2版修订原因：甲方提出增加培训经费；经双方协商一致：孵化器方同意人 韦丽娟，服务机构方同意人 刘建新');
  } finally {
    await app.close();
    rmSync(downloads, { recursive: true, force: true });
  }
});
