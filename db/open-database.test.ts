import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from './database.js';
import { DatabaseProblem, openDatabase } from './open-database.js';
import { findMigrationsFolder, readSchemaVersion } from './migrations-folder.js';
import { makeTempDir, openTestDatabase } from './testing/test-database.js';

const N = readSchemaVersion(findMigrationsFolder());
const temps: (() => void)[] = [];
afterEach(() => {
  for (const c of temps.splice(0)) c();
});
function tempFile(name = 'workbench.sqlite'): string {
  const t = makeTempDir('wb-open-');
  temps.push(t.cleanup);
  return join(t.dir, name);
}

function problemOf(fn: () => unknown): DatabaseProblem {
  try {
    fn();
  } catch (e) {
    if (e instanceof DatabaseProblem) return e;
    throw e;
  }
  throw new Error('expected a DatabaseProblem');
}

/** A real database file with enough rows to span many pages, closed (checkpointed, no -wal left). */
function realDatabaseFile(file: string): void {
  const { sqlite } = openDatabase({ file });
  const insert = sqlite.prepare("insert into meta (key, value) values (?, ?)");
  sqlite.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`k${i}`, 'x'.repeat(200));
  })();
  sqlite.close();
}

describe('openDatabase', () => {
  it('creates a new file in WAL mode, synchronous FULL, foreign keys on, at user_version N', () => {
    const file = tempFile();
    const { sqlite, schemaVersion } = openDatabase({ file });
    try {
      expect(schemaVersion).toBe(N);
      expect(sqlite.pragma('user_version', { simple: true })).toBe(N);
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      sqlite.close();
    }
  });

  it('the in-memory test database comes from the same migrations', () => {
    const { sqlite } = openTestDatabase();
    expect(sqlite.pragma('user_version', { simple: true })).toBe(N);
    sqlite.close();
  });

  it('refuses a file of random bytes as corrupt and leaves it byte for byte', () => {
    const file = tempFile();
    const bytes = randomBytes(64 * 1024);
    writeFileSync(file, bytes);
    const p = problemOf(() => openDatabase({ file }));
    expect(p.problem).toBe('corrupt');
    expect(p.file).toBe(file);
    expect(p.message).toMatch(/损坏|完整性/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a truncated real database as corrupt and leaves it byte for byte', () => {
    const file = tempFile();
    realDatabaseFile(file);
    const full = readFileSync(file);
    truncateSync(file, Math.floor(full.length / 2 / 4096) * 4096 + 1000);
    const before = readFileSync(file);
    const p = problemOf(() => openDatabase({ file }));
    expect(p.problem).toBe('corrupt');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database from a newer version (user_version > N) and changes nothing', () => {
    const file = tempFile();
    realDatabaseFile(file);
    const raw = new Database(file);
    raw.pragma(`user_version = ${N + 1}`);
    raw.close();
    const before = readFileSync(file);
    const calls: unknown[] = [];
    const p = problemOf(() => openDatabase({ file, beforeMigrate: () => calls.push(1) }));
    expect(p.problem).toBe('newer-version');
    expect(p.message).toContain('更新版本');
    expect(p.message).toContain('原文件未做任何改动');
    expect(calls).toEqual([]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it.each([false, true])(
    'a newer database left with a -wal (crash of a newer app; -shm kept: %s): neither file is touched',
    (withShm) => {
      // A live connection whose WAL is never checkpointed; its files are copied as a crash would leave them.
      const live = tempFile('live.sqlite');
      const writer = openDatabase({ file: live });
      writer.sqlite.pragma('wal_autocheckpoint = 0');
      writer.sqlite.prepare("insert into meta (key, value) values ('only-in-wal', 'x')").run();
      writer.sqlite.pragma(`user_version = ${N + 1}`);
      const file = tempFile();
      copyFileSync(live, file);
      copyFileSync(`${live}-wal`, `${file}-wal`);
      if (withShm) copyFileSync(`${live}-shm`, `${file}-shm`);
      writer.sqlite.close();
      const main = readFileSync(file);
      const wal = readFileSync(`${file}-wal`);
      const p = problemOf(() => openDatabase({ file }));
      expect(p.problem).toBe('newer-version');
      expect(readFileSync(file).equals(main)).toBe(true);
      expect(existsSync(`${file}-wal`)).toBe(true);
      expect(readFileSync(`${file}-wal`).equals(wal)).toBe(true);
    },
  );

  it('reopening keeps the data and runs no migration callback', () => {
    const file = tempFile();
    realDatabaseFile(file);
    const calls: unknown[] = [];
    const { sqlite } = openDatabase({ file, beforeMigrate: () => calls.push(1) });
    expect((sqlite.prepare('select count(*) as n from meta').get() as { n: number }).n).toBe(2000);
    sqlite.close();
    expect(calls).toEqual([]);
  });
});
