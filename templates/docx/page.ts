// The page every document is printed on: A4 portrait, 宋体 body and 黑体 titles, every measure in DXA (twips):
// percent and auto widths break in LibreOffice and WPS (docs/documents.md §Word).
import { AlignmentType, Paragraph, TextRun } from 'docx';
import { safeLines, xmlSafe } from '../shared/text-safety.js';
import { richTextBlock } from '../../shared/forms/rich-text.js';

export const A4 = { width: 11906, height: 16838 } as const;
export const MARGIN = { top: 1247, bottom: 1247, left: 1134, right: 1134, header: 567, footer: 567 } as const;
/** 2 cm side margins leave 9 638 twips for the table. */
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
export const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' };
export const TITLE_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: 'SimHei', cs: 'SimHei' };
/** 五号 10.5 pt, in half-points. */
export const BODY_SIZE = 21;
export const SMALL_SIZE = 18;
/** 1.25 lines: 300 in 240ths of a line. */
export const LINE_SPACING = 300;
export const CELL_MARGIN = { top: 57, bottom: 57, left: 85, right: 85 };

export type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

export interface RunOptions {
  bold?: boolean;
  size?: number;
  font?: typeof BODY_FONT;
  color?: string;
  underline?: boolean;
}

export function run(text: string, opts: RunOptions = {}): TextRun {
  return new TextRun({
    text: xmlSafe(text),
    font: opts.font ?? BODY_FONT,
    size: opts.size ?? BODY_SIZE,
    bold: opts.bold ?? false,
    ...(opts.color ? { color: opts.color } : {}),
    ...(opts.underline ? { underline: {} } : {}),
  });
}

/** One paragraph per line of the text; Windows and old Mac line ends count as one. */
export function paragraphs(text: string, align: Align = AlignmentType.LEFT, opts: RunOptions = {}): Paragraph[] {
  return safeLines(text).map((line) => new Paragraph({ alignment: align, spacing: { before: 0, after: 0, line: LINE_SPACING }, children: [run(line, opts)] }));
}

/** One line of a rich text (shared/forms/rich-text.ts): a paragraph, or an item of a real Word bulleted list. */
export function richParagraph(line: string): Paragraph {
  const block = richTextBlock(line);
  return new Paragraph({
    spacing: { before: 0, after: 0, line: LINE_SPACING },
    ...(block.kind === 'bullet' ? { bullet: { level: 0 } } : {}),
    children: [run(block.text)],
  });
}

/**
 * The width of a text in twips at a font size (half-points). A CJK character is one em; Latin letters and digits
 * take the wider of Times New Roman and the fonts that stand in for it where it is missing (LibreOffice on Linux
 * uses DejaVu Serif, whose digits and capitals are wider): a cell sized by this never wraps in either.
 */
const LATIN_WIDTHS: Record<string, number> = { W: 1030, M: 960, I: 400, J: 480 };
export function textWidth(text: string, halfPoints = BODY_SIZE): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code > 0x2e7f) em += 1000;
    else if (LATIN_WIDTHS[ch] !== undefined) em += LATIN_WIDTHS[ch]!;
    else if (/[A-Z]/.test(ch)) em += 820;
    else if (/[0-9]/.test(ch)) em += 640;
    else if (/[a-z]/.test(ch)) em += 600;
    else em += 400;
  }
  // half-points × 10 = twips per em.
  return Math.ceil((em / 1000) * halfPoints * 10);
}
