// Every row kind of the layout vocabulary as rows of the Word table. The switch is exhaustive: a new row kind
// fails the typecheck here until it has a Word layout (docs/documents.md §Row kinds).
import { AlignmentType, ImageRun, Paragraph, ShadingType } from 'docx';
import { assertNever, type FieldDefinition } from '../../shared/forms/field-definition.js';
import { findField } from '../../shared/forms/document-definition.js';
import type { DocumentModel } from '../../shared/forms/document-model.js';
import type { LayoutRow, ValueRef } from '../../shared/forms/layout.js';
import {
  clauseSegments,
  compareCells,
  compositeLines,
  itemCells,
  itemNumber,
  listTotalText,
  printedListFields,
  printLabel,
  printValue,
  rowLabel,
} from '../../shared/forms/print-cells.js';
import { snapshotField, snapshotOf } from '../../shared/forms/snapshot-fields.js';
import { safeLines } from '../shared/text-safety.js';
import type { GridCell, GridRow } from './grid-table.js';
import { noWrapWidth, pairWidths, QUARTER } from './cell-widths.js';
import { CELL_MARGIN, CONTENT_WIDTH, paragraphs, richParagraph, run, textWidth } from './page.js';
import { chunkText } from './text-chunks.js';
import { runningParagraph } from './running-text.js';

const LABEL_WIDTH = QUARTER[0];
const VALUE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH;
/** A compare row: the 评估科目 over half the table, 培育前 and 培育后 a quarter each. */
const COMPARE_LABEL_WIDTH = QUARTER[0] + QUARTER[1];
const INNER = (width: number) => width - CELL_MARGIN.left - CELL_MARGIN.right;
/** One handwritten line, in twips: the room a blank text row leaves per `lines`. */
const HAND_LINE = 340;

export function fieldOfRef(model: DocumentModel, r: ValueRef): FieldDefinition | undefined {
  const snapshot = snapshotOf(r.source);
  if (snapshot) return snapshotField(snapshot, r.key);
  return r.source === 'values' ? findField(model.def, r.key) : undefined;
}

const label = (text: string, width: number, extra: Partial<GridCell> = {}): GridCell => ({
  width,
  children: paragraphs(text, AlignmentType.CENTER),
  ...extra,
});
const value = (lines: string | string[], width: number, rich = false): GridCell => ({
  width,
  children: (Array.isArray(lines) ? lines : [lines]).flatMap((l) => (rich ? [richParagraph(l)] : paragraphs(l))),
  verticalAlign: 'center',
});

function pairRow(model: DocumentModel, row: Extract<LayoutRow, { kind: 'pair' }>): GridRow {
  const [a, b] = row.items;
  if (!b) {
    const labelWidth = row.wide ? QUARTER[0] + QUARTER[1] : LABEL_WIDTH;
    return { cells: [label(printLabel(model, a), labelWidth), value(printValue(model, a), CONTENT_WIDTH - labelWidth)] };
  }
  const w = pairWidths(noWrapWidth(fieldOfRef(model, a)), noWrapWidth(fieldOfRef(model, b)), printLabel(model, a), printLabel(model, b));
  return { cells: [label(printLabel(model, a), w[0]!), value(printValue(model, a), w[1]!), label(printLabel(model, b), w[2]!), value(printValue(model, b), w[3]!)] };
}

/**
 * A long text in rows of at most a third of a page; the rows after the first say 「（续）」. `full`: across the
 * whole table, the heading row above naming it.
 */
function textRows(rowLabelText: string, lines: string[], handLines: number, opts: { full?: boolean; rich?: boolean } = {}): GridRow[] {
  const width = opts.full ? CONTENT_WIDTH : VALUE_WIDTH;
  const chunks = chunkText(lines, INNER(width));
  return chunks.map((chunk, i) => ({
    cells: [
      ...(opts.full ? [] : [label(i === 0 ? rowLabelText : `${rowLabelText}（续）`, LABEL_WIDTH)]),
      { ...value(chunk, width, opts.rich), verticalAlign: 'top' as const },
    ],
    ...(i === 0 ? { minHeight: Math.max(handLines, 1) * HAND_LINE } : {}),
  }));
}

/** Column widths in proportion to `weights` (equal by default), adding up to `total`. */
function splitWidth(total: number, count: number, weights?: readonly number[]): number[] {
  const w = Array.from({ length: count }, (_, i) => weights?.[i] ?? 1);
  const sum = w.reduce((a, b) => a + b, 0);
  const widths = w.map((x) => Math.floor((total * x) / sum));
  widths[count - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** The number column: as wide as its longest number (「任务12：2025年06月前」 never wraps), at least 900. */
function numberColumnWidth(numbers: readonly string[]): number {
  // 10 % and a little more to spare: the fonts LibreOffice substitutes set CJK punctuation and digits a shade wider.
  return Math.max(900, ...numbers.map((n) => Math.ceil(textWidth(n) * 1.1) + CELL_MARGIN.left + CELL_MARGIN.right + 200));
}

function listRows(model: DocumentModel, row: Extract<LayoutRow, { kind: 'list' }>): GridRow[] {
  const list = model.def.lists.find((l) => l.key === row.list);
  if (!list) return [];
  const items = model.check.lists[list.key] ?? [];
  const fields = printedListFields(list);
  const tableWidth = row.full ? CONTENT_WIDTH : VALUE_WIDTH;
  const numbers = items.map((item, n) => itemNumber(list, n, item));
  const numberWidth = list.numbering === 'none' ? 0 : numberColumnWidth(numbers);
  const widths = splitWidth(tableWidth - numberWidth, fields.length, list.printWeights);
  const numberHeader = list.numberWith ? list.itemLabel : '序号';
  const header: GridCell[] = [...(numberWidth ? [label(numberHeader, numberWidth)] : []), ...fields.map((f, i) => label(f.label, widths[i]!))];
  const body: GridCell[][] = items.map((item, n) => [
    ...(numberWidth ? [label(numbers[n]!, numberWidth)] : []),
    ...itemCells(model, list, item).map((text, i) => value(text.split('\n'), widths[i]!, fields[i]?.richText)),
  ]);
  if (items.length === 0) body.push([value('（无）', tableWidth)]);
  if (list.total) {
    const at = fields.findIndex((f) => f.key === list.total?.field);
    const before = widths.slice(0, at).reduce((s, w) => s + w, numberWidth);
    body.push([label(list.total.label, before), value(listTotalText(model, list), widths[at]!), ...(at < widths.length - 1 ? [value('', tableWidth - before - widths[at]!)] : [])]);
  }
  if (row.full) return [{ cells: header, header: false }, ...body.map((cells) => ({ cells }))];
  const span = 1 + body.length;
  return [
    { cells: [label(list.label, LABEL_WIDTH, { rowSpan: span }), ...header] },
    ...body.map((cells) => ({ cells, coveredLeft: LABEL_WIDTH })),
  ];
}

/** A clause: its text with the blanks filled in and underlined, or left as a line to fill in by hand. */
export function clauseParagraph(model: DocumentModel, text: string): Paragraph {
  return runningParagraph(clauseSegments(model, text));
}

export function imageParagraph(model: DocumentModel, key: string, maxWidthTwips: number): Paragraph {
  const image = model.images[key];
  if (!image) return new Paragraph({ children: [run('（图表未生成）')] });
  // 15 twips per pixel at 96 dpi; the image keeps its proportions and fits the cell.
  const scale = Math.min(1, maxWidthTwips / 15 / image.widthPx);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({ type: 'png', data: image.png, transformation: { width: Math.round(image.widthPx * scale), height: Math.round(image.heightPx * scale) } })],
  });
}

/** The table rows of one layout row. */
export function tableRowsOf(model: DocumentModel, row: LayoutRow): GridRow[] {
  switch (row.kind) {
    case 'pair':
      return [pairRow(model, row)];
    case 'of-which':
      return row.items.map((item, i) => {
        const cells = [label(printLabel(model, item), QUARTER[1]), value(printValue(model, item), QUARTER[2] + QUARTER[3])];
        return i === 0 ? { cells: [label(row.caption, QUARTER[0], { rowSpan: row.items.length }), ...cells] } : { cells, coveredLeft: QUARTER[0] };
      });
    case 'text':
      return textRows(rowLabel(model, row), compositeLines(model, row).flatMap((l) => safeLines(l)), row.lines ?? 2, {
        full: row.full ?? false,
        rich: findField(model.def, row.key)?.richText ?? false,
      });
    case 'choice-of-two':
    case 'sentence':
    case 'yesno-detail':
      return [{ cells: [label(rowLabel(model, row), LABEL_WIDTH), value(compositeLines(model, row), VALUE_WIDTH)] }];
    case 'heading':
      if (row.columns) {
        // 「评估科目 | 培育前 | 培育后」: the captions of the compare rows' columns.
        const bold = (text: string, width: number): GridCell => ({ width, children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, { bold: true })] })] });
        return [{ cells: [bold(row.text, COMPARE_LABEL_WIDTH), bold(row.columns[0], QUARTER[2]), bold(row.columns[1], QUARTER[3])] }];
      }
      return [
        {
          cells: [
            {
              width: CONTENT_WIDTH,
              children: [new Paragraph({ shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' }, children: [run(row.lead ? `${row.lead} ${row.text}` : row.text, { bold: true })] })],
            },
          ],
        },
      ];
    case 'list':
      return listRows(model, row);
    case 'clause':
      return row.label
        ? [{ cells: [label(row.label, LABEL_WIDTH), { width: VALUE_WIDTH, children: [clauseParagraph(model, row.text)] }] }]
        : [{ cells: [{ width: CONTENT_WIDTH, children: [clauseParagraph(model, row.text)] }] }];
    case 'image':
      return [{ cells: [label(row.caption, LABEL_WIDTH), { width: VALUE_WIDTH, children: [imageParagraph(model, row.image, INNER(VALUE_WIDTH))] }] }];
    case 'compare': {
      const [before, after] = compareCells(model, row);
      return [{ cells: [{ width: COMPARE_LABEL_WIDTH, children: paragraphs(row.label), verticalAlign: 'center' }, value(before, QUARTER[2]), value(after, QUARTER[3])] }];
    }
    default:
      return assertNever(row);
  }
}
