// Every row kind as running paragraphs, for sections printed as text rather than as a table (the contract's
// articles and cover, Appendix B): blanks filled in running text, an empty blank an underlined space to complete by
// hand, 「第X条」 bold. Exhaustive like the table layout.
import { AlignmentType, Paragraph } from 'docx';
import { assertNever } from '../../shared/forms/field-definition.js';
import type { DocumentModel } from '../../shared/forms/document-model.js';
import type { LayoutRow } from '../../shared/forms/layout.js';
import { BLANK, clauseSegments, compareCells, compositeLines, itemNumber, itemSegments, listTotalText, printLabel, printValue, rowLabel } from '../../shared/forms/print-cells.js';
import { findField } from '../../shared/forms/document-definition.js';
import { safeLines } from '../shared/text-safety.js';
import { CONTENT_WIDTH, LINE_SPACING, richParagraph, run } from './page.js';
import { imageParagraph } from './table-rows.js';
import { HAND_BLANK, runningParagraph } from './running-text.js';

const line = (text: string, opts: { indent?: boolean } = {}) =>
  new Paragraph({
    spacing: { before: 0, after: 60, line: LINE_SPACING },
    ...(opts.indent ? { indent: { firstLine: 420 } } : {}),
    children: [run(text)],
  });

/** A line left to write on by hand: underlined across the text width. */
const handLine = () => new Paragraph({ spacing: { before: 0, after: 60, line: LINE_SPACING }, indent: { firstLine: 420 }, children: [run(HAND_BLANK.repeat(6), { underline: true })] });

function textParagraphs(model: DocumentModel, row: Extract<LayoutRow, { kind: 'text' }>): Paragraph[] {
  const f = findField(model.def, row.key);
  const label = f?.printedLabel ?? rowLabel(model, row);
  const lines = compositeLines(model, row).flatMap((l) => safeLines(l));
  if (lines.every((l) => l.trim() === '')) {
    return [runningParagraph([{ text: `${label}：`, blank: { key: row.key, value: '' } }], { indent: true }), ...Array.from({ length: Math.max((row.lines ?? 2) - 1, 0) }, handLine)];
  }
  // A rich text (the plan's sections: paragraphs and bullet lists) keeps its lists as Word lists.
  return [line(`${label}：`, { indent: true }), ...lines.map((l) => (f?.richText ? richParagraph(l) : line(l, { indent: true })))];
}

function listParagraphs(model: DocumentModel, row: Extract<LayoutRow, { kind: 'list' }>): Paragraph[] {
  const list = model.def.lists.find((l) => l.key === row.list);
  if (!list) return [];
  const items = model.check.lists[list.key] ?? [];
  const label = list.printedLabel ?? list.label;
  return [
    ...(label ? [line(`${label}：`, { indent: true })] : []),
    ...items.map((item, n) => runningParagraph(itemSegments(model, list, item), { indent: true, prefix: itemNumber(list, n, item) })),
    ...Array.from({ length: items.length === 0 ? (list.blankItems ?? 1) : 0 }, (_, n) =>
      runningParagraph([{ text: '', blank: { key: list.key, value: '' } }, { text: '。' }], { indent: true, prefix: itemNumber(list, n) }),
    ),
    ...(list.total ? [line(`${list.total.label}：${listTotalText(model, list) || HAND_BLANK}`, { indent: true })] : []),
  ];
}

/** `cover`: the row is a line of the cover page (only pair and clause rows make sense there). */
export function flowParagraphsOf(model: DocumentModel, row: LayoutRow, place: { cover?: boolean } = {}): Paragraph[] {
  const where = place.cover ? { cover: true } : { indent: true };
  switch (row.kind) {
    case 'pair':
    case 'of-which':
      return row.items.map((i) => runningParagraph([{ text: `${printLabel(model, i)}：`, blank: { key: i.key, value: printValue(model, i) } }], where));
    case 'text':
      return textParagraphs(model, row);
    case 'choice-of-two':
    case 'sentence':
    case 'yesno-detail':
      return [line(`${rowLabel(model, row)}：`, { indent: true }), ...compositeLines(model, row).map((l) => line(l, { indent: true }))];
    case 'heading':
      return [
        new Paragraph({
          alignment: AlignmentType.LEFT,
          keepNext: true,
          spacing: { before: 120, after: 60, line: LINE_SPACING },
          indent: { firstLine: 420 },
          // A lead (「第一条」, bold) makes the heading running text; an empty lead, a plain line of the reference text.
          children: row.lead === undefined ? [run(row.text, { bold: true })] : [...(row.lead ? [run(`${row.lead} `, { bold: true })] : []), run(row.text)],
        }),
      ];
    case 'list':
      return listParagraphs(model, row);
    case 'clause':
      return [runningParagraph(clauseSegments(model, row.text), { ...where, ...(row.label ? { lead: row.label } : {}) })];
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
