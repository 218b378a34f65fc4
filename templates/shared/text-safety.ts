// Text that goes into OOXML (Word and Excel). The libraries escape <, >, & and quotes; what they do not do is
// drop characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF), which would make the
// file unreadable. Everything else — emoji, quotes, `<w:t>` typed as text — is kept verbatim.

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** Lines of a multi-line text, each made XML-safe; Windows and old Mac line ends count as one. */
export function safeLines(text: string): string[] {
  return xmlSafe(text.replace(/\r\n?/g, '\n')).split('\n');
}
