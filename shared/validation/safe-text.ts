// Text that cannot be stored: a NUL character (PostgreSQL's text and jsonb refuse it) or a lone UTF-16 surrogate
// (not a character at all; jsonb refuses it, and a printed document would show garbage). Refused where input
// enters — the app's contract boundary and the sync server, per op — with a message saying what to do.

/**
 * A NUL, or a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. Without the
 * `u` flag the pattern sees UTF-16 code units, which is what a lone surrogate is.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this finds
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE = '含有无法保存的字符（空字符或不完整的特殊字符，常见于从其他软件复制的内容）：请删除后重新输入。';

export function isUnsafeText(s: string): boolean {
  return UNSAFE_TEXT.test(s);
}

/**
 * The path of the first string (or object key) in a value that holds unsafe text, e.g. `values.name`; null when
 * there is none. Walks arrays and plain objects.
 */
export function findUnsafeText(value: unknown, path: readonly (string | number)[] = []): string | null {
  if (typeof value === 'string') return isUnsafeText(value) ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, i]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (isUnsafeText(k)) return [...path, k].join('.');
      const found = findUnsafeText(v, [...path, k]);
      if (found !== null) return found;
    }
  }
  return null;
}

/** The text with unsafe characters replaced by U+FFFD, for storing a refused op's identity (never its value). */
export function replaceUnsafeText(s: string): string {
  return s.replace(new RegExp(UNSAFE_TEXT.source, 'g'), '\uFFFD');
}
