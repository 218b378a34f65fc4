import type { Input, MethodName, Output } from '../../../shared/contract/index.js';
import type { RpcError } from '../../../shared/rpc/result.js';
import { pickTransport } from './transport.js';

/** A failed call, with the envelope's typed error so a form can put it on its field. */
export class RpcFailure extends Error {
  constructor(readonly error: RpcError) {
    super(error.message);
    this.name = 'RpcFailure';
  }
}

const transport = pickTransport();
export const shell = transport.shell;

/** The one way pages reach the backend. */
export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await transport.call(method, input);
  if (!result.ok) throw new RpcFailure(result.error);
  return result.value as Output<M>;
}

export function errorMessage(e: unknown): string {
  if (e instanceof RpcFailure) return e.error.message;
  return e instanceof Error ? e.message : String(e);
}
