// The portfolio workbook with the demo data, read back sheet by sheet: latest diagnosis figures, evaluations
// before/after/change (formulas), eligibility results, contracts (status, fee, paid, next reminder); frozen header
// rows, filters, number formats; a sheet per further registered document kind; the command line. A portfolio longer
// than a page, rendered by LibreOffice: what exceljs' streaming writer could lose (calc on load, print titles).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { registerExportCommand } from '../../core/cli/export-command.js';
import { DOCUMENT_KINDS, definitionOf } from '../../shared/forms/registry.js';
import { checkIncubator } from '../../shared/domain/incubator.js';
import { saveIncubator } from '../../db/repositories/incubator-repository.js';
import { incubatorSearchText } from '../../core/services/search-text.js';
import { addDemoDiagnosis, DEMO_DIAGNOSES } from '../../core/services/demo-diagnoses.js';
import { addDemoEvaluation, DEMO_EVALUATIONS } from '../../core/services/demo-evaluations.js';
import { sampleIncubator } from '../support/sample-incubator.js';
import { renderOfficeToPng } from '../support/render-docx.js';

let t: TestWorkbench;
beforeEach(() => {
  t = openTestWorkbench({ now: () => new Date('2026-07-01T08:00:00Z') });
});
afterEach(() => t.cleanup());

async function load(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes).buffer as ArrayBuffer);
  return wb;
}

function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((c, n) => {
    if (c.value === header) found = n;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

function rowOf(sheet: ExcelJS.Worksheet, name: string, extra?: (r: ExcelJS.Row) => boolean): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((r) => {
    if (r.getCell(1).value === name && (!extra || extra(r))) found ??= r;
  });
  if (!found) throw new Error(`no row ${name}`);
  return found;
}

describe('the portfolio workbook', () => {
  it('holds the demo incubators sheet by sheet, with frozen filtered headers and number formats', async () => {
    await t.call('demo.load', {});
    const file = await t.call('portfolio.export', {});
    expect(file.fileName).toBe('孵化器培育工作汇总表-2026-07-01.xlsx');
    const wb = await load(Buffer.from(file.base64, 'base64'));
    const further = DOCUMENT_KINDS.filter((k) => k !== 'diagnosis' && k !== 'evaluation' && k !== 'contract').map((k) => definitionOf(k).shortName);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['最新诊断数据', '培育效果评价', '认定条件结果', '合同', ...further]);
    for (const sheet of wb.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      // A filter over the header row, from the first column to the last.
      expect(String(sheet.autoFilter)).toMatch(new RegExp(`^A1:${sheet.getColumn(sheet.columnCount).letter}\\d+$`));
    }

    const diagnoses = wb.getWorksheet('最新诊断数据')!;
    expect(diagnoses.rowCount).toBe(6);
    const nanning = rowOf(diagnoses, '南宁邕江科技企业孵化器');
    const area = columnOf(diagnoses, '可自主支配的孵化场地总面积（m²）');
    expect(nanning.getCell(area).value).toBe(8200);
    expect(nanning.getCell(area).numFmt).toBe('#,##0.00');
    const share = columnOf(diagnoses, '孵化服务人员占机构总人数的比例');
    expect(nanning.getCell(share).value).toBeCloseTo(0.8);
    expect(nanning.getCell(share).numFmt).toBe('0.0%');

    const evaluations = wb.getWorksheet('培育效果评价')!;
    expect(evaluations.rowCount).toBe(6);
    const e = rowOf(evaluations, '南宁邕江科技企业孵化器');
    const before = columnOf(evaluations, '1.1 可自主支配的孵化场地总面积（m²） 培育前');
    expect(e.getCell(before).value).toBe(8200);
    expect(e.getCell(before + 1).value).toBe(10660);
    expect(e.getCell(before + 2).value).toMatchObject({ result: 2460 });
    expect((e.getCell(before + 2).value as { formula: string }).formula).toContain('-');

    const rules = wb.getWorksheet('认定条件结果')!;
    const basisColumn = columnOf(rules, '依据');
    const after = rowOf(rules, '北海向海经济科技孵化器', (r) => r.getCell(basisColumn).value === '培育效果评价（培育后）');
    const diagnosed = rowOf(rules, '北海向海经济科技孵化器', (r) => r.getCell(basisColumn).value === '诊断意见表');
    const met = columnOf(rules, '符合');
    expect(Number(after.getCell(met).value)).toBeGreaterThan(Number(diagnosed.getCell(met).value));

    // 南宁's demo contract (core/services/demo-contracts.ts, dates from today 2026-07-01): in force, ¥120 000 in three
    // instalments, the first (¥40 000) paid, the second due in 3 days — its reminder is the next one.
    const contracts = wb.getWorksheet('合同')!;
    expect(contracts.rowCount).toBe(6);
    const c = rowOf(contracts, '南宁邕江科技企业孵化器');
    const cell = (header: string) => c.getCell(columnOf(contracts, header));
    expect(cell('状态').value).toBe('生效');
    expect(cell('技术服务报酬（元）').value).toBe(120000);
    expect(cell('技术服务报酬（元）').numFmt).toBe('#,##0.00');
    expect(cell('支付方式').value).toBe('分期');
    expect(cell('已付（元）').value).toBe(40000);
    expect(cell('已付（元）').numFmt).toBe('#,##0.00');
    expect(cell('未付（元）').value).toBe(80000);
    expect(cell('下次应付日期').value).toBe('2026-07-04');
    expect(String(cell('下次提醒').value)).toMatch(/^第 2 期款 ¥40,000\.00 应于2026年07月04日支付/);
    expect(cell('下次提醒').alignment.wrapText).toBe(true);
    const liuzhou = rowOf(contracts, '柳州汽车零部件专业孵化器');
    expect(liuzhou.getCell(columnOf(contracts, '支付方式')).value).toBe('一次');
    // Paid in one sum: the app records no payment for it, so 已付 is blank, not 0.
    expect(liuzhou.getCell(columnOf(contracts, '已付（元）')).value).toBeNull();
    expect(rowOf(contracts, '桂林漓江电子信息孵化园').getCell(columnOf(contracts, '状态')).value).toBe('草稿');
  });

  it('a chosen set holds only those incubators; the command line writes the same workbook', async () => {
    await t.call('demo.load', {});
    const list = await t.call('incubators.list', { query: '南宁' });
    const file = await t.call('portfolio.export', { incubatorIds: list.map((i) => i.id) });
    const wb = await load(Buffer.from(file.base64, 'base64'));
    expect(wb.getWorksheet('最新诊断数据')!.rowCount).toBe(2);

    const out = join(t.dir, 'out', '汇总.xlsx');
    const program = new Command().exitOverride();
    registerExportCommand(program, () => ({ wb: t.wb, router: t.router }));
    const original = console.log;
    console.log = () => undefined;
    try {
      await program.parseAsync(['export', 'portfolio', '--format', 'xlsx', '--out', out], { from: 'user' });
    } finally {
      console.log = original;
    }
    expect((await load(readFileSync(out))).getWorksheet('培育效果评价')!.rowCount).toBe(6);
    await expect(program.parseAsync(['export', 'portfolio', '--format', 'docx', '--out', out], { from: 'user' })).rejects.toThrow('汇总表只能导出为 xlsx');
  });

  it('a portfolio longer than a page keeps what the streaming writer could lose, and LibreOffice prints it', async () => {
    const { db } = t.wb.database;
    const count = 30;
    db.transaction((tx) => {
      const ctx = t.wb.changeContext();
      for (let i = 0; i < count; i++) {
        const { normalized } = checkIncubator(sampleIncubator(i));
        const incubator = saveIncubator(tx, ctx, { values: normalized, searchText: incubatorSearchText(normalized) });
        addDemoDiagnosis(tx, ctx, incubator, DEMO_DIAGNOSES[0]!);
        addDemoEvaluation(tx, ctx, incubator, DEMO_EVALUATIONS[0]!);
      }
    });
    const file = await t.call('portfolio.export', {});
    const bytes = Buffer.from(file.base64, 'base64');
    const wb = await load(bytes);
    // The formulas compute when the file is opened (the streaming writer leaves calcPr empty unless told).
    const workbookXml = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    for (const sheet of wb.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
      expect(String(sheet.autoFilter)).toBe(`A1:${sheet.getColumn(sheet.columnCount).letter}${sheet.rowCount}`);
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:1' });
      expect(sheet.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    }
    // The evaluations' 90 columns run over pages across with the incubator's name repeated; the contracts fit one wide.
    expect(wb.getWorksheet('培育效果评价')!.pageSetup.printTitlesColumn).toBe('A:A');
    expect(wb.getWorksheet('合同')!.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1 });
    const evaluations = wb.getWorksheet('培育效果评价')!;
    expect(evaluations.rowCount).toBe(count + 1);
    const change = columnOf(evaluations, '1.1 可自主支配的孵化场地总面积（m²） 变化');
    for (let r = 2; r <= count + 1; r++) {
      expect(evaluations.getCell(r, change).value).toMatchObject({ formula: `IF(AND(ISNUMBER(${evaluations.getColumn(change - 1).letter}${r}),ISNUMBER(${evaluations.getColumn(change - 2).letter}${r})),${evaluations.getColumn(change - 1).letter}${r}-${evaluations.getColumn(change - 2).letter}${r},"")` });
    }

    const pages = renderOfficeToPng(bytes, 'portfolio-30.xlsx', 'portfolio', 40);
    const pageText = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf(), '-'], { encoding: 'utf8' });
    const pdf = () => pages.pdf;
    const bySheet = new Map<string, string[]>();
    for (let n = 1; n <= pages.pageCount; n++) {
      const text = pageText(n);
      // Every page carries its sheet's name and its number in the footer.
      const footer = new RegExp(`(\\S+)\\s+第 ${n} 页 共 ${pages.pageCount} 页`).exec(text);
      expect(footer, `page ${n} has its footer`).not.toBeNull();
      bySheet.set(footer![1]!, [...(bySheet.get(footer![1]!) ?? []), text]);
    }
    const lines = (text: string) => text.split('\n').flatMap((l) => l.trim().split(/\s{2,}/));
    // The header row and the names column repeat on every printed page of a sheet longer or wider than a page.
    expect(bySheet.get('培育效果评价')!.length).toBeGreaterThan(3);
    expect(bySheet.get('认定条件结果')!.length).toBeGreaterThan(1);
    for (const [sheet, texts] of bySheet) {
      for (const text of texts) expect(lines(text), `${sheet}: a page without the header row`).toContain('孵化器');
    }
    // LibreOffice shows the changes the formulas compute: 1.1 went from 8 200 to 10 660 m² in 南宁's demo evaluation.
    expect(bySheet.get('培育效果评价')!.join('\n')).toContain('+2,460.00');
  }, 240_000);
});
