import { contract, isMethodName, type MethodName } from '../shared/contract/index.js';
import type { Result, RpcError } from '../shared/rpc/result.js';
import { UNSAFE_TEXT_MESSAGE, findUnsafeText } from '../shared/validation/safe-text.js';
import { fieldError } from '../shared/validation/field-issue.js';
import type { HandlersFor } from './handler-types.js';
import { toRpcError } from './error-mapping.js';

export type Handlers = HandlersFor<typeof contract>;

export interface Router {
  /** Validates the input against the contract, runs the handler, and always answers with an envelope. */
  dispatch(method: string, rawInput: unknown): Promise<Result<unknown>>;
  methods: readonly MethodName[];
}

/**
 * Text PostgreSQL cannot store (NUL, lone surrogates) is refused here, at the contract boundary, for every method:
 * saved locally it would be refused by the sync server and stall the device's queue (docs/sync.md §Validation).
 * The issue names the form's field: the path without its `values` wrapper.
 */
function unsafeTextError(path: string): RpcError {
  const field = path.replace(/^values\./, '');
  return { kind: 'validation', message: `输入内容${UNSAFE_TEXT_MESSAGE}`, field, issues: [fieldError(field, UNSAFE_TEXT_MESSAGE)] };
}

export function createRouter(handlers: Handlers): Router {
  return {
    methods: Object.keys(handlers) as MethodName[],
    async dispatch(method, rawInput) {
      if (!isMethodName(method)) return { ok: false, error: { kind: 'bad-request', message: `未知的操作：${method}` } };
      const unsafe = findUnsafeText(rawInput);
      if (unsafe !== null) return { ok: false, error: unsafeTextError(unsafe) };
      try {
        const input = contract[method].input.parse(rawInput ?? {});
        const handler = handlers[method] as (input: unknown) => unknown;
        const value = await handler(input);
        return { ok: true, value };
      } catch (e) {
        const error = toRpcError(e);
        if (error.kind === 'internal') console.error(`[rpc ${method}]`, e);
        return { ok: false, error };
      }
    },
  };
}
