// exceljs' writer of xl/workbook.xml, which its streaming writer uses (no published types for its internals).
declare module 'exceljs/lib/xlsx/xform/book/workbook-xform.js' {
  export default class WorkbookXform {
    prepare(model: Record<string, unknown>): void;
    toXml(model: Record<string, unknown>): string;
  }
}
