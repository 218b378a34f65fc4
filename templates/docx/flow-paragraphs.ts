// Every row kind as running paragraphs, for sections printed as text rather than as a table (the contract's
// articles, Appendix B). Exhaustive like the table layout.
import { AlignmentType, Paragraph } from 'docx';
import { assertNever } from '../../shared/forms/field-definition.js';
import type { DocumentModel } from '../../shared/forms/document-model.js';
import type { LayoutRow } from '../../shared/forms/layout.js';
import { BLANK, compareCells, compositeLines, itemCells, itemNumber, listTotalText, printLabel, printValue, rowLabel } from '../../shared/forms/print-cells.js';
import { safeLines } from '../shared/text-safety.js';
import { CONTENT_WIDTH, LINE_SPACING, run } from './page.js';
import { clauseParagraph, imageParagraph } from './table-rows.js';

const line = (text: string, opts: { bold?: boolean; indent?: boolean } = {}) =>
  new Paragraph({
    spacing: { before: 0, after: 60, line: LINE_SPACING },
    ...(opts.indent ? { indent: { firstLine: 420 } } : {}),
    children: [run(text, { bold: opts.bold ?? false })],
  });

export function flowParagraphsOf(model: DocumentModel, row: LayoutRow): Paragraph[] {
  switch (row.kind) {
    case 'pair':
    case 'of-which':
      return row.items.map((i) => line(`${printLabel(model, i)}：${printValue(model, i) || BLANK}`));
    case 'text':
      return [line(`${rowLabel(model, row)}：`, { bold: true }), ...compositeLines(model, row).flatMap((l) => safeLines(l)).map((l) => line(l, { indent: true }))];
    case 'choice-of-two':
    case 'sentence':
    case 'yesno-detail':
      return [line(`${rowLabel(model, row)}：`), ...compositeLines(model, row).map((l) => line(l, { indent: true }))];
    case 'heading':
      return [new Paragraph({ alignment: AlignmentType.LEFT, spacing: { before: 120, after: 60 }, children: [run(row.text, { bold: true })] })];
    case 'list': {
      const list = model.def.lists.find((l) => l.key === row.list);
      if (!list) return [];
      const items = model.check.lists[list.key] ?? [];
      return [
        line(`${list.label}：`),
        ...items.map((item, n) => line(`${itemNumber(list, n)}${itemCells(model, list, item).filter(Boolean).join('，')}`, { indent: true })),
        ...(items.length === 0 ? [line(`${itemNumber(list, 0)}${BLANK}`, { indent: true })] : []),
        ...(list.total ? [line(`${list.total.label}：${listTotalText(model, list) || BLANK}`, { indent: true })] : []),
      ];
    }
    case 'clause':
      return [clauseParagraph(model, row.label ? `${row.label}：${row.text}` : row.text)];
    case 'image':
      return [imageParagraph(model, row.image, CONTENT_WIDTH), line(row.caption)];
    case 'compare': {
      const [before, after] = compareCells(model, row);
      return [line(`${row.label}：培育前 ${before || BLANK}；培育后 ${after || BLANK}`)];
    }
    default:
      return assertNever(row);
  }
}
