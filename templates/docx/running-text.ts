// Running text with blanks (a contract's clauses, a list item's text): a filled blank is underlined with a space
// either side, an empty one is an underlined space to complete by hand on the printed copy.
import { Paragraph, type TextRun } from 'docx';
import type { ClauseSegment } from '../../shared/forms/print-cells.js';
import { LINE_SPACING, run } from './page.js';

/** An empty blank: six ideographic spaces, underlined. */
export const HAND_BLANK = '\u3000'.repeat(6);

export function segmentRuns(segments: readonly ClauseSegment[]): TextRun[] {
  return segments.flatMap((s) => [
    ...(s.text ? [run(s.text)] : []),
    ...(s.blank ? [run(s.blank.value ? ` ${s.blank.value} ` : HAND_BLANK, { underline: true })] : []),
  ]);
}

export interface RunningOptions {
  /** Printed bold before the text, e.g. 「第一条」. */
  lead?: string;
  /** First-line indent of two characters, as a contract's paragraphs are set. */
  indent?: boolean;
  /** Printed before the text, not bold, e.g. an item's number 「（1）」. */
  prefix?: string;
  /** A line of a cover page: set in from the left, with room around it. */
  cover?: boolean;
}

export function runningParagraph(segments: readonly ClauseSegment[], opts: RunningOptions = {}): Paragraph {
  return new Paragraph({
    spacing: opts.cover ? { before: 200, after: 200, line: LINE_SPACING } : { before: 0, after: 60, line: LINE_SPACING },
    ...(opts.cover ? { indent: { left: 1600 } } : opts.indent ? { indent: { firstLine: 420 } } : {}),
    children: [...(opts.lead ? [run(`${opts.lead} `, { bold: true })] : []), ...(opts.prefix ? [run(opts.prefix)] : []), ...segmentRuns(segments)],
  });
}
