import { contract, isMethodName, type MethodName } from '../shared/contract/index.js';
import type { Result } from '../shared/rpc/result.js';
import type { HandlersFor } from './handler-types.js';
import { toRpcError } from './error-mapping.js';

export type Handlers = HandlersFor<typeof contract>;

export interface Router {
  /** Validates the input against the contract, runs the handler, and always answers with an envelope. */
  dispatch(method: string, rawInput: unknown): Promise<Result<unknown>>;
  methods: readonly MethodName[];
}

export function createRouter(handlers: Handlers): Router {
  return {
    methods: Object.keys(handlers) as MethodName[],
    async dispatch(method, rawInput) {
      if (!isMethodName(method)) return { ok: false, error: { kind: 'bad-request', message: `未知的操作：${method}` } };
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
