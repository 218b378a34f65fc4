// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the types of an exceljs internal, for every tsconfig that reaches this file (the web one does, through tests/support)
/// <reference path="./exceljs-workbook-xform.d.ts" />
// exceljs' streaming workbook writer, with the one thing of the in-memory writer it drops that our files need:
// `fullCalcOnLoad` in workbook.xml, so Excel and LibreOffice compute the formulas (the changes) when the file is
// opened, not only show the results the app cached. Its addWorkbook writes `calcProperties: {}` unconditionally; this
// is the same method with the flag (exceljs 4.4 lib/stream/xlsx/workbook-writer.js).
import ExcelJS from 'exceljs';
import WorkbookXform from 'exceljs/lib/xlsx/xform/book/workbook-xform.js';

/** The internals of exceljs' WorkbookWriter that addWorkbook reads (untyped in its published types). */
interface WriterInternals {
  zip: { append(data: string, options: { name: string }): void };
  _worksheets: unknown[];
  _definedNames: { model: unknown[] };
  views: unknown[];
}

export class CalcOnLoadWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  override addWorkbook(): Promise<void> {
    const self = this as unknown as WriterInternals;
    const model = {
      worksheets: self._worksheets.filter(Boolean),
      definedNames: self._definedNames.model,
      views: self.views,
      properties: {},
      calcProperties: { fullCalcOnLoad: true },
    };
    const xform = new WorkbookXform();
    xform.prepare(model);
    self.zip.append(xform.toXml(model), { name: '/xl/workbook.xml' });
    return Promise.resolve();
  }
}
