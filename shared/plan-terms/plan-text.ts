// Section texts pasted from Word or WPS carry characters that look like nothing on screen but break search, the
// revision diff and the Word export: zero-width spaces, soft hyphens, non-breaking spaces, Word's vertical-tab
// line breaks, \r\n. Cleaned on input; what the consultant sees does not change.

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

export function cleanPastedText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u000b\u000c\u2028\u2029]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
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
