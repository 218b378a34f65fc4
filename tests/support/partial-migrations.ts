import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqliteHandle } from '../../db/database.js';
import { findMigrationsFolder } from '../../db/migrations-folder.js';

interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}
interface Journal {
  version: string;
  dialect: string;
  entries: JournalEntry[];
}

export function readJournal(folder = findMigrationsFolder()): Journal {
  return JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/**
 * A copy of the generated migrations in `targetDir` whose journal keeps only the first `k` entries: a build of
 * the app at schema version k. The SQL files are copied untouched (drizzle only applies what the journal lists).
 */
export function migrationsUpTo(k: number, targetDir: string, source = findMigrationsFolder()): string {
  const journal = readJournal(source);
  if (k < 1 || k > journal.entries.length) throw new Error(`k=${k} outside 1..${journal.entries.length}`);
  const folder = join(targetDir, `migrations-${k}`);
  cpSync(source, folder, { recursive: true });
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, k) }, null, 2));
  return folder;
}

/** The real migrations plus one made-up migration on top (version N+1), to exercise the upgrade path at any N. */
export function migrationsWithExtra(targetDir: string, sql: string, source = findMigrationsFolder()): string {
  const journal = readJournal(source);
  const folder = join(targetDir, 'migrations-extra');
  cpSync(source, folder, { recursive: true });
  const last = journal.entries[journal.entries.length - 1]!;
  const tag = `${String(journal.entries.length).padStart(4, '0')}_test_extra`;
  writeFileSync(join(folder, `${tag}.sql`), sql);
  const entries = [...journal.entries, { ...last, idx: journal.entries.length, when: last.when + 1000, tag }];
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }, null, 2));
  return folder;
}

interface ColumnInfo {
  cid: number;
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

export interface SeededTable {
  table: string;
  /** Each inserted row, as read back after the insert (every column). */
  rows: Record<string, unknown>[];
  /** The columns that identify a row: the primary key, or rowid. */
  key: string[];
}

export function userTables(sqlite: SqliteHandle): string[] {
  return (
    sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
      .all() as { name: string }[]
  ).map((r) => r.name);
}

function columns(sqlite: SqliteHandle, table: string): ColumnInfo[] {
  return sqlite.prepare(`pragma table_info("${table}")`).all() as ColumnInfo[];
}

function sampleValue(col: ColumnInfo, table: string, n: number): unknown {
  const type = col.type.toLowerCase();
  if (type.includes('int')) return n + 1;
  if (type.includes('real') || type.includes('floa') || type.includes('doub') || type.includes('num')) return n + 0.25;
  if (type.includes('blob')) return Buffer.from(`${table}.${col.name}.${n}`);
  return `${table}.${col.name}.${n}`;
}

/**
 * Inserts `perTable` rows into every table of a database at some schema version, knowing nothing of the schema
 * but what SQLite says: every column gets a value of its declared type (an integer primary key is left to
 * SQLite). Foreign keys are off while seeding, so tables can be filled in any order; afterwards each foreign key
 * column is pointed at the parent table's seeded row of the same index, so the data passes `foreign_key_check`.
 */
export function seedEveryTable(sqlite: SqliteHandle, perTable = 2): SeededTable[] {
  const seeded: SeededTable[] = [];
  const fk = sqlite.pragma('foreign_keys', { simple: true });
  sqlite.pragma('foreign_keys = OFF');
  try {
    for (const table of userTables(sqlite)) {
      const cols = columns(sqlite, table);
      const pkCols = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
      const autoKey = pkCols.length === 1 && pkCols[0]!.type.toLowerCase() === 'integer';
      const insertCols = cols.filter((c) => !(autoKey && c.pk > 0));
      const key = pkCols.length > 0 ? pkCols.map((c) => c.name) : ['rowid'];
      const rows: Record<string, unknown>[] = [];
      for (let n = 0; n < perTable; n++) {
        const values = insertCols.map((c) => sampleValue(c, table, n));
        const sql = `insert into "${table}" (${insertCols.map((c) => `"${c.name}"`).join(', ')}) values (${insertCols.map(() => '?').join(', ')})`;
        let rowid: number | bigint;
        try {
          rowid = sqlite.prepare(sql).run(...values).lastInsertRowid;
        } catch (e) {
          throw new Error(`seeding ${table} failed (${(e as Error).message}); teach tests/support/partial-migrations.ts this table's constraints`, { cause: e });
        }
        rows.push(sqlite.prepare(`select rowid as __rowid, * from "${table}" where rowid = ?`).get(rowid) as Record<string, unknown>);
      }
      seeded.push({ table, rows, key });
    }
    for (const t of seeded) linkForeignKeys(sqlite, t, seeded);
  } finally {
    sqlite.pragma(`foreign_keys = ${fk ? 'ON' : 'OFF'}`);
  }
  return seeded;
}

interface ForeignKeyInfo {
  table: string;
  from: string;
  to: string | null;
}

/** Points a seeded table's foreign key columns at the parent's seeded rows (row n -> parent row n). */
function linkForeignKeys(sqlite: SqliteHandle, child: SeededTable, seeded: SeededTable[]): void {
  const fks = sqlite.pragma(`foreign_key_list("${child.table}")`) as ForeignKeyInfo[];
  for (const fk of fks) {
    const parent = seeded.find((t) => t.table === fk.table);
    if (!parent || parent.rows.length === 0) continue;
    const to = fk.to ?? parent.key[0]!;
    child.rows.forEach((row, n) => {
      const value = parent.rows[n % parent.rows.length]![to];
      sqlite.prepare(`update "${child.table}" set "${fk.from}" = ? where rowid = ?`).run(value, row.__rowid);
    });
  }
  if (fks.length > 0) {
    child.rows = child.rows.map((row) => sqlite.prepare(`select rowid as __rowid, * from "${child.table}" where rowid = ?`).get(row.__rowid) as Record<string, unknown>);
  }
}

/** Reads a seeded row back by its key after a migration; null when it is gone. */
export function readSeededRow(sqlite: SqliteHandle, seeded: SeededTable, row: Record<string, unknown>): Record<string, unknown> | null {
  const keyCols = seeded.key[0] === 'rowid' ? ['__rowid'] : seeded.key;
  const where = seeded.key[0] === 'rowid' ? 'rowid = ?' : seeded.key.map((k) => `"${k}" = ?`).join(' and ');
  const found = sqlite.prepare(`select rowid as __rowid, * from "${seeded.table}" where ${where}`).get(...keyCols.map((k) => row[k]));
  return (found as Record<string, unknown> | undefined) ?? null;
}
