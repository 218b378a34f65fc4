import type { Input, MethodName, Output } from '../../../shared/contract/index.js';
import { call } from './client.js';

// The first screen's questions, asked by renderer/src/boot.ts as soon as the page's first (small) script runs,
// while React and antd are still being loaded and started; the stores then take the answers instead of asking
// again (docs/ui.md, "First screen").

const asked = new Map<string, Promise<unknown>>();

const keyOf = (method: string, input: unknown) => `${method} ${JSON.stringify(input)}`;

/** Asks now; the answer is kept for the first `callFirst` of the same method and input. */
export function askEarly<M extends MethodName>(method: M, input: Input<M>): void {
  const answer = call(method, input);
  // Whoever takes the answer handles its failure; until then it must not count as an unhandled rejection.
  answer.catch(() => undefined);
  asked.set(keyOf(method, input), answer);
}

/** The answer asked early for exactly this question (given out once), or a new call. */
export function callFirst<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const key = keyOf(method, input);
  const early = asked.get(key) as Promise<Output<M>> | undefined;
  if (!early) return call(method, input);
  asked.delete(key);
  return early;
}
