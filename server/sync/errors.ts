import type { ServerErrorKind } from '../../shared/sync/protocol.js';

const STATUS: Record<ServerErrorKind, number> = {
  unauthorized: 401,
  forbidden: 403,
  'bad-request': 400,
  'seq-gap': 409,
  'client-reused': 409,
  busy: 503,
  'schema-too-old': 409,
  'schema-too-new': 409,
  'clock-drift': 409,
  'hash-mismatch': 422,
  'offset-mismatch': 409,
  'not-found': 404,
  'rate-limited': 429,
  'too-large': 413,
  internal: 500,
};

/** An error answered to the client as `{error: {kind, message, …}}` with the kind's HTTP status. */
export class SyncServerError extends Error {
  constructor(
    readonly kind: ServerErrorKind,
    message: string,
    readonly extra: { expectedSeq?: number; offset?: number } = {},
  ) {
    super(message);
    this.name = 'SyncServerError';
  }

  get status(): number {
    return STATUS[this.kind];
  }

  body() {
    return { error: { kind: this.kind, message: this.message, ...this.extra } };
  }
}
