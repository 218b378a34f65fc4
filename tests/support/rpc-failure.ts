import type { RpcError } from '../../shared/rpc/result.js';

/** The error envelope of a router call that must fail (a test fails when it does not). */
export async function failureOf(p: Promise<unknown>): Promise<RpcError> {
  try {
    await p;
  } catch (e) {
    return (e as { rpc: RpcError }).rpc;
  }
  throw new Error('expected the call to fail');
}
