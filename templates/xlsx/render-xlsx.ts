// renderXlsx: any document's Excel workbook from its model (which carries its definition): the form sheet laid out
// as the Word table, and for documents checked against recognition rules the 「认定条件对照」 sheet.
// docs/documents.md §Excel.
import ExcelJS from 'exceljs';
import type { DocumentModel } from '../../shared/forms/document-model.js';
import { FormSheet } from './form-sheet.js';
import { addEligibilitySheet } from './eligibility-sheet.js';
import { addFiguresSheet } from './figures-sheet.js';
import { cellText, FONT, printSetup, TITLE_FONT } from './sheet-style.js';

export function buildWorkbook(model: DocumentModel): ExcelJS.Workbook {
  const def = model.def;
  const wb = new ExcelJS.Workbook();
  wb.creator = typeof model.agency.name === 'string' && model.agency.name ? model.agency.name : '孵化器培育服务工作台';
  wb.title = def.title;
  // Formulas carry the app's results, and Excel recomputes them all on opening (an edited input updates its ratio).
  wb.calcProperties.fullCalcOnLoad = true;
  const sheet = wb.addWorksheet(def.shortName);
  const form = new FormSheet(sheet, model);
  sheet.columns = form.widths.map((width) => ({ width }));

  const title = (text: string, font: Partial<ExcelJS.Font>, height: number) => {
    const r = form.row++;
    sheet.mergeCells(r, 1, r, 4);
    const cell = sheet.getCell(r, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    sheet.getRow(r).height = height;
  };
  title(def.title, TITLE_FONT, 28);
  title(`${def.tableNumber} ${def.title}`, { ...FONT, size: 9 }, 18);

  for (const r of def.headerRows) form.layoutRow(r);
  for (const section of def.sections) for (const r of section.rows) form.layoutRow(r);
  form.resolveFormulas();
  for (const n of def.footnotes) form.note(n);
  form.row++;
  form.signatures();
  // The title rows repeat on every printed page.
  printSetup(sheet, '1:2', model.draftMark, model.footerNote);
  sheet.views = [{ state: 'normal', showGridLines: false }];
  addFiguresSheet(wb, model);
  addEligibilitySheet(wb, model);
  if (model.draftMark) wb.description = cellText(model.draftMark);
  return wb;
}

export async function renderXlsx(model: DocumentModel): Promise<Uint8Array> {
  const buffer = await buildWorkbook(model).xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
