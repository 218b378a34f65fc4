import { expect, it } from 'vitest';
import { isUnsafeText, findUnsafeText, replaceUnsafeText } from './safe-text.js';
it('finds NUL and lone surrogates, not paired ones, and names where', () => {
  expect(isUnsafeText('abc')).toBe(false);
  expect(isUnsafeText('a\u0000b')).toBe(true);
  expect(isUnsafeText('a\uD800b')).toBe(true);
  expect(isUnsafeText('a\uDC00b')).toBe(true);
  expect(isUnsafeText('😀')).toBe(false);
  expect(isUnsafeText('\uD83D')).toBe(true);
  expect(isUnsafeText('\uDE00x')).toBe(true);
  expect(findUnsafeText({ a: [1, { b: 'x\u0000' }] })).toBe('a.1.b');
  expect(replaceUnsafeText('a\u0000\uD800😀')).toBe('a\uFFFD\uFFFD😀');
});
