// 表A.1 科技企业孵化器培育诊断意见表 as a Word document: A4 portrait, 宋体 body, 黑体 title, every table and cell
// sized in DXA (percent and auto widths break in LibreOffice and WPS). Rows follow the definition's layout.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { DiagnosisDocumentModel } from '../../shared/domain/diagnosis.js';
import { diagnosisDefinition } from '../../shared/forms/appendix-a/diagnosis-definition.js';
import type { LayoutRow } from '../../shared/forms/document-definition.js';
import { formatChineseDate } from '../../shared/validation/dates.js';
import { compositeLines, type PrintContext, printLabel, printValue, rowLabel } from '../shared/document-cells.js';
import { safeLines, xmlSafe } from '../shared/text-safety.js';

/** A4 in twips; 2 cm side margins leave 9 638 twips for the table. */
export const A4 = { width: 11906, height: 16838 } as const;
const MARGIN = { top: 1247, bottom: 1247, left: 1134, right: 1134 } as const;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const COLUMNS = [2410, 2409, 2410, 2409] as const;
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' };
const TITLE_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: 'SimHei', cs: 'SimHei' };
const BODY_SIZE = 21; // 五号 10.5 pt, in half-points
const CELL_MARGIN = { top: 57, bottom: 57, left: 85, right: 85 };

function run(text: string, opts: { bold?: boolean; size?: number; font?: typeof BODY_FONT } = {}): TextRun {
  return new TextRun({ text: xmlSafe(text), font: opts.font ?? BODY_FONT, size: opts.size ?? BODY_SIZE, bold: opts.bold ?? false });
}

function paragraphs(text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT): Paragraph[] {
  return safeLines(text).map((line) => new Paragraph({ alignment: align, spacing: { before: 0, after: 0, line: 300 }, children: [run(line)] }));
}

function span(from: number, count: number): number {
  return COLUMNS.slice(from, from + count).reduce((s, w) => s + w, 0);
}

function cell(text: string | string[], from: number, columns: number, opts: { label?: boolean; rowSpan?: number } = {}): TableCell {
  const lines = Array.isArray(text) ? text : [text];
  return new TableCell({
    width: { size: span(from, columns), type: WidthType.DXA },
    columnSpan: columns > 1 ? columns : undefined,
    rowSpan: opts.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    margins: CELL_MARGIN,
    children: lines.flatMap((l) => paragraphs(l, opts.label ? AlignmentType.CENTER : AlignmentType.LEFT)),
  });
}

function tableRows(ctx: PrintContext, row: LayoutRow, isHeader = false): TableRow[] {
  const make = (cells: TableCell[]) => new TableRow({ children: cells, tableHeader: isHeader, cantSplit: false });
  switch (row.kind) {
    case 'pair': {
      const [a, b] = row.items;
      if (!b) {
        const labelCols = row.wide ? 2 : 1;
        return [make([cell(printLabel(ctx, a), 0, labelCols, { label: true }), cell(printValue(ctx, a), labelCols, 4 - labelCols)])];
      }
      return [
        make([
          cell(printLabel(ctx, a), 0, 1, { label: true }),
          cell(printValue(ctx, a), 1, 1),
          cell(printLabel(ctx, b), 2, 1, { label: true }),
          cell(printValue(ctx, b), 3, 1),
        ]),
      ];
    }
    case 'of-which':
      return row.items.map((item, i) =>
        make([
          ...(i === 0 ? [cell(row.caption, 0, 1, { label: true, rowSpan: row.items.length })] : []),
          cell(printLabel(ctx, item), 1, 1, { label: true }),
          cell(printValue(ctx, item), 2, 2),
        ]),
      );
    default: {
      // Free-text rows get room to write in by hand when printed blank; 「诊断总结」 the most.
      const minHeight = row.kind === 'text' ? (row.key === 'summary' ? 1417 : 680) : 0;
      return [
        new TableRow({
          children: [cell(rowLabel(ctx, row), 0, 1, { label: true }), cell(compositeLines(ctx, row), 1, 3)],
          tableHeader: isHeader,
          cantSplit: false,
          ...(minHeight ? { height: { value: minHeight, rule: HeightRule.ATLEAST } } : {}),
        }),
      ];
    }
  }
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

function signatureBlock(model: DiagnosisDocumentModel): Table {
  const date = model.meta.diagnosedOn ? formatChineseDate(model.meta.diagnosedOn) : '      年    月    日';
  const half = CONTENT_WIDTH / 2;
  const column = (lines: string[]) =>
    new TableCell({
      width: { size: half, type: WidthType.DXA },
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
      children: lines.map((l) => new Paragraph({ keepNext: true, spacing: { before: 80, after: 80 }, children: [run(l)] })),
    });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, half],
    layout: TableLayoutType.FIXED,
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          column([
            `诊断服务机构：${model.agencyName}`,
            '（盖章）',
            `诊断人员（签字）：${model.meta.consultants}`,
            `日期：${date}`,
          ]),
          column(['孵化器意见：已知悉上述诊断意见。', '（盖章）', '孵化器负责人（签字）：', '日期：      年    月    日']),
        ],
      }),
    ],
  });
}

/** Builds the Word document of one diagnosis. */
export function buildDiagnosisDocx(model: DiagnosisDocumentModel): Document {
  const def = diagnosisDefinition;
  const ctx: PrintContext = { def, header: model.header, check: model.check };
  const rows: TableRow[] = [];
  def.headerRows.forEach((r, i) => rows.push(...tableRows(ctx, r, i === 0)));
  for (const section of def.sections) for (const r of section.rows) rows.push(...tableRows(ctx, r));

  const table = new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [...COLUMNS],
    layout: TableLayoutType.FIXED,
    rows,
  });

  const children = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(def.title, { font: TITLE_FONT, size: 36 })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [run(`${def.tableNumber} ${def.title}${model.meta.status === 'draft' ? '（草稿）' : ''}`, { size: 18 })],
    }),
    table,
    ...def.footnotes.map((n) => new Paragraph({ keepNext: true, spacing: { before: 80, after: 240 }, children: [run(n, { size: 18 })] })),
    signatureBlock(model),
  ];

  return new Document({
    creator: model.agencyName || '孵化器培育服务工作台',
    title: def.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height }, margin: MARGIN } },
        children,
      },
    ],
  });
}

export async function renderDiagnosisDocx(model: DiagnosisDocumentModel): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(buildDiagnosisDocx(model));
  return new Uint8Array(buffer);
}
