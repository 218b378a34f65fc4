// The portfolio workbook (shared/forms/portfolio.ts): one table per sheet, the header row frozen and filtered,
// numbers as numbers with their formats, changes as formulas with the app's results cached, A4 landscape with page
// numbers and the header row repeated on every printed page.
import ExcelJS from 'exceljs';
import type { Portfolio, PortfolioSheet } from '../../shared/forms/portfolio.js';
import { BORDER, cellText, FONT } from './sheet-style.js';

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function addSheet(wb: ExcelJS.Workbook, table: PortfolioSheet): void {
  const sheet = wb.addWorksheet(table.name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1, showGridLines: true }] });
  const styles: Partial<ExcelJS.Style>[] = table.columns.map((c) => (c.numFmt ? { numFmt: c.numFmt, font: FONT } : { font: FONT }));
  sheet.columns = table.columns.map((c, i) => ({ width: c.width, style: styles[i]! }));
  const header = sheet.getRow(1);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...FONT, bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = BORDER;
  });
  header.height = 45;
  table.rows.forEach((cells, r) => {
    const rowNumber = r + 2;
    const row = sheet.addRow(
      cells.map((v) => {
        if (v === null || typeof v === 'number') return v;
        if (typeof v === 'string') return cellText(v);
        const [b, a] = v.diff.map((i) => `${columnLetter(i)}${rowNumber}`);
        return { formula: `IF(AND(ISNUMBER(${a}),ISNUMBER(${b})),${a}-${b},"")`, result: v.result ?? '' };
      }),
    );
    // Each cell would get its own copy of its column's style, and exceljs then files every copy on writing (most of
    // a 1 000-incubator portfolio's time): the column's one style object is shared instead, filed once.
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.style = styles[column - 1]!;
    });
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length } };
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: `&C&"宋体,Regular"${table.name.replace(/&/g, '&&')}  第 &P 页 共 &N 页` };
}

export function buildPortfolioWorkbook(portfolio: Portfolio): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '孵化器培育服务工作台';
  wb.title = portfolio.title;
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of portfolio.sheets) addSheet(wb, sheet);
  return wb;
}

export async function renderPortfolio(portfolio: Portfolio): Promise<Uint8Array> {
  return new Uint8Array(await buildPortfolioWorkbook(portfolio).xlsx.writeBuffer());
}
