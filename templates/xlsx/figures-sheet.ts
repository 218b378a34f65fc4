// The pictures a definition draws from its data (D's charts) on a sheet of their own, one under the other, each
// with its caption, sized to print one page wide on A4 portrait.
import type ExcelJS from 'exceljs';
import type { DocumentModel } from '../../shared/forms/document-model.js';
import { cellText, FONT, printSetup } from './sheet-style.js';

/** Narrower than A4 portrait's printable width (about 680 px at the sheet's margins): LibreOffice clips wider pictures. */
const PRINT_WIDTH_PX = 600;
const ROW_PX = 20;

export function addFiguresSheet(wb: ExcelJS.Workbook, model: DocumentModel): void {
  const figures = (model.def.figures ?? []).filter((f) => model.images[f.image]);
  if (figures.length === 0) return;
  const sheet = wb.addWorksheet('图表');
  sheet.columns = [{ width: 88 }];
  let row = 1;
  for (const f of figures) {
    const image = model.images[f.image]!;
    const caption = sheet.getCell(row, 1);
    caption.value = cellText(f.caption);
    caption.font = { ...FONT, bold: true };
    row++;
    const scale = Math.min(1, PRINT_WIDTH_PX / image.widthPx);
    const height = image.heightPx * scale;
    const id = wb.addImage({ base64: `data:image/png;base64,${Buffer.from(image.png).toString('base64')}`, extension: 'png' });
    sheet.addImage(id, { tl: { col: 0, row: row - 1 }, ext: { width: image.widthPx * scale, height } });
    const rows = Math.ceil(height / ROW_PX) + 1;
    for (let r = row; r < row + rows; r++) sheet.getRow(r).height = (ROW_PX * 72) / 96;
    row += rows;
    // Each picture starts a printed page.
    if (f !== figures.at(-1)) sheet.getRow(row).addPageBreak();
    row++;
  }
  printSetup(sheet, '', model.draftMark, model.footerNote);
  // No title rows to repeat, and the pictures start at the left margin (centring a picture sheet clips it in LibreOffice).
  sheet.pageSetup.printTitlesRow = undefined;
  sheet.pageSetup.horizontalCentered = false;
}
