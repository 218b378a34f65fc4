// A workbook of plain tables, one sheet each, printed like the forms (sheet-style.ts): a title row, a header row
// repeated on every printed page, wrapped text with rows tall enough, page numbers. A project's records in its
// archive are written with it (core/archive/project-archive.ts, docs/process.md §Archive).
import ExcelJS from 'exceljs';
import { BORDER, FONT, TITLE_FONT, cellText, displayWidth, fitRowHeight, linesIn, printSetup } from './sheet-style.js';

export interface TableSheet {
  /** The sheet's tab name (Excel: at most 31 characters, no []:*?/\). */
  name: string;
  title: string;
  columns: readonly { header: string; width: number }[];
  rows: readonly (readonly string[])[];
}

const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, '').slice(0, 31);

export async function renderTableWorkbook(sheets: readonly TableSheet[], footerNote: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const t of sheets) {
    const sheet = wb.addWorksheet(sheetName(t.name));
    sheet.columns = t.columns.map((c) => ({ width: c.width }));
    const last = t.columns.length;
    sheet.mergeCells(1, 1, 1, last);
    const title = sheet.getCell(1, 1);
    title.value = cellText(t.title);
    title.font = TITLE_FONT;
    title.alignment = { horizontal: 'center', vertical: 'middle' };
    sheet.getRow(1).height = 28;
    const header = sheet.getRow(2);
    t.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { ...FONT, bold: true };
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    fitRowHeight(header, Math.max(...t.columns.map((c) => linesIn(c.header, c.width))));
    t.rows.forEach((values, r) => {
      const row = sheet.getRow(r + 3);
      values.forEach((v, i) => {
        const cell = row.getCell(i + 1);
        cell.value = cellText(v);
        cell.font = FONT;
        cell.border = BORDER;
        cell.alignment = { vertical: 'top', wrapText: true, horizontal: displayWidth(v) <= 12 ? 'center' : 'left' };
      });
      fitRowHeight(row, Math.max(1, ...values.map((v, i) => linesIn(cellText(v), t.columns[i]?.width ?? 10))));
    });
    if (t.rows.length === 0) {
      sheet.mergeCells(3, 1, 3, last);
      const empty = sheet.getCell(3, 1);
      empty.value = '（无）';
      empty.font = FONT;
      empty.alignment = { horizontal: 'center' };
    }
    printSetup(sheet, '1:2', null, footerNote);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
