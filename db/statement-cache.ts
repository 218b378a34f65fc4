// Drizzle's better-sqlite3 session prepares a fresh SQLite statement for every query it runs. On the hot paths
// (the meta store read on every change, the outbox, a sync's many small reads) SQLite's prepare cost more than the
// query itself: a profile of the sync convergence test put 18 % of its time in `prepare`. The session is given a
// view of the connection whose prepare() reuses statements by SQL text (docs/architecture.md §Database access).
import type { Statement } from 'better-sqlite3';
import type { Database as SqliteHandle } from 'better-sqlite3';

/** Distinct SQL texts kept per connection: queries with `in (?, ?, …)` lists of varying length make many texts. */
const MAX_STATEMENTS = 500;

/**
 * A connection whose prepare() answers from a least-recently-used cache. Everything else is the connection itself.
 * A statement keeps its raw mode between uses: a reader is handed out with raw mode off, as a new one would be
 * (drizzle turns it on itself where it wants rows as arrays).
 */
export function withStatementCache(sqlite: SqliteHandle): SqliteHandle {
  const cache = new Map<string, Statement>();
  const prepare = (source: string): Statement => {
    let st = cache.get(source);
    if (st) {
      cache.delete(source); // re-inserted below: the Map's order is the recency order
      if (st.reader) st.raw(false);
    } else {
      st = sqlite.prepare(source);
      if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, st);
    return st;
  };
  return new Proxy(sqlite, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
