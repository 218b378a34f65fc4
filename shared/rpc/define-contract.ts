import type { z } from 'zod';

/** A method of the contract: its input and output schemas. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export type ContractShape = Record<string, MethodSpec>;

/** Identity with a type check: each domain file lists its methods through it. */
export function defineContract<const T extends ContractShape>(methods: T): T {
  return methods;
}

export type MethodInput<C extends ContractShape, M extends keyof C> = z.input<C[M]['input']>;
export type MethodParsedInput<C extends ContractShape, M extends keyof C> = z.output<C[M]['input']>;
export type MethodOutput<C extends ContractShape, M extends keyof C> = z.output<C[M]['output']>;
