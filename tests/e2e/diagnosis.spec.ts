import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures/app.js';

// A long form filled field by field on a 2-core machine shared with other work: allow more than the default.
test.describe.configure({ timeout: 180_000 });

/** The diagnosis pages, described by what a consultant sees: the standard's labels. */
class DiagnosisPages {
  constructor(readonly page: Page) {}

  async loadDemo(): Promise<void> {
    await this.page.getByRole('button', { name: '加载示例数据' }).first().click();
    await expect(this.page.getByText(/已加载 \d+ 个示例孵化器|示例数据已存在/)).toBeVisible();
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: '主导航' }).getByText('诊断意见表', { exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '诊断意见表' })).toBeVisible();
  }

  async chooseIncubator(name: string): Promise<void> {
    await this.page.locator('#diagnosis-incubator-filter').click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${name}$`) }).click();
  }

  /** The text box named by the standard's label (a radio option of 「二选一」 carries the same words). */
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true }).and(this.page.locator('input:not([type="radio"]), textarea'));
  }

  async fill(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) {
      await this.field(label).fill(value);
      await this.field(label).blur();
    }
  }

  /** The message under a field: errors (role="alert") and warnings alike. */
  fieldMessage(label: string): Locator {
    return this.page.locator('.ant-form-item').filter({ has: this.field(label) }).locator('.ant-form-item-explain');
  }

  draftRow(incubator: string): Locator {
    return this.page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: incubator }).filter({ hasText: '草稿' });
  }

  get panel(): Locator {
    return this.page.getByRole('region', { name: '认定条件对照' });
  }

  rule(clause: string, title: string): Locator {
    return this.panel.getByRole('listitem', { name: `${clause} ${title}` });
  }

  async download(button: string, dir: string): Promise<{ file: string; name: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: button }).click()]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    return { file, name: download.suggestedFilename() };
  }
}

test('a consultant fills a diagnosis by its labels, sees ratios and the eligibility check, and exports Word and Excel', async ({ app }) => {
  const page = app.page;
  const d = new DiagnosisPages(page);
  await d.loadDemo();
  await d.open();
  await d.chooseIncubator('南宁邕江科技企业孵化器');
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(1); // the demo diagnosis
  await page.getByRole('button', { name: '新建诊断意见表' }).click();
  await expect(page.getByText('基本信息（取自孵化器档案）')).toBeVisible();
  await expect(page.getByText('南宁邕江创新创业服务有限公司')).toBeVisible();

  // Areas: 1,234.5-style and full-width digits are accepted; a sum that differs from the total is a visible warning.
  await d.fill({
    '可自主支配的孵化场地总面积（m²）': '3,800',
    '在孵企业场地面积（m²）': '２０００',
    '公共服务场地面积（m²）': '500',
    '自用面积（m²）': '800',
    '其他面积（m²）': '400',
  });
  await expect(d.fieldMessage('可自主支配的孵化场地总面积（m²）')).toContainText('相差 100.00 m²');
  await expect(d.field('在孵企业使用面积（含公共服务面积）占总面积比例')).toHaveValue('65.8%');

  // An 其中 larger than its whole is an error next to the field, in Chinese.
  await d.fill({ '可自主支配场地内在孵企业数量（家）': '12', '其中，完成科技型中小企业入库登记的企业数（家）': '15' });
  await expect(d.fieldMessage('其中，完成科技型中小企业入库登记的企业数（家）')).toHaveText('不能大于「可自主支配场地内在孵企业数量（家）」（12）');
  await d.fill({ '其中，完成科技型中小企业入库登记的企业数（家）': '4' });
  await expect(d.fieldMessage('其中，完成科技型中小企业入库登记的企业数（家）')).toHaveCount(0);
  await expect(d.field('每千平方米在孵企业数量（家）')).toHaveValue('3.16');

  // Text in a number field gets a message; nothing crashes.
  await d.fill({ '孵化器自有种子资金或合作孵化资金金额（万元）': '一百五十' });
  await expect(d.fieldMessage('孵化器自有种子资金或合作孵化资金金额（万元）')).toHaveText('请填写数字，例如 1,234.5');
  await d.fill({ '孵化器自有种子资金或合作孵化资金金额（万元）': '150', 孵化器管理机构人员总数: '8', 专业孵化服务人员数量: '6', 创业导师数量: '2' });
  await expect(d.field('孵化服务人员占机构总人数的比例')).toHaveValue('75.0%');

  // 二选一: choosing one option enables its count and computes its share.
  await page.getByRole('radio', { name: '已申请专利的在孵企业数量' }).check();
  await d.fill({ 已申请专利的在孵企业数量: '3' });
  await expect(d.field('已申请专利的在孵企业占在孵企业总数比例')).toHaveValue('25.0%');

  // The eligibility panel beside the form: met / not met / not enough data, with the gap in numbers.
  await expect(d.rule('4.1.3', '可自主支配的孵化场地面积不低于 5 000 m²')).toHaveAttribute('data-status', 'not-met');
  await expect(d.rule('4.1.3', '可自主支配的孵化场地面积不低于 5 000 m²')).toContainText('不符合');
  await expect(d.rule('4.1.3', '可自主支配的孵化场地面积不低于 5 000 m²')).toContainText('还差 1 200 m²');
  await expect(d.rule('4.1.4', '自有种子资金或合作孵化资金不低于 200 万元')).toContainText('还差 50 万元');
  await expect(d.rule('4.1.5', '专业孵化服务人员占机构总人数 70% 以上')).toHaveAttribute('data-status', 'met');
  await expect(d.rule('4.1.8', '具备公共活动空间和公共服务设施')).toHaveAttribute('data-status', 'insufficient');
  await expect(d.rule('4.1.8', '具备公共活动空间和公共服务设施')).toContainText('数据不足');

  await page.getByRole('radiogroup', { name: '是否配备完善的公共服务设施' }).getByText('是', { exact: true }).click();
  await d.fill({ 具体配套名称: '会议室、洽谈室 "路演厅" 😀 <w:t>' });
  await expect(d.rule('4.1.8', '具备公共活动空间和公共服务设施')).toHaveAttribute('data-status', 'met');

  // The gaps go into 诊断总结.
  await page.getByRole('button', { name: '将差距写入诊断总结' }).click();
  await expect(d.field('诊断总结')).toHaveValue(/4\.1\.3 可自主支配的孵化场地面积不低于 5 000 m²（宜）：当前 3 800 m²，还差 1 200 m²。/);
  await expect(page.getByRole('status').filter({ hasText: '已自动保存' })).toBeVisible();

  await page.screenshot({ path: 'tests/artifacts/diagnosis/editor-filled.png', fullPage: true });

  // Exports arrive as downloads with a Chinese file name and read back.
  const dir = mkdtempSync(join(tmpdir(), 'wb-e2e-dl-'));
  const word = await d.download('导出 Word', dir);
  expect(word.name).toMatch(/^南宁邕江科技企业孵化器-诊断意见表-\d{4}年\d{2}月\d{2}日\.docx$/);
  const text = (await mammoth.extractRawText({ buffer: readFileSync(word.file) })).value;
  expect(text).toContain('科技企业孵化器培育诊断意见表');
  expect(text).toContain('3,800.00');
  expect(text).toContain('65.8%');
  expect(text).toContain('☑已申请专利的在孵企业数量：3家，占在孵企业总数比例25.0%。');
  expect(text).toContain('会议室、洽谈室 "路演厅" 😀 <w:t>');
  expect(text).toContain('还差 1 200 m²');

  const excel = await d.download('导出 Excel', dir);
  expect(excel.name.endsWith('.xlsx')).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(excel.file).buffer as ArrayBuffer);
  const rows = new Map<string, unknown>();
  wb.getWorksheet('诊断意见表')!.eachRow((r) => rows.set(String(r.getCell(2).value), r.getCell(3).value));
  expect(rows.get('可自主支配的孵化场地总面积（m²）')).toBe(3800);
  expect(rows.get('在孵企业使用面积（含公共服务面积）占总面积比例')).toBe(0.658);
  expect(wb.getWorksheet('认定条件对照')).toBeDefined();

  // Completing locks the form; reopening unlocks it.
  await page.getByRole('button', { name: '完 成' }).or(page.getByRole('button', { name: '完成' })).click();
  await expect(page.getByText('诊断意见表已完成', { exact: true })).toBeVisible();
  await expect(d.field('可自主支配的孵化场地总面积（m²）')).toBeDisabled();
  await page.getByRole('button', { name: '重新打开' }).click();
  await expect(d.field('可自主支配的孵化场地总面积（m²）')).toBeEnabled();

  // The list shows both diagnoses with date and status.
  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(2);
  await expect(page.locator('.ant-table-tbody')).toContainText('草稿');
  await expect(page.locator('.ant-table-tbody')).toContainText('已完成');
});

test('a draft is never lost: an unfinished value survives closing the page mid-field', async ({ app }) => {
  const page = app.page;
  const d = new DiagnosisPages(page);
  await d.loadDemo();
  await d.open();
  await d.chooseIncubator('北海向海经济科技孵化器');
  await page.getByRole('button', { name: '新建诊断意见表' }).click();
  await expect(page.getByText('基本信息（取自孵化器档案）')).toBeVisible();
  // Typed, not blurred, not yet a valid number, the backend unreachable, and the page goes away at once.
  await page.route('**/rpc/diagnoses.saveDraft', (route) => route.abort());
  await d.field('可自主支配的孵化场地总面积（m²）').fill('52百');
  await page.reload();
  await d.open();
  await d.draftRow('北海向海经济科技孵化器').getByRole('button', { name: '打开' }).click();
  await expect(d.field('可自主支配的孵化场地总面积（m²）')).toHaveValue('52百');
  await expect(d.fieldMessage('可自主支配的孵化场地总面积（m²）')).toHaveText('请填写数字，例如 1,234.5');
  await expect(page.getByRole('status')).toContainText('未能保存');
  // The backend is back: the next blur saves the restored draft.
  await page.unroute('**/rpc/diagnoses.saveDraft');
  await d.field('可自主支配的孵化场地总面积（m²）').focus();
  await d.field('可自主支配的孵化场地总面积（m²）').blur();
  await expect(page.getByRole('status')).toContainText('已自动保存');

  // And after a full restart of the app the saved draft is still there. (The local copy is dropped once the
  // backend has the draft: either the save on pagehide went through, or the restore above saved it.)
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wb-diagnosis-draft:')).length))
    .toBe(0);
  const fresh = await app.restart();
  const d2 = new DiagnosisPages(fresh);
  await d2.open();
  await d2.chooseIncubator('北海向海经济科技孵化器');
  await d2.draftRow('北海向海经济科技孵化器').getByRole('button', { name: '打开' }).click();
  await expect(d2.field('可自主支配的孵化场地总面积（m²）')).toHaveValue('52百');
});

test('an agency copies the §4.1 rule set, lowers a threshold, switches a diagnosis to it, and a bad rule file is refused', async ({ app }) => {
  const page = app.page;
  const d = new DiagnosisPages(page);
  await d.loadDemo();
  await d.open();
  await page.getByRole('button', { name: '认定规则集' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('button', { name: '复制为本机构规则集' }).click();
  await expect(page.getByText(/已复制为「.*（副本）」/)).toBeVisible();
  const row = drawer.locator('tr').filter({ has: page.locator('input[value="4.1.3"]') });
  await row.getByLabel('阈值').fill('4000');
  await drawer.getByRole('button', { name: '保存规则集' }).click();
  await expect(page.getByText(/已保存「.*（副本）」/)).toBeVisible();

  // A rule file with a broken rule is refused whole, with the reason.
  const bad = JSON.stringify({ id: 'bad', name: '坏规则', source: '测试', rules: [{ id: 'a', clause: '1', title: 't', strength: '必须', anyOf: [] }] });
  await drawer.getByLabel('选择规则文件').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  await expect(drawer.getByText('规则集未保存（整份拒绝，未做任何修改）')).toBeVisible();
  await expect(drawer.getByText(/strength 应为“应”或“宜”/)).toBeVisible();
  await page.keyboard.press('Escape');

  await d.chooseIncubator('桂林漓江电子信息孵化园');
  await d.draftRow('桂林漓江电子信息孵化园').getByRole('button', { name: '打开' }).click();
  await expect(d.rule('4.1.3', '可自主支配的孵化场地面积不低于 5 000 m²')).toContainText('还差 400 m²');
  await page.locator('#diag-meta-ruleset').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '（副本）' }).click();
  await expect(d.panel).toContainText('（副本）');
  await expect(d.rule('4.1.3', '可自主支配的孵化场地面积不低于 5 000 m²')).toHaveAttribute('data-status', 'met');
});
