// Cuts a long text into pieces that each fit well within a page, so a table row never has to split (7.6): the
// row continues in the next row, labelled 「…（续）」. Line counts are estimated from the font metrics of page.ts.
import { textWidth } from './page.js';

/** Lines of one row at most: about a third of a page, so a continued row leaves little empty space behind it. */
export const MAX_ROW_LINES = 18;

/** How many printed lines a paragraph takes in a cell `innerWidth` twips wide. */
export function printedLines(paragraph: string, innerWidth: number): number {
  return Math.max(1, Math.ceil(textWidth(paragraph) / innerWidth));
}

/** Cuts one paragraph where `lines` printed lines end (by character, at most `lines × innerWidth`). */
function cutParagraph(paragraph: string, innerWidth: number, lines: number): [string, string] {
  const limit = innerWidth * lines;
  let width = 0;
  let i = 0;
  const chars = [...paragraph];
  for (; i < chars.length; i++) {
    width += textWidth(chars[i]!);
    if (width > limit) break;
  }
  return [chars.slice(0, i).join(''), chars.slice(i).join('')];
}

/** The paragraphs of a text in pieces of at most `maxLines` printed lines each (at least one piece). */
export function chunkText(paragraphs: readonly string[], innerWidth: number, maxLines = MAX_ROW_LINES): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let used = 0;
  const queue = [...paragraphs];
  while (queue.length > 0) {
    const p = queue.shift()!;
    const lines = printedLines(p, innerWidth);
    if (used + lines <= maxLines) {
      current.push(p);
      used += lines;
      continue;
    }
    const room = maxLines - used;
    if (room > 0 && p.length > 0) {
      const [head, tail] = cutParagraph(p, innerWidth, room);
      if (head) current.push(head);
      queue.unshift(tail);
    } else queue.unshift(p);
    chunks.push(current);
    current = [];
    used = 0;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}
