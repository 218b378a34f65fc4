// A table whose rows cut the width differently (a row with a 信用代码 widens its value cell): the grid is the
// union of every row's column boundaries, and each cell spans the grid columns between its own boundaries.
import { BorderStyle, HeightRule, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import { CELL_MARGIN, CONTENT_WIDTH } from './page.js';

export interface GridCell {
  /** Width in twips. The cells of a row add up to the table's width. */
  width: number;
  children: Paragraph[];
  /** Rows this cell spans downwards (「其中」's caption). The cells under it are left out of the next rows. */
  rowSpan?: number;
  /** Where the text sits: labels centre, values start. */
  verticalAlign?: 'center' | 'top';
}

export interface GridRow {
  cells: GridCell[];
  /** The row repeats at the top of every page (the table's header row). */
  header?: boolean;
  /** At least this tall (twips): room to write by hand when printed blank. */
  minHeight?: number;
  /**
   * Cells covered by a rowSpan from an earlier row: their width, at the row's start, is skipped. The grid builder
   * needs it to know where this row's own cells begin.
   */
  coveredLeft?: number;
}

export const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

function boundariesOf(row: GridRow): number[] {
  const out: number[] = [];
  let x = row.coveredLeft ?? 0;
  for (const c of row.cells) {
    x += c.width;
    out.push(x);
  }
  return out;
}

export function buildGridTable(rows: readonly GridRow[], opts: { width?: number; borderless?: boolean } = {}): Table {
  const width = opts.width ?? CONTENT_WIDTH;
  const cuts = new Set<number>([width]);
  for (const r of rows) {
    if (r.coveredLeft) cuts.add(r.coveredLeft);
    for (const b of boundariesOf(r)) if (b > 0 && b < width) cuts.add(b);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const grid = sorted.map((b, i) => b - (i === 0 ? 0 : sorted[i - 1]!));
  const gridIndex = (x: number) => sorted.indexOf(x);
  const none = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: grid,
    layout: TableLayoutType.FIXED,
    ...(opts.borderless ? { borders: { ...none, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER } } : {}),
    rows: rows.map((r) => {
      let left = r.coveredLeft ?? 0;
      const cells = r.cells.map((c) => {
        const from = left === 0 ? 0 : gridIndex(left) + 1;
        left += c.width;
        const span = gridIndex(left) + 1 - from;
        return new TableCell({
          width: { size: c.width, type: WidthType.DXA },
          columnSpan: span > 1 ? span : undefined,
          rowSpan: c.rowSpan,
          verticalAlign: c.verticalAlign === 'top' ? VerticalAlign.TOP : VerticalAlign.CENTER,
          margins: CELL_MARGIN,
          ...(opts.borderless ? { borders: none } : {}),
          children: c.children.length > 0 ? c.children : [new Paragraph('')],
        });
      });
      // Rows never split across pages: a long text was already cut into rows that fit (7.6).
      return new TableRow({
        children: cells,
        tableHeader: r.header ?? false,
        cantSplit: true,
        ...(r.minHeight ? { height: { value: r.minHeight, rule: HeightRule.ATLEAST } } : {}),
      });
    }),
  });
}
