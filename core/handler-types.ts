import type { ContractShape, MethodOutput, MethodParsedInput } from '../shared/rpc/define-contract.js';

/** The handlers of one domain contract: one function per method, typed by that method's schemas. */
export type HandlersFor<C extends ContractShape> = {
  [M in keyof C]: (input: MethodParsedInput<C, M>) => MethodOutput<C, M> | Promise<MethodOutput<C, M>>;
};
