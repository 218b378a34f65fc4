// The page every document is printed on: A4 portrait, 宋体 body and 黑体 titles, every measure in DXA (twips):
// percent and auto widths break in LibreOffice and WPS (docs/documents.md §Word).
import { AlignmentType, Paragraph, TextRun } from 'docx';
import { safeLines, xmlSafe } from '../shared/text-safety.js';

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

/**
 * The width of a text in twips at a font size (half-points), from Times New Roman / SimSun metrics: a CJK
 * character is one em, Latin letters and digits their TNR advance. Used to size cells so a 信用代码 or a date never
 * wraps, and to cut long texts into rows that fit a page.
 */
const TNR_WIDTHS: Record<string, number> = {
  W: 944, M: 889, A: 722, D: 722, G: 722, H: 722, K: 722, N: 722, Q: 722, U: 722, X: 722, Y: 722, V: 722, O: 722,
  B: 667, C: 667, R: 667, E: 611, L: 611, T: 611, Z: 611, F: 556, P: 556, S: 556, J: 389, I: 333,
};
export function textWidth(text: string, halfPoints = BODY_SIZE): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code > 0x2e7f) em += 1000;
    else if (/[0-9]/.test(ch)) em += 500;
    else if (TNR_WIDTHS[ch] !== undefined) em += TNR_WIDTHS[ch]!;
    else if (/[a-z]/.test(ch)) em += 500;
    else em += 333;
  }
  // half-points × 10 = twips per em.
  return Math.ceil((em / 1000) * halfPoints * 10);
}
