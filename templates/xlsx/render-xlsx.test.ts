import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { renderXlsx } from './render-xlsx.js';
import { SHEET_ELIGIBILITY } from './eligibility-sheet.js';
import { DATE_FORMAT } from './sheet-style.js';
import { APPENDIX_A } from '../../tests/fixtures/standard-wording.js';
import { NASTY_TEXT, sampleListModelWithImage, sampleModel } from '../testing/sample-models.js';
import { renderOfficeToPng } from '../../tests/support/render-docx.js';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** label text → the cell to its right (the value), over the whole form sheet. */
function cellsByLabel(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
  const out = new Map<string, ExcelJS.Cell>();
  sheet.eachRow((row) => {
    row.eachCell((cell, col) => {
      if (typeof cell.value === 'string' && col < 4 && !out.has(cell.value)) {
        // The next cell that is not part of this one's merge.
        let next = col + 1;
        while (next <= 4 && row.getCell(next).isMerged && row.getCell(next).master.address === cell.address) next++;
        out.set(cell.value, row.getCell(next));
      }
    });
  });
  return out;
}

describe('Excel export of 表A.1', () => {
  it('a printable form: A4 portrait, one page wide, title rows repeated, page numbers in the footer, 宋体 and borders', async () => {
    const wb = await load(await renderXlsx(sampleModel()));
    const sheet = wb.getWorksheet('诊断意见表')!;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(sheet.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    expect(sheet.getCell('A1').value).toBe(APPENDIX_A.title);
    expect(sheet.getCell('A2').value).toBe(`${APPENDIX_A.tableNumber} ${APPENDIX_A.title}`);
    const labelCell = [...cellsByLabel(sheet).keys()].includes('孵化器名称');
    expect(labelCell).toBe(true);
    sheet.eachRow((row, n) => {
      if (n < 3) return;
      row.eachCell((cell) => {
        if (cell.value !== null && cell.value !== '') expect(cell.font?.name, cell.address).toBe('宋体');
      });
    });
    expect(sheet.getCell('A3').border?.top?.style).toBe('thin');
  });

  it('every label of the standard; numbers, real dates shown 「2025年6月15日」, □/☑, and 「其中」 kept as one group', async () => {
    const wb = await load(await renderXlsx(sampleModel()));
    const sheet = wb.getWorksheet('诊断意见表')!;
    const byLabel = cellsByLabel(sheet);
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && texts.push(c.value)));
    for (const label of APPENDIX_A.labels) expect(texts, label).toContain(label);
    expect(byLabel.get('可自主支配的孵化场地总面积（m²）')!.value).toBe(8200.5);
    const registered = byLabel.get('注册时间')!;
    expect(registered.value).toEqual(new Date(Date.UTC(2018, 2, 15)));
    expect(registered.numFmt).toBe(DATE_FORMAT);
    expect(byLabel.get('机构性质')!.value).toBe('事业单位□  国有企业□  民营企业☑  其他□');
    expect(byLabel.get('在孵企业评估建议')!.value).toBe(NASTY_TEXT.replace('\u0001', ''));
    const caption = texts.indexOf('其中');
    expect(caption).toBeGreaterThan(0);
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges.some((m) => /^A\d+:A\d+$/.test(m) && Number(m.split(':')[1]!.slice(1)) - Number(m.split(':')[0]!.slice(1)) === 3)).toBe(true);
  });

  it('ratios are formulas over the input cells, with the app’s result cached', async () => {
    const model = sampleModel();
    const wb = await load(await renderXlsx(model));
    const sheet = wb.getWorksheet('诊断意见表')!;
    const byLabel = cellsByLabel(sheet);
    const share = byLabel.get('在孵企业使用面积（含公共服务面积）占总面积比例')!;
    const value = share.value as ExcelJS.CellFormulaValue;
    expect(value.result).toBeCloseTo(model.check.computed.areaShare!, 10);
    expect(share.numFmt).toBe('0.0%');
    // The formula names the cells holding 在孵企业场地面积, 公共服务场地面积 and the total.
    const total = byLabel.get('可自主支配的孵化场地总面积（m²）')!.address;
    const parts = [byLabel.get('在孵企业场地面积（m²）')!.address, byLabel.get('公共服务场地面积（m²）')!.address];
    expect(value.formula).toBe(`IF(AND(ISNUMBER(${total}),${total}<>0,COUNT(${parts.join(',')})>0,COUNTA(${parts.join(',')})=COUNT(${parts.join(',')})),SUM(${parts.join(',')})/${total},"")`);
    const perThousand = byLabel.get('每千平方米在孵企业数量（家）')!.value as ExcelJS.CellFormulaValue;
    expect(perThousand.formula).toContain('*1000/');
    // A share over an input in error is blank, in the cache as in the app.
    const bad = cellsByLabel((await load(await renderXlsx(sampleModel({ values: { publicServiceArea: '九百' } })))).getWorksheet('诊断意见表')!);
    expect((bad.get('在孵企业使用面积（含公共服务面积）占总面积比例')!.value as ExcelJS.CellFormulaValue).result ?? '').toBe('');
    // Excel recomputes every formula when the file opens (exceljs does not read this back: look at the XML).
    const workbookXml = await (await JSZip.loadAsync(await renderXlsx(model))).file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toContain('fullCalcOnLoad="1"');
    expect(bad.get('公共服务场地面积（m²）')!.value).toBe('九百（数据有误）');
  });

  it('the eligibility sheet names the incubator, the date and the rule set, lists every rule and fits A4', async () => {
    const wb = await load(await renderXlsx(sampleModel()));
    const rules = wb.getWorksheet(SHEET_ELIGIBILITY)!;
    expect(rules.getCell('A1').value).toBe('认定条件对照');
    expect(rules.getCell('A2').value).toBe('孵化器：南宁邕江科技企业孵化器');
    expect(rules.getCell('A3').value).toEqual(new Date(Date.UTC(2025, 5, 18)));
    expect(rules.getCell('A3').numFmt).toBe(`"诊断日期："${DATE_FORMAT}`);
    expect(rules.getCell('A4').value).toBe('规则集：T/GXAS 453-2023 培育对象条件（4.1）（依据：T/GXAS 453-2023《科技企业孵化器培育服务规范》4.1）');
    const clauses: string[] = [];
    const results: string[] = [];
    rules.eachRow((row, n) => {
      if (n > 6) {
        clauses.push(String(row.getCell(1).value));
        results.push(String(row.getCell(4).value));
      }
    });
    expect(clauses).toEqual(['4.1.1', '4.1.1', '4.1.2', '4.1.3', '4.1.4', '4.1.5', '4.1.6', '4.1.7', '4.1.8', '4.1.9']);
    expect(results.every((r) => r === '符合')).toBe(true);
    expect(String(rules.getCell('F9').value)).toContain('诊断人员判断：符合。查阅了入孵、毕业等管理制度文本'); // 4.1.2
    expect(String(rules.getCell('F16').value)).toContain('诊断人员判断：符合。毕业企业 12 家，获投 6 家'); // 4.1.9
    expect(rules.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '6:6' });
  });

  it('a draft with errors says 「草稿」 in the header of every printed page', async () => {
    const wb = await load(await renderXlsx(sampleModel({ values: { mentors: '2.5' }, status: 'draft' })));
    expect(wb.getWorksheet('诊断意见表')!.headerFooter.oddHeader).toContain('草稿 · 尚有 1 处数据未通过检查');
    expect(wb.getWorksheet(SHEET_ELIGIBILITY)!.headerFooter.oddHeader).toContain('草稿');
  });

  it('lists with their total, a clause and an image of the test-only definition', async () => {
    const wb = await load(await renderXlsx(sampleListModelWithImage()));
    const sheet = wb.getWorksheet('测试合同')!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && texts.push(c.value)));
    expect(texts).toContain('分期付款');
    expect(texts).toContain('（1）合同签订后 10 日内');
    expect(texts).toContain('30,000.00');
    expect(texts).toContain('合计：50,000.50');
    expect(texts).toContain('另一方应当在15日内予以答复；逾期未予答复的，视为同意。');
    expect(sheet.getImages()).toHaveLength(1);
  });

  it('renders with LibreOffice (kept under tests/artifacts/documents for people to look at)', async () => {
    const pages = renderOfficeToPng(await renderXlsx(sampleModel()), 'diagnosis-sample.xlsx', 'documents-xlsx');
    expect(pages.pageCount).toBeGreaterThanOrEqual(2); // the form and the comparison
  }, 120_000);
});
