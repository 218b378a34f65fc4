// The look of a printed form in Excel (7.7): 宋体, thin borders, wrapped text with row heights that fit it, A4
// portrait fitted to one page wide, the title rows repeated on every page, and page numbers in the footer.
import type ExcelJS from 'exceljs';
import { xmlSafe } from '../shared/text-safety.js';

export const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10.5, charset: 134 };
export const TITLE_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 16, bold: true, charset: 134 };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Real dates shown as the standard writes them: 2025年6月15日. */
export const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
export const MONTH_FORMAT = 'yyyy"年"mm"月"';
/** Excel refuses more than 32 767 characters in a cell. */
export const MAX_CELL_TEXT = 32_000;
/** Points per printed line of 10.5 pt 宋体, and Excel's tallest row. */
const LINE_POINTS = 14.5;
const MAX_ROW_POINTS = 409;

export function cellText(v: string): string {
  const safe = xmlSafe(v);
  return safe.length > MAX_CELL_TEXT ? `${safe.slice(0, MAX_CELL_TEXT)}…（超出 Excel 单元格上限，全文见 Word 文档）` : safe;
}

/** Display width of a text in Excel column units: a CJK character is two, other characters one. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return w;
}

/** Printed lines of a text in a cell `width` column units wide. */
export function linesIn(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(width - 1, 1))), 0);
}

/** Sets a row's height so every wrapped cell of it shows all its lines (Excel does not do it for files it opens). */
export function fitRowHeight(row: ExcelJS.Row, lines: number): void {
  row.height = Math.min(MAX_ROW_POINTS, Math.max(1, lines) * LINE_POINTS + 4);
}

export function printSetup(sheet: ExcelJS.Worksheet, titleRows: string, draftMark: string | null, footerNote: string | null): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: titleRows,
    margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
  };
  const draft = draftMark ? `&C&"宋体,Bold"&KC00000${draftMark.replace(/&/g, '&&')}` : '';
  sheet.headerFooter = {
    oddHeader: draft,
    oddFooter: `&C&"宋体,Regular"${footerNote ? `${footerNote.replace(/&/g, '&&')}    ` : ''}第 &P 页 共 &N 页`,
  };
}
