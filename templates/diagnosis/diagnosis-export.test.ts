import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { diagnosisDefinition } from '../../shared/forms/appendix-a/diagnosis-definition.js';
import { renderDiagnosisDocx } from './diagnosis-docx.js';
import { renderDiagnosisXlsx, SHEET_ELIGIBILITY, SHEET_FORM } from './diagnosis-xlsx.js';
import { compositeLines, printLabel, rowLabel } from '../shared/document-cells.js';
import { NASTY_TEXT, sampleModel } from './testing/sample-model.js';
import { renderOfficeToPng } from '../../tests/support/render-docx.js';

async function docxText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

async function documentXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('word/document.xml')!.async('string');
}

/** Every label the table prints, from the definition. */
function printedLabels(): string[] {
  const model = sampleModel();
  const ctx = { def: diagnosisDefinition, header: model.header, check: model.check };
  const labels: string[] = [];
  for (const row of [...diagnosisDefinition.headerRows, ...diagnosisDefinition.sections.flatMap((s) => s.rows)]) {
    if (row.kind === 'pair' || row.kind === 'of-which') labels.push(...row.items.map((i) => printLabel(ctx, i)));
    else labels.push(rowLabel(ctx, row));
    if (row.kind === 'of-which') labels.push(row.caption);
  }
  return labels;
}

describe('Word export of 表A.1', () => {
  it('prints the title, every label verbatim, the values, boxes, 注1 and the signature block', async () => {
    const model = sampleModel();
    const text = await docxText(await renderDiagnosisDocx(model));
    expect(text).toContain('科技企业孵化器培育诊断意见表');
    for (const label of printedLabels()) expect(text).toContain(label);
    expect(text).toContain('南宁邕江科技企业孵化器');
    expect(text).toContain('8,200.50');
    expect(text).toContain('73.2%'); // (5100 + 900.5) / 8200.5
    expect(text).toContain('3.90'); // 32 per 8 200.5 m² × 1000
    expect(text).toContain('事业单位□  国有企业□  民营企业☑  其他□');
    expect(text).toContain('专业型□  综合型☑');
    expect(text).toContain('☑已申请专利的在孵企业数量：14家，占在孵企业总数比例43.8%。');
    expect(text).toContain('□拥有有效知识产权的在孵企业数量：____家，占在孵企业总数比例____%。');
    expect(text).toContain('是☑  否□  如选是，具体配套名称：会议室、洽谈室、路演厅、检验检测平台');
    expect(text).toContain('注1：表格中选择项请在相应的□内打√。');
    expect(text).toContain('（盖章）');
    expect(text).toContain('2025年06月18日');
    expect(text).toContain('刘建新、黄敏');
    expect(text).toContain(NASTY_TEXT.replace('\u0001', ''));
  });

  it('is A4 portrait, sized in DXA, 宋体/黑体, with a repeated header row', async () => {
    const xml = await documentXml(await renderDiagnosisDocx(sampleModel()));
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:type="dxa"');
    expect(xml).not.toContain('w:type="pct"');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('w:eastAsia="SimSun"');
    expect(xml).toContain('w:eastAsia="SimHei"');
    expect(xml).toContain('&lt;w:t&gt;标签&lt;/w:t&gt;');
    expect(xml).not.toContain('\u0001');
  });

  it('blank computed values and a 15-digit area never print NaN or Infinity', async () => {
    const model = sampleModel({ values: { totalArea: '123456789012345', incubatees: 0, staffTotal: 0 } });
    const text = await docxText(await renderDiagnosisDocx(model));
    expect(text).not.toMatch(/NaN|Infinity|undefined|null/);
    expect(text).toContain('123,456,789,012,345.00'); // kept (and refused with a message in the form)
  });

  it('renders with LibreOffice: long advice wraps and continues on the next page with the header row repeated', async () => {
    const model = sampleModel({ values: { summary: '诊断总结'.repeat(10) + '建议内容较长，'.repeat(700) } });
    const pages = renderOfficeToPng(await renderDiagnosisDocx(model), 'diagnosis-long.docx');
    expect(pages.pageCount).toBeGreaterThanOrEqual(2);
    const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', pages.pdf, '-'], { encoding: 'utf8' });
    expect(page2).toContain('孵化器名称');
    const short = renderOfficeToPng(await renderDiagnosisDocx(sampleModel()), 'diagnosis-sample.docx');
    expect(short.pngs.length).toBeGreaterThan(0);
  }, 120_000);
});

describe('Excel export', () => {
  it('one row per value, numbers as numbers, percentages 0.0%, and the eligibility sheet', async () => {
    const model = sampleModel();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderDiagnosisXlsx(model)).buffer as ArrayBuffer);
    const sheet = wb.getWorksheet(SHEET_FORM)!;
    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row) => rows.set(String(row.getCell(2).value ?? ''), row));
    for (const f of diagnosisDefinition.fields) expect(rows.has(f.label), f.label).toBe(true);
    for (const c of diagnosisDefinition.computed) expect(rows.has(c.label), c.label).toBe(true);
    const area = rows.get('可自主支配的孵化场地总面积（m²）')!;
    expect(area.getCell(3).value).toBe(8200.5);
    expect(area.getCell(4).value).toBe('m²');
    const share = rows.get('在孵企业使用面积（含公共服务面积）占总面积比例')!;
    expect(share.getCell(3).value).toBe(0.732);
    expect(share.getCell(3).numFmt).toBe('0.0%');
    expect(rows.get('孵化器名称')!.getCell(3).value).toBe('南宁邕江科技企业孵化器');
    expect(rows.get('在孵企业评估建议')!.getCell(3).value).toBe(NASTY_TEXT.replace('\u0001', ''));
    expect(rows.get('是否配备完善的公共服务设施')!.getCell(3).value).toBe('是');
    const rules = wb.getWorksheet(SHEET_ELIGIBILITY)!;
    const clauses: string[] = [];
    rules.eachRow((row, n) => n > 1 && clauses.push(String(row.getCell(1).value ?? '')));
    expect(clauses).toContain('4.1.3');
    expect(clauses).toContain('4.1.9');
  });

  it('keeps typed text in a number field as text, and never writes NaN', async () => {
    const model = sampleModel({ values: { totalArea: '约八千', staffTotal: 0 } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderDiagnosisXlsx(model)).buffer as ArrayBuffer);
    const sheet = wb.getWorksheet(SHEET_FORM)!;
    const values: unknown[] = [];
    sheet.eachRow((row) => values.push(row.getCell(3).value));
    expect(values).toContain('约八千');
    for (const v of values) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  });

  it('composite rows read from the definition', () => {
    const model = sampleModel({ header: { incubatorType: '专业型' }, values: { sameIndustryCount: 20 } });
    const row = diagnosisDefinition.sections.flatMap((s) => s.rows).find((r) => r.kind === 'sentence')!;
    expect(compositeLines({ def: diagnosisDefinition, header: model.header, check: model.check }, row)).toEqual([
      '在同一产业领域从事研发、生产的在孵企业数量：20家，占在孵企业总数的比例62.5%。',
    ]);
  });
});
