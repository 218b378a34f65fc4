import { toRpcError } from '../../core/error-mapping.js';

/** What a call that must fail answers, as the renderer would see it (kind, Chinese message, field). */
export function failureOf(fn: () => unknown): { kind: string; message: string; field?: string } {
  try {
    fn();
  } catch (e) {
    return toRpcError(e);
  }
  throw new Error('expected the call to fail');
}
