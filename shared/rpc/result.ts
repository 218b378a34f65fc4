import type { FieldIssue } from '../validation/field-issue.js';

/** Error kinds that cross the IPC/HTTP boundary. Messages are Chinese and say what to do. */
export const ERROR_KINDS = [
  'validation', // input broke a rule; `issues` says which fields
  'needs-confirmation', // warnings the user has to confirm before the save goes through
  'not-found',
  'conflict',
  'locked',
  'storage', // the disk or the database refused (full disk, read-only, corrupt)
  'unavailable', // the database is not open (recovery mode)
  'unauthorized',
  'bad-request',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** A record an error is about, so the UI can link to it (e.g. the incubator that already has this code). */
export interface RelatedRecord {
  entity: string;
  id: string;
  /** What a person calls it, e.g. the incubator's name. */
  label: string;
  /** It is in the bin (deleted, still restorable). */
  deleted: boolean;
}

export interface RpcError {
  kind: ErrorKind;
  message: string;
  field?: string;
  issues?: FieldIssue[];
  related?: RelatedRecord;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure(error: RpcError): Result<never> {
  return { ok: false, error };
}

/** Thrown by services; turned into a failure envelope by the router. */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly extra: { field?: string; issues?: FieldIssue[]; related?: RelatedRecord } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toRpcError(): RpcError {
    return { kind: this.kind, message: this.message, ...this.extra };
  }
}
