// The 「认定条件对照」 sheet: names the incubator, the date and the rule set, prints every rule with its result
// and the consultant's verdicts, and fits A4 portrait (7.7).
import type ExcelJS from 'exceljs';
import type { DocumentModel } from '../../shared/forms/document-model.js';
import { countsLine, explainResult, RULE_STATUS_LABELS } from '../../shared/eligibility/evaluate.js';
import { BORDER, cellText, DATE_FORMAT, fitRowHeight, FONT, linesIn, printSetup, TITLE_FONT } from './sheet-style.js';

export const SHEET_ELIGIBILITY = '认定条件对照';
const COLUMNS = [
  { header: '条款', width: 10 },
  { header: '要求', width: 34 },
  { header: '应/宜', width: 7 },
  { header: '结果', width: 12 },
  { header: '当前值', width: 16 },
  { header: '差距或说明', width: 30 },
] as const;

export function addEligibilitySheet(wb: ExcelJS.Workbook, model: DocumentModel): ExcelJS.Worksheet | null {
  const e = model.eligibility;
  if (!e) return null;
  const sheet = wb.addWorksheet(SHEET_ELIGIBILITY);
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  const merged = (r: number, value: ExcelJS.CellValue, font = FONT, numFmt?: string) => {
    sheet.mergeCells(r, 1, r, COLUMNS.length);
    const cell = sheet.getCell(r, 1);
    cell.value = value;
    cell.font = font;
    if (numFmt) cell.numFmt = numFmt;
    cell.alignment = { horizontal: font === TITLE_FONT ? 'center' : 'left', vertical: 'middle', wrapText: true };
  };
  merged(1, SHEET_ELIGIBILITY, TITLE_FONT);
  sheet.getRow(1).height = 26;
  const date = model.check.normalized[model.def.dateField];
  const dateValue = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : null;
  merged(2, cellText(`孵化器：${typeof model.header.name === 'string' ? model.header.name : ''}`));
  merged(3, dateValue ?? '未填写日期', FONT, dateValue ? `"${model.def.fields.find((f) => f.key === model.def.dateField)?.label ?? '日期'}："${DATE_FORMAT}` : undefined);
  merged(4, cellText(`规则集：${e.ruleSetName}（依据：${e.source}）`));
  fitRowHeight(sheet.getRow(4), linesIn(`规则集：${e.ruleSetName}（依据：${e.source}）`, 105));
  merged(5, `汇总：${countsLine(e.counts, '，')}`);
  const head = sheet.getRow(6);
  COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...FONT, bold: true };
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  e.results.forEach((r, i) => {
    const values = [r.clause, r.title, r.strength, RULE_STATUS_LABELS[r.status], r.actual, [explainResult(r), r.note].filter(Boolean).join('。')];
    const row = sheet.getRow(7 + i);
    let lines = 1;
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = cellText(v);
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: c === 0 || c === 2 || c === 3 ? 'center' : 'left' };
      lines = Math.max(lines, linesIn(v, COLUMNS[c]!.width));
    });
    fitRowHeight(row, lines);
  });
  printSetup(sheet, '6:6', model.draftMark, model.footerNote);
  return sheet;
}
