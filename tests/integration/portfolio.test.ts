// The portfolio workbook with the demo data, read back sheet by sheet: latest diagnosis figures, evaluations
// before/after/change (formulas), eligibility results; frozen header rows, filters, number formats; a sheet per
// further registered document kind; the command line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { registerExportCommand } from '../../core/cli/export-command.js';
import { DOCUMENT_KINDS, definitionOf } from '../../shared/forms/registry.js';

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
    const further = DOCUMENT_KINDS.filter((k) => k !== 'diagnosis' && k !== 'evaluation').map((k) => definitionOf(k).shortName);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['最新诊断数据', '培育效果评价', '认定条件结果', ...further]);
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
});
