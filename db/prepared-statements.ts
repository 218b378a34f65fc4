// Statements a hot path runs again and again (a pull's row writes, a push's batch reads), prepared once per
// connection and SQL text: drizzle prepares a fresh statement for every query, which cost more than SQLite's work
// on those paths (docs/sync.md §Throughput). Only for raw statements the caller owns: nothing else changes their
// mode (raw, pluck), so a reused statement behaves like a new one.
import type { Statement } from 'better-sqlite3';
import type { SqliteHandle } from './database.js';

const statements = new WeakMap<SqliteHandle, Map<string, Statement>>();

export function preparedStatement<Params extends unknown[] = unknown[], Row = unknown>(sqlite: SqliteHandle, text: string): Statement<Params, Row> {
  let byText = statements.get(sqlite);
  if (!byText) statements.set(sqlite, (byText = new Map()));
  let st = byText.get(text);
  if (!st) byText.set(text, (st = sqlite.prepare(text)));
  return st as unknown as Statement<Params, Row>;
}
