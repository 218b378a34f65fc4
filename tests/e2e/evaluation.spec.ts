import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { test, expect } from './fixtures/app.js';
import { DocumentPages } from './pages/document-pages.js';
import { APPENDIX_D } from '../fixtures/standard-wording.js';

// A long form on a 2-core machine shared with other work, and two charts rendered for the Word file.
test.describe.configure({ timeout: 360_000 });

test('from a diagnosis: 培育前 prefilled and marked, 培育后 filled, the change and the rules before/after, Word and Excel read back', async ({ app }) => {
  const page = app.page;
  const e = new DocumentPages(page, '培育效果评价表');
  await e.loadDemo();
  await e.open();
  await e.chooseIncubator('南宁邕江科技企业孵化器');
  await expect(page.getByRole('button', { name: '打开「南宁邕江科技企业孵化器」的培育效果评价表' })).toHaveCount(1); // the demo evaluation
  await e.create();

  // 培育前 comes from the diagnosis of 2025-05-20, and says so; 培育后 is empty.
  await expect(page.getByText('「培育前」取自2025年05月20日的诊断意见表；标注「取自诊断意见表」的值可直接修改。')).toBeVisible();
  const area = '1.1 可自主支配的孵化场地总面积（m²）';
  await expect(e.field(`${area}（培育前）`)).toHaveValue('8,200');
  await expect(e.field(`${area}（培育前）`)).toHaveAccessibleDescription('取自诊断意见表');
  await expect(e.field(`${area}（培育后）`)).toHaveValue('');
  await expect(page.getByText('取自诊断意见表').first()).toBeVisible();
  for (const label of APPENDIX_D.rows.slice(0, 9)) await expect(page.getByText(label, { exact: true })).toBeVisible();

  // 培育后: the change appears beside each quantity, with its direction; computed rows compute in both columns.
  await e.fill({ [`${area}（培育后）`]: '9020', '2.1 运营机构总人数（人）（培育后）': '12', '2.2 孵化服务人员总数（人）（培育后）': '9', '2.5 聘请创业导师人数（人）（培育后）': '4' });
  // Typed or filled in from the diagnosis, a number reads the same once the field is left.
  await expect(e.field(`${area}（培育后）`)).toHaveValue('9,020');
  await expect(page.getByRole('status', { name: `${area} 变化` })).toHaveText('+820.00 m²（+10.0%）');
  await expect(page.getByRole('status', { name: '2.5 聘请创业导师人数（人） 变化' })).toHaveText('−1 人（−20.0%）');
  await expect(e.field('2.3 孵化服务人员数量占机构总人数比例（%）（培育前）')).toHaveValue('80.0%');
  await expect(e.field('2.3 孵化服务人员数量占机构总人数比例（%）（培育后）')).toHaveValue('75.0%');
  await expect(page.getByRole('status', { name: '2.3 孵化服务人员数量占机构总人数比例（%） 变化' })).toHaveText('−5.0 个百分点');

  // 其中 applies in the 培育后 column too.
  await e.fill({ '2.2 孵化服务人员总数（人）（培育后）': '13' });
  await expect(e.field('2.2 孵化服务人员总数（人）（培育后）')).toHaveAccessibleDescription('不能大于「2.1 运营机构总人数（人）（培育后）」（12）');
  await e.fill({ '2.2 孵化服务人员总数（人）（培育后）': '9' });

  // A consultant's correction of a prefilled value says what the diagnosis had.
  await e.fill({ '2.5 聘请创业导师人数（人）（培育前）': '6' });
  await expect(page.getByText('已改，诊断意见表中为 5')).toBeVisible();

  // Rules met before and after, and the charts, beside the form.
  const compare = page.getByRole('region', { name: '培育前后对比' });
  await expect(compare.getByText(/满足的认定条件：培育前 8 条，培育后 \d+ 条（T/)).toBeVisible();
  await expect(compare.getByRole('img', { name: '图1 培育前后主要指标对比' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '已自动保存' })).toBeVisible();
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.screenshot({ path: 'tests/artifacts/evaluation/editor-1600.png' });
  await compare.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/artifacts/evaluation/compare-1600.png' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByRole('status', { name: `${area} 变化` }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/artifacts/evaluation/editor-1024.png' });

  const dir = mkdtempSync(join(tmpdir(), 'wb-e2e-dl-'));
  const word = await e.download('导出 Word', dir);
  expect(word.name).toMatch(/^南宁邕江科技企业孵化器-培育效果评价表-\d{4}年\d{2}月\d{2}日\.docx$/);
  const text = (await mammoth.extractRawText({ buffer: readFileSync(word.file) })).value;
  for (const s of [APPENDIX_D.title, ...APPENDIX_D.columns, '9,020.00', '8,200.00', '图1 培育前后主要指标对比']) expect(text, s).toContain(s);

  const excel = await e.download('导出 Excel', dir);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(excel.file).buffer as ArrayBuffer);
  const sheet = wb.getWorksheet('培育效果评价表')!;
  let change: unknown;
  sheet.eachRow((r) => {
    if (r.getCell(1).value === area) change = r.getCell(4).value;
  });
  expect(change).toMatchObject({ result: 820 });
});
