// Section texts pasted from Word or WPS carry characters that look like nothing on screen but break search, the
// revision diff and the Word export: zero-width spaces, soft hyphens, non-breaking spaces, Word's vertical-tab
// line breaks, \r\n. Cleaned on input; what the consultant sees does not change.

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// Word's line break (vertical tab) and page break (form feed) end a line; other control characters are dropped.
const LINE_BREAK_CODES = new Set([0x0b, 0x0c, 0x2028, 0x2029]);

function replaceControlCharacters(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (LINE_BREAK_CODES.has(code)) out += '\n';
    else if ((code < 0x20 && ch !== '\n' && ch !== '\t') || code === 0x7f) continue;
    else out += ch;
  }
  return out;
}

export function cleanPastedText(text: string): string {
  return replaceControlCharacters(text.replace(/\r\n?/g, '\n'))
    .replace(INVISIBLE, '')
    .replace(/[\u00a0\u2002-\u200a\u202f\u205f]/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The lines of a section, as the diff compares them and Word prints them (a bullet is a line of its own). */
export function splitLines(text: string): string[] {
  const cleaned = cleanPastedText(text);
  return cleaned === '' ? [] : cleaned.split('\n');
}
