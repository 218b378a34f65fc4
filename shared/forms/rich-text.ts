// Rich text of a long-text field (`richText`): paragraphs and bullet lists, kept as plain text so that sync merges
// it, the revision diff compares it line by line and search finds it. A bullet is a line starting with 「• 」; the
// bullets Word, WPS and consultants type (·, ▪, ◦, -, *, Word's Symbol-font U+F0B7) are stored as 「• 」, so they
// print as one real Word list (templates/docx). Invisible characters from a paste are dropped (plan-text.ts).
import { cleanPastedText } from '../plan-terms/plan-text.js';

export const BULLET = '• ';
const BULLET_MARKS = /^[ \t\u3000]*(?:[•·▪◦●○■□◆◇\u2022\u2023\u2043\u25aa\uf0b7\uf0a7\uf076\uf0d8]|[-*](?=[ \t\u3000]))[ \t\u3000]*/;

/** A rich text as stored: pasted oddities cleaned, every bullet written 「• 」. */
export function cleanRichText(text: string): string {
  return cleanPastedText(text)
    .split('\n')
    .map((line) => (BULLET_MARKS.test(line) ? BULLET + line.replace(BULLET_MARKS, '') : line))
    .join('\n');
}

export interface RichTextBlock {
  kind: 'paragraph' | 'bullet';
  text: string;
}

/** One printed line of a rich text: a paragraph, or a bullet without its mark. */
export function richTextBlock(line: string): RichTextBlock {
  return line.startsWith(BULLET) ? { kind: 'bullet', text: line.slice(BULLET.length) } : { kind: 'paragraph', text: line };
}
