// The portfolio workbook (shared/forms/portfolio.ts): one table per sheet, the header row frozen and filtered,
// numbers as numbers with their formats, changes as formulas with the app's results cached, A4 landscape with page
// numbers and the header row repeated on every printed page.
// Written with exceljs' streaming writer: each row is turned into XML and zipped as it is added, so a portfolio of
// 1 000 incubators never exists as a whole workbook in memory (docs/evaluation.md, the portfolio's figures).
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Portfolio, PortfolioSheet } from '../../shared/forms/portfolio.js';
import { CalcOnLoadWorkbookWriter } from './calc-on-load-writer.js';
import { BORDER, cellText, fitRowHeight, FONT, linesIn } from './sheet-style.js';

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

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { ...FONT, bold: true },
  alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
  border: BORDER,
};

/**
 * Column width units an A4 landscape page holds at 100 % between 0.5" margins (measured in the LibreOffice render).
 * A sheet up to about 1.6 pages wide is shrunk to one page wide (its text stays ≥ 60 %, readable); a wider one —
 * the evaluations' 90 columns, the diagnoses' 40 — would print at 10–25 %, so it runs over several pages across at
 * 85 % with the incubator's name (column A) repeated on each.
 */
const PAGE_WIDTH_UNITS = 135;
function fitsOnePageWide(table: PortfolioSheet): boolean {
  return table.columns.reduce((w, c) => w + c.width, 0) <= PAGE_WIDTH_UNITS / 0.6;
}

function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, table: PortfolioSheet): void {
  const lastColumn = columnLetter(table.columns.length - 1);
  const sheet = wb.addWorksheet(table.name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1, showGridLines: true }],
    // The streaming writer takes the page setup when the sheet is made (it writes it when the sheet is committed);
    // printTitlesRow becomes the sheet's _xlnm.Print_Titles name in workbook.xml.
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      ...(fitsOnePageWide(table) ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: 85, printTitlesColumn: 'A:A' }),
      printTitlesRow: '1:1',
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C&"宋体,Regular"${table.name.replace(/&/g, '&&')}  第 &P 页 共 &N 页` },
  });
  // One style object per column, shared by every cell of it: exceljs files a style once per object (a WeakMap),
  // so a copy per cell would be filed 100 000 times.
  const styles: Partial<ExcelJS.Style>[] = table.columns.map((c) => ({
    font: FONT,
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
    // Top-aligned: a row grown for a wrapped text reads from its first line across.
    alignment: c.wrap ? { wrapText: true, vertical: 'top' } : { vertical: 'top' },
  }));
  const wrapped = table.columns.flatMap((c, i) => (c.wrap ? [i] : []));
  sheet.columns = table.columns.map((c, i) => ({ width: c.width, style: styles[i]! }));
  const header = sheet.addRow(table.columns.map((c) => c.header));
  // Excel does not grow a row for wrapped text in a file it opens: the header is as tall as its longest label.
  fitRowHeight(header, Math.max(...table.columns.map((c) => linesIn(c.header, c.width))));
  header.eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  header.commit();
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
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.style = styles[column - 1]!;
    });
    const lines = Math.max(1, ...wrapped.map((i) => (typeof cells[i] === 'string' ? linesIn(cells[i], table.columns[i]!.width) : 1)));
    if (lines > 1) fitRowHeight(row, lines);
    row.commit();
  });
  sheet.autoFilter = `A1:${lastColumn}${Math.max(1, table.rows.length + 1)}`;
  sheet.commit();
}

export async function renderPortfolio(portfolio: Portfolio): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const wb = new CalcOnLoadWorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '孵化器培育服务工作台';
  wb.title = portfolio.title;
  for (const sheet of portfolio.sheets) writeSheet(wb, sheet);
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
