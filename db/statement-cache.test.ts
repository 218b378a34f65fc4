import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Database } from './database.js';
import { withStatementCache } from './statement-cache.js';
import { openDatabase } from './open-database.js';
import { readMeta, writeMeta } from './meta-store.js';

describe('statement cache', () => {
  it('hands out one statement per SQL text, and a reader with raw mode off even after a raw use', () => {
    const sqlite = new Database(':memory:');
    const cached = withStatementCache(sqlite);
    cached.exec('create table t (a integer, b text)');
    cached.prepare('insert into t values (?, ?)').run(1, 'x');
    const first = cached.prepare('select a, b from t');
    expect(first.raw().all()).toEqual([[1, 'x']]);
    const again = cached.prepare('select a, b from t');
    expect(again).toBe(first);
    expect(again.all()).toEqual([{ a: 1, b: 'x' }]);
    sqlite.close();
  });

  it('keeps at most 500 texts, dropping the least recently used', () => {
    const sqlite = new Database(':memory:');
    const cached = withStatementCache(sqlite);
    const kept = cached.prepare('select 0');
    const one = cached.prepare('select 1');
    for (let i = 2; i <= 600; i++) {
      cached.prepare(`select ${i}`);
      if (i % 100 === 0) expect(cached.prepare('select 0')).toBe(kept); // used recently: never the one dropped
    }
    expect(cached.prepare('select 600')).toBe(cached.prepare('select 600'));
    const again = cached.prepare('select 1'); // dropped long ago: prepared afresh, and works
    expect(again).not.toBe(one);
    expect(again.pluck().get()).toBe(1);
    sqlite.close();
  });

  it('serves drizzle: the workbench database reads and writes through it, in and out of transactions', () => {
    const opened = openDatabase({ file: ':memory:' });
    writeMeta(opened.db, 'k', '1');
    opened.db.transaction((tx) => {
      writeMeta(tx, 'k', '2');
      expect(readMeta(tx, 'k')).toBe('2');
    });
    expect(readMeta(opened.db, 'k')).toBe('2');
    expect(opened.db.all(sql`select value from meta where key = 'k'`)).toEqual([{ value: '2' }]);
    opened.sqlite.close();
  });
});
