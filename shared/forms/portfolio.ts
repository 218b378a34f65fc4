// The portfolio workbook for the agency's yearly report (issue 11.5): plain tables, one per sheet, built by
// core/services/portfolio-service.ts from every incubator's latest documents and written by
// templates/xlsx/portfolio-workbook.ts with frozen headers, filters and number formats.

export type PortfolioCell =
  | string
  | number
  | null
  /** after − before of two columns of the same row (indexes into the columns), as a formula with its result. */
  | { diff: readonly [before: number, after: number]; result: number | null };

export interface PortfolioColumn {
  header: string;
  /** Excel column width (a CJK character is two). */
  width: number;
  /** Excel number format of the column's numbers, e.g. '#,##0.00', '0.0%'. */
  numFmt?: string;
  /** Long text wrapped in the cell, the row as tall as it needs (otherwise a text runs over its neighbours). */
  wrap?: boolean;
}

export interface PortfolioSheet {
  name: string;
  columns: readonly PortfolioColumn[];
  rows: readonly (readonly PortfolioCell[])[];
}

export interface Portfolio {
  title: string;
  sheets: readonly PortfolioSheet[];
}
