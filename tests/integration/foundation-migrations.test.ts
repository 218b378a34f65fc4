// The migration test of the style guide: a database made at version k < N, with rows in every table, migrated to
// N by the real app code, keeps every row. Generic over N: it reads the journal, so new migrations are covered.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.js';
import { openDatabase } from '../../db/open-database.js';
import { findMigrationsFolder, readSchemaVersion } from '../../db/migrations-folder.js';
import { makeTempDir } from '../../db/testing/test-database.js';
import { Workbench } from '../../core/workbench.js';
import { migrationsUpTo, migrationsWithExtra, readJournal, readSeededRow, seedEveryTable, type SeededTable, userTables } from '../support/partial-migrations.js';
import type { SqliteHandle } from '../../db/database.js';

const N = readSchemaVersion(findMigrationsFolder());

/**
 * Columns a migration removed or renamed, with where their data went (issue 14.5): a column that disappears
 * without an entry here fails the test, because its data would be lost. `to` names the column that holds the data
 * now (`table.column`), or says why it may go.
 */
const DECLARED_COLUMN_MOVES: Readonly<Record<string, { to: string }>> = {};

/** Every seeded table, row and column that is gone or changed after migrating, unless declared moved. */
function lostData(sqlite: SqliteHandle, seeded: SeededTable[], moves = DECLARED_COLUMN_MOVES): string[] {
  const lost: string[] = [];
  const tables = userTables(sqlite);
  for (const table of seeded) {
    if (!tables.includes(table.table)) {
      if (!moves[`${table.table}.*`]) lost.push(`table ${table.table} is gone`);
      continue;
    }
    for (const row of table.rows) {
      const after = readSeededRow(sqlite, table, row);
      if (!after) {
        lost.push(`${table.table}: a row is gone`);
        continue;
      }
      for (const [col, value] of Object.entries(row)) {
        if (col === '__rowid' || moves[`${table.table}.${col}`]) continue;
        // Every column the row had must still be there, with its value: a dropped column is lost data.
        if (!(col in after)) lost.push(`${table.table}.${col} is gone`);
        else if (JSON.stringify(after[col]) !== JSON.stringify(value)) lost.push(`${table.table}.${col} changed`);
      }
    }
  }
  return [...new Set(lost)];
}
const temps: (() => void)[] = [];
afterEach(() => {
  for (const c of temps.splice(0)) c();
});
function tempDir(): string {
  const t = makeTempDir('wb-mig-');
  temps.push(t.cleanup);
  return t.dir;
}

describe('generated migrations', () => {
  it('the journal lists migrations in order, each with its SQL file', () => {
    const folder = findMigrationsFolder();
    const { entries } = readJournal(folder);
    expect(entries.length).toBe(N);
    expect(N).toBeGreaterThan(0);
    entries.forEach((e, i) => {
      expect(e.idx).toBe(i);
      expect(existsSync(join(folder, `${e.tag}.sql`))).toBe(true);
      if (i > 0) expect(e.when).toBeGreaterThan(entries[i - 1]!.when);
    });
  });

  it('a fresh database is at user_version N with every table of the schema', () => {
    const db = openDatabase({ file: ':memory:' });
    try {
      expect(db.sqlite.pragma('user_version', { simple: true })).toBe(N);
      expect(userTables(db.sqlite)).toEqual(expect.arrayContaining(['incubators', 'outbox', 'audit_log', 'meta', 'agency_profile', 'agency_staff']));
    } finally {
      db.sqlite.close();
    }
  });

  const ks = Array.from({ length: Math.max(0, N - 1) }, (_, i) => i + 1);
  it('there are earlier versions to migrate from (the test below never runs empty)', () => {
    expect(ks.length).toBeGreaterThan(0);
  });
  it.each(ks)('every column of every row written at version %i survives migrating to the current version', (k) => {
    const dir = tempDir();
    const file = join(dir, 'workbench.sqlite');
    const old = openDatabase({ file, migrationsFolder: migrationsUpTo(k, dir) });
    expect(old.sqlite.pragma('user_version', { simple: true })).toBe(k);
    const seeded = seedEveryTable(old.sqlite, 3);
    old.sqlite.close();

    const calls: [number, number][] = [];
    const current = openDatabase({ file, beforeMigrate: (_s, from, to) => calls.push([from, to]) });
    try {
      expect(calls).toEqual([[k, N]]);
      expect(current.sqlite.pragma('user_version', { simple: true })).toBe(N);
      expect(current.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(current.sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(lostData(current.sqlite, seeded)).toEqual([]);
    } finally {
      current.sqlite.close();
    }
  });

  it('a migration that drops a column fails the check unless it declares where the data went', () => {
    const dir = tempDir();
    const file = join(dir, 'workbench.sqlite');
    const old = openDatabase({ file });
    const seeded = seedEveryTable(old.sqlite, 2);
    old.sqlite.close();
    const dropping = migrationsWithExtra(dir, 'ALTER TABLE `agency_profile` DROP COLUMN `fax`;');
    const after = openDatabase({ file, migrationsFolder: dropping });
    try {
      expect(lostData(after.sqlite, seeded)).toEqual(['agency_profile.fax is gone']);
      expect(lostData(after.sqlite, seeded, { 'agency_profile.fax': { to: 'test: dropped on purpose' } })).toEqual([]);
    } finally {
      after.sqlite.close();
    }
  });

  it('the upgrade path works at any N: a made-up migration N+1 keeps rows, backs up first, sets user_version', () => {
    const dir = tempDir();
    const dataDir = join(dir, 'data');
    const wb = new Workbench({ dataDir, shell: 'test', dailyBackups: false }).open();
    const seeded = seedEveryTable(wb.database.sqlite, 2);
    wb.close();

    const extra = migrationsWithExtra(dir, 'ALTER TABLE `incubators` ADD `test_extra` text;');
    const previous = process.env.WORKBENCH_MIGRATIONS_DIR;
    process.env.WORKBENCH_MIGRATIONS_DIR = extra;
    try {
      const upgraded = new Workbench({ dataDir, shell: 'test', dailyBackups: false }).open();
      try {
        expect(upgraded.status().database).toEqual({ state: 'ready' });
        const { sqlite } = upgraded.database;
        expect(sqlite.pragma('user_version', { simple: true })).toBe(N + 1);
        const cols = (sqlite.pragma('table_info(incubators)') as { name: string }[]).map((c) => c.name);
        expect(cols).toContain('test_extra');
        for (const table of seeded) {
          for (const row of table.rows) expect(readSeededRow(sqlite, table, row)).toMatchObject(Object.fromEntries(Object.entries(row).filter(([k]) => k !== '__rowid')));
        }
        const backups = readdirSync(join(dataDir, 'backups')).filter((n) => n.startsWith('workbench-before-migration-'));
        expect(backups).toHaveLength(1);
        const copy = new Database(join(dataDir, 'backups', backups[0]!), { readonly: true });
        try {
          expect(copy.pragma('user_version', { simple: true })).toBe(N);
          expect((copy.prepare('select count(*) as n from incubators').get() as { n: number }).n).toBe(2);
        } finally {
          copy.close();
        }
      } finally {
        upgraded.close();
      }
    } finally {
      if (previous === undefined) delete process.env.WORKBENCH_MIGRATIONS_DIR;
      else process.env.WORKBENCH_MIGRATIONS_DIR = previous;
    }
  });

  it('opening an up-to-date database twice applies nothing and makes no backup', () => {
    const dir = tempDir();
    const calls: unknown[] = [];
    const file = join(dir, 'w.sqlite');
    openDatabase({ file }).sqlite.close();
    const again = openDatabase({ file, beforeMigrate: () => calls.push(1) });
    const applied = again.sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
    again.sqlite.close();
    expect(calls).toEqual([]);
    expect(applied.n).toBe(N);
  });

  it('the schema and the generated migrations agree (npm run db:check)', () => {
    const out = execFileSync(process.execPath, ['scripts/check-migrations.mjs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    expect(out).toContain('OK');
  });

  it('db:check fails with a clear message when the schema has a change no migration holds', () => {
    // No migrations at all: the whole schema is a change no migration holds. (Dropping only the newest migration
    // is not enough in general: a custom migration, e.g. a trigger, changes nothing drizzle-kit sees.)
    const dir = tempDir();
    const folder = join(dir, 'none');
    mkdirSync(join(folder, 'meta'), { recursive: true });
    writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'sqlite', entries: [] }));
    const run = spawnSync(process.execPath, ['scripts/check-migrations.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, DB_CHECK_MIGRATIONS_DIR: folder },
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('db:check FAILED');
    expect(run.stderr).toContain('npm run db:generate');
  });
});
