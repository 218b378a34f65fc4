// What the server may write to its logs (docs/sync.md §Logs): never a field value, a password, a hash or a token.
// A failed query's error from drizzle carries the statement's parameters (pushed values, a password hash on a
// duplicate login), and PostgreSQL's `detail` quotes the offending value: neither is logged or shown.

/** Paths pino replaces in every log line, whatever the code logging them meant to include. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'password',
  '*.password',
  'passwordHash',
  '*.passwordHash',
  'password_hash',
  '*.password_hash',
  'token',
  '*.token',
  'value',
  '*.value',
  'fields',
  '*.fields',
];

interface PgLikeError {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
}

/** Text up to the first quoted value: PostgreSQL's messages name the value after a colon or in quotes. */
function withoutValues(message: string): string {
  return message.replace(/:\s*".*$/s, '').replace(/".*?"/g, '"…"').split('\n')[0]!.slice(0, 200);
}

/** An error as it may be logged or printed: its kind and the database's code and names, no values. */
export function safeError(e: unknown): { name: string; message: string; code?: string; constraint?: string; table?: string; column?: string } {
  const err = e instanceof Error ? e : new Error(String(e));
  // drizzle wraps the driver's error: its own message is "Failed query: <sql> params: <values>".
  const cause = (err.cause instanceof Error ? err.cause : err) as Error & PgLikeError;
  const pg: PgLikeError = cause;
  return {
    name: err.name,
    message: withoutValues(cause.message),
    ...(pg.code ? { code: pg.code } : {}),
    ...(pg.constraint ? { constraint: pg.constraint } : {}),
    ...(pg.table ? { table: pg.table } : {}),
    ...(pg.column ? { column: pg.column } : {}),
  };
}
