import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { test, expect } from './fixtures/app.js';
import { DocumentPages } from './pages/document-pages.js';
import { APPENDIX_A } from '../fixtures/standard-wording.js';

// A long form filled field by field on a 2-core machine shared with other work: allow more than the default.
test.describe.configure({ timeout: 180_000 });

test('a consultant fills a diagnosis by the standard’s labels, sees ratios and the eligibility check, and exports Word and Excel', async ({ app }) => {
  const page = app.page;
  const d = new DocumentPages(page, '诊断意见表');
  await d.loadDemo();
  await d.open();
  await d.chooseIncubator('南宁邕江科技企业孵化器');
  await expect(d.rows()).toHaveCount(1); // the demo diagnosis
  await d.create();
  await expect(page.getByText('南宁邕江创新创业服务有限公司')).toBeVisible();
  // Every label of the standard is on the form, exactly as the standard words it.
  for (const label of ['可自主支配的孵化场地总面积（m²）', '其中，完成科技型中小企业入库登记的企业数（家）', '孵化器自有种子资金或合作孵化资金金额（万元）', '诊断总结']) {
    expect(APPENDIX_A.labels).toContain(label);
    await expect(d.field(label)).toBeVisible();
  }

  // Areas: 1,234.5-style and full-width digits are accepted; a sum that differs from the total is a visible warning.
  await d.fill({
    '可自主支配的孵化场地总面积（m²）': '3,800',
    '在孵企业场地面积（m²）': '２０００',
    '公共服务场地面积（m²）': '500',
    '自用面积（m²）': '800',
    '其他面积（m²）': '400',
  });
  await expect(d.field('可自主支配的孵化场地总面积（m²）')).toHaveAccessibleDescription(/相差 100.00 m²/);
  await expect(d.field('在孵企业使用面积（含公共服务面积）占总面积比例')).toHaveValue('65.8%');

  // An 其中 larger than its whole is an error next to the field, in Chinese, and its share is not computed.
  await d.fill({ '可自主支配场地内在孵企业数量（家）': '12', '其中，完成科技型中小企业入库登记的企业数（家）': '15' });
  await expect(d.field('其中，完成科技型中小企业入库登记的企业数（家）')).toHaveAccessibleDescription('不能大于「可自主支配场地内在孵企业数量（家）」（12）');
  await d.fill({ '其中，完成科技型中小企业入库登记的企业数（家）': '4' });
  await expect(d.field('其中，完成科技型中小企业入库登记的企业数（家）')).toHaveAccessibleDescription('');
  await expect(d.field('每千平方米在孵企业数量（家）')).toHaveValue('3.16');

  // Text in a number field gets a message; 2.5 mentors is refused, never rounded, and the rule says the data is wrong.
  await d.fill({ '孵化器自有种子资金或合作孵化资金金额（万元）': '一百五十' });
  await expect(d.field('孵化器自有种子资金或合作孵化资金金额（万元）')).toHaveAccessibleDescription('请填写数字，例如 1,234.5');
  await d.fill({ '孵化器自有种子资金或合作孵化资金金额（万元）': '150', 孵化器管理机构人员总数: '8', 专业孵化服务人员数量: '6', 创业导师数量: '2.5' });
  await expect(d.field('创业导师数量')).toHaveAccessibleDescription('请填写整数');
  await expect(d.ruleStatus('4.1.6', '创业导师不少于 3 名', '数据有误')).toBeVisible();
  await expect(d.rule('4.1.6', '创业导师不少于 3 名')).toContainText('请核对「创业导师数量」');
  await d.fill({ 创业导师数量: '2' });
  await expect(d.field('孵化服务人员占机构总人数的比例')).toHaveValue('75.0%');

  // 二选一: choosing one option enables its count and computes its share.
  await page.getByRole('radio', { name: '已申请专利的在孵企业数量' }).check();
  await d.fill({ 已申请专利的在孵企业数量: '3' });
  await expect(d.field('已申请专利的在孵企业占在孵企业总数比例')).toHaveValue('25.0%');

  // The eligibility panel beside the form: met / not met / not enough data, with the gap in numbers.
  await expect(d.ruleStatus('4.1.3', '可自主支配的孵化场地面积不低于 5 000 m²', '不符合')).toBeVisible();
  await expect(d.rule('4.1.3', '可自主支配的孵化场地面积不低于 5 000 m²')).toContainText('还差 1 200 m²');
  await expect(d.rule('4.1.4', '自有种子资金或合作孵化资金不低于 200 万元')).toContainText('还差 50 万元');
  await expect(d.ruleStatus('4.1.5', '专业孵化服务人员占机构总人数 70% 以上', '符合')).toBeVisible();
  await expect(d.ruleStatus('4.1.8', '具备公共活动空间和公共服务设施', '数据不足')).toBeVisible();
  await page.getByRole('radiogroup', { name: '是否配备完善的公共服务设施' }).getByText('是', { exact: true }).click();
  await d.fill({ 具体配套名称: '会议室、洽谈室 "路演厅" 😀 <w:t>' });
  await expect(d.ruleStatus('4.1.8', '具备公共活动空间和公共服务设施', '符合')).toBeVisible();

  // The gaps go into 诊断总结.
  await d.button('将差距写入诊断总结').click();
  await expect(d.field('诊断总结')).toHaveValue(/4\.1\.3 可自主支配的孵化场地面积不低于 5 000 m²（宜）：当前 3 800 m²，还差 1 200 m²。/);
  await expect(page.getByRole('status').filter({ hasText: '已自动保存' })).toBeVisible();
  await page.screenshot({ path: 'tests/artifacts/documents/editor-filled.png', fullPage: true });

  // Exports arrive as downloads with a Chinese file name and read back. Not complete yet: each page says 「草稿」.
  const dir = mkdtempSync(join(tmpdir(), 'wb-e2e-dl-'));
  const word = await d.download('导出 Word', dir);
  expect(word.name).toMatch(/^南宁邕江科技企业孵化器-诊断意见表-\d{4}年\d{2}月\d{2}日\.docx$/);
  const text = (await mammoth.extractRawText({ buffer: readFileSync(word.file) })).value;
  expect(text).toContain(APPENDIX_A.title);
  expect(text).toContain('3,800.00');
  expect(text).toContain('65.8%');
  expect(text).toContain('☑已申请专利的在孵企业数量：3家，占在孵企业总数比例25.0%。');
  expect(text).toContain('会议室、洽谈室 "路演厅" 😀 <w:t>');
  expect(text).toContain('还差 1 200 m²');
  expect(text).toContain('认定条件对照');

  const excel = await d.download('导出 Excel', dir);
  expect(excel.name.endsWith('.xlsx')).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(excel.file).buffer as ArrayBuffer);
  const values: unknown[] = [];
  wb.getWorksheet('诊断意见表')!.eachRow((r) => r.eachCell((c) => values.push(c.value)));
  expect(values).toContain(3800);
  const rules = wb.getWorksheet('认定条件对照')!;
  expect(rules.getCell('A2').value).toBe('孵化器：南宁邕江科技企业孵化器');
  expect(rules.rowCount).toBeGreaterThan(10);

  // The list shows both diagnoses with date and status.
  await d.button('返回列表').click();
  await expect(d.rows()).toHaveCount(2);
  await expect(d.row('草稿')).toHaveCount(1);
  await expect(d.row('已完成')).toHaveCount(1);
});

test('at the 70 % boundary 4.1.5 is met, 4.1.2 is judged; completed, the incubator changes, the completed export does not', async ({ app }) => {
  const page = app.page;
  const d = new DocumentPages(page, '诊断意见表');
  await d.loadDemo();
  await d.open();
  await d.chooseIncubator('桂林漓江电子信息孵化园');
  await d.row('草稿').getByRole('button', { name: /^打开「/ }).click();
  await d.fill({ 孵化器管理机构人员总数: '10', 专业孵化服务人员数量: '7', 创业导师数量: '3' });
  await expect(d.field('孵化服务人员占机构总人数的比例')).toHaveValue('70.0%');
  await expect(d.ruleStatus('4.1.5', '专业孵化服务人员占机构总人数 70% 以上', '符合')).toBeVisible();
  await expect(d.ruleStatus('4.1.6', '创业导师不少于 3 名', '符合')).toBeVisible();

  // 4.1.2: 「是」 is met by the data, and the consultant confirms it; 4.1.9 is the consultant's verdict.
  await page.getByRole('radiogroup', { name: '是否建立完善的运营管理制度' }).getByText('是', { exact: true }).click();
  await expect(d.rule('4.1.2', '发展方向明确，运营管理制度和孵化服务机制健全')).toContainText('待诊断人员确认');
  await d.rule('4.1.2', '发展方向明确，运营管理制度和孵化服务机制健全').getByRole('radio', { name: '符合', exact: true }).check();
  await expect(d.ruleStatus('4.1.2', '发展方向明确，运营管理制度和孵化服务机制健全', '符合')).toBeVisible();
  await d.rule('4.1.9', '在企业培育、投融资、知识产权、技术转移等方面取得成效').getByRole('radio', { name: '不符合', exact: true }).check();
  await d.rule('4.1.9', '在企业培育、投融资、知识产权、技术转移等方面取得成效').getByRole('textbox', { name: '4.1.9 判断说明' }).fill('毕业企业尚少');
  await d.field('诊断人员').click(); // leaves the note: saved
  await expect(d.ruleStatus('4.1.9', '在企业培育、投融资、知识产权、技术转移等方面取得成效', '不符合')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '已自动保存' })).toBeVisible();

  await d.button('完成').click();
  await expect(page.getByText('此诊断意见表为「已完成」状态。如需修改，请点击“重新打开”。')).toBeVisible();
  await expect(page.getByRole('article', { name: '表A.1 科技企业孵化器培育诊断意见表' })).toBeVisible();
  await expect(d.field('可自主支配的孵化场地总面积（m²）')).toHaveCount(0); // a readable page, not disabled inputs

  const dir = mkdtempSync(join(tmpdir(), 'wb-e2e-dl-'));
  const before = (await mammoth.extractRawText({ buffer: readFileSync((await d.download('导出 Word', dir)).file) })).value;
  expect(before).toContain('诊断人员判断：不符合。毕业企业尚少');
  expect(before).not.toContain('草稿');

  // The incubator record changes: the completed diagnosis keeps its copy and says so.
  await page.getByRole('navigation', { name: '主导航' }).getByText('孵化器', { exact: true }).click();
  await page.getByRole('row').filter({ hasText: '桂林漓江电子信息孵化园' }).getByRole('button', { name: '编辑「桂林漓江电子信息孵化园」' }).click();
  await page.getByRole('dialog').getByLabel('联系人', { exact: true }).fill('新联系人');
  await page.getByRole('dialog').getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(page.getByText(/已保存「桂林漓江电子信息孵化园」/)).toBeVisible();
  await d.open(); // the menu leads to the list (the address names the page); the completed diagnosis, read again
  await d.row('桂林漓江电子信息孵化园', '已完成').getByRole('button', { name: /^打开「/ }).click();
  await expect(page.getByText(/孵化器档案此后有修改（「联系人」）/)).toBeVisible();
  const after = (await mammoth.extractRawText({ buffer: readFileSync((await d.download('导出 Word', dir)).file) })).value;
  expect(after).toBe(before);
  expect(after).not.toContain('新联系人');
});

test('a draft is never lost: an unfinished value survives closing the page mid-field', async ({ app }) => {
  const page = app.page;
  const d = new DocumentPages(page, '诊断意见表');
  await d.loadDemo();
  await d.open();
  await d.chooseIncubator('北海向海经济科技孵化器');
  await d.create();
  // Typed, not blurred, not yet a valid number, the backend unreachable, and the page goes away at once.
  await page.route('**/rpc/documents.saveDraft', (route) => route.abort());
  await d.field('可自主支配的孵化场地总面积（m²）').fill('52百');
  await page.reload();
  await d.open();
  await d.row('北海向海经济科技孵化器', '草稿').getByRole('button', { name: /^打开「/ }).click();
  await expect(d.field('可自主支配的孵化场地总面积（m²）')).toHaveValue('52百');
  await expect(d.field('可自主支配的孵化场地总面积（m²）')).toHaveAccessibleDescription('请填写数字，例如 1,234.5');
  await expect(page.getByRole('status')).toContainText('未能保存');
  // The backend is back: the next blur saves the restored draft.
  await page.unroute('**/rpc/documents.saveDraft');
  await d.field('可自主支配的孵化场地总面积（m²）').focus();
  await d.field('可自主支配的孵化场地总面积（m²）').blur();
  await expect(page.getByRole('status')).toContainText('已自动保存');
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wb-document-draft:')).length)).toBe(0);
  const fresh = await app.restart();
  const d2 = new DocumentPages(fresh, '诊断意见表');
  await d2.open();
  await d2.chooseIncubator('北海向海经济科技孵化器');
  await d2.row('北海向海经济科技孵化器', '草稿').getByRole('button', { name: /^打开「/ }).click();
  await expect(d2.field('可自主支配的孵化场地总面积（m²）')).toHaveValue('52百');
});

test('an agency copies the §4.1 rule set, lowers a threshold, switches a diagnosis to it, and a bad rule file is refused', async ({ app }) => {
  const page = app.page;
  const d = new DocumentPages(page, '诊断意见表');
  await d.loadDemo();
  await d.open();
  await d.button('认定规则集').click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('button', { name: '复制为本机构规则集' }).click();
  await expect(page.getByText(/已复制为「.*（副本）」/)).toBeVisible();
  await drawer.getByRole('textbox', { name: '4.1.3 阈值' }).fill('4000');
  await drawer.getByRole('button', { name: '保存规则集' }).click();
  await expect(page.getByText(/已保存「.*（副本）」/)).toBeVisible();

  const bad = JSON.stringify({ id: 'bad', name: '坏规则', source: '测试', rules: [{ id: 'a', clause: '1', title: 't', strength: '必须', anyOf: [] }] });
  await drawer.getByLabel('选择规则文件').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  await expect(drawer.getByText('规则集未保存（整份拒绝，未做任何修改）')).toBeVisible();
  await expect(drawer.getByText(/strength 应为“应”或“宜”/)).toBeVisible();
  await page.keyboard.press('Escape');

  await d.chooseIncubator('桂林漓江电子信息孵化园');
  await d.row('桂林漓江电子信息孵化园', '草稿').getByRole('button', { name: /^打开「/ }).click();
  await expect(d.rule('4.1.3', '可自主支配的孵化场地面积不低于 5 000 m²')).toContainText('还差 400 m²');
  await d.chooseOption('认定规则集', '（副本）');
  await expect(d.panel).toContainText('（副本）');
  await expect(d.ruleStatus('4.1.3', '可自主支配的孵化场地面积不低于 5 000 m²', '符合')).toBeVisible();
});

test('at 1024×700 the eligibility check opens beside the form from a button, never below it', async ({ app }) => {
  const page = app.page;
  await page.setViewportSize({ width: 1024, height: 700 });
  const d = new DocumentPages(page, '诊断意见表');
  await d.loadDemo();
  await d.open();
  await d.chooseIncubator('桂林漓江电子信息孵化园');
  await d.row('草稿').getByRole('button', { name: /^打开「/ }).click();
  await expect(d.panel).toHaveCount(0);
  await page.getByRole('button', { name: /^认定条件对照（符合 \d+/ }).click();
  await expect(page.getByRole('dialog', { name: '认定条件对照' })).toBeVisible();
  await expect(d.rule('4.1.3', '可自主支配的孵化场地面积不低于 5 000 m²')).toBeInViewport();
  await page.screenshot({ path: 'tests/artifacts/documents/editor-1024-panel.png' });
});
