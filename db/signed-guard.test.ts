// Issue 14.4: the lock of a signed document holds in the database itself, whatever code writes — a raw UPDATE of
// its content or a DELETE of the row is refused — and every document table has a guard covering all its columns.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from './database.js';
import { openTestDatabase } from './testing/test-database.js';
import { guardTriggerNames, ITEM_TRIGGER_NAMES, itemGuardSql, signedGuardSql, UNGUARDED_COLUMNS } from './signed-guard-sql.js';
import { DOCUMENT_TABLES } from './schema/document-tables.js';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { DOCUMENT_DEFINITIONS, DOCUMENT_KINDS } from '../shared/forms/registry.js';
import { setSigned } from './repositories/sync-state-repository.js';

let db: OpenedDatabase;
beforeEach(() => {
  db = openTestDatabase();
  db.sqlite.prepare("insert into incubators (id, created_at, updated_at, name) values ('inc', 'x', 'x', '甲')").run();
});
afterEach(() => db.sqlite.close());

const columnsOf = (table: string) => db.sqlite.prepare(`pragma table_info("${table}")`).all() as { name: string; type: string; notnull: number; dflt_value: string | null }[];

/** Inserts a row with every required column filled, whatever the document table's own columns are. */
function insertRow(table: string, id: string): void {
  const cols = columnsOf(table).filter((c) => c.notnull && c.dflt_value === null && c.name !== 'id');
  const value = (c: { name: string; type: string }) => (c.name === 'incubator_id' ? 'inc' : c.type.toLowerCase().includes('int') ? 0 : 'x');
  db.sqlite.prepare(`insert into "${table}" (id, ${cols.map((c) => `"${c.name}"`).join(', ')}) values (?, ${cols.map(() => '?').join(', ')})`).run(id, ...cols.map(value));
}
const triggerSql = (name: string) => (db.sqlite.prepare("select sql from sqlite_master where type = 'trigger' and name = ?").get(name) as { sql: string } | undefined)?.sql;
/** The trigger's statement as the migration writes it (SQLite keeps the CREATE text verbatim, without the `;`). */
const normalized = (sql: string) => sql.replace(/;\s*$/, '').trim();

function signedRow(table: string, entity: string): string {
  insertRow(table, 'doc');
  setSigned(db.db, { entity, rowId: 'doc', version: 3, hash: 'h', state: 'accepted', signedAt: 'x' });
  return 'doc';
}

describe.each(DOCUMENT_KINDS)('the signed-row guard of the %s table', (kind) => {
  const table = getTableConfig(DOCUMENT_TABLES[kind]).name;
  const entity = DOCUMENT_DEFINITIONS[kind].entity;

  it('exists, and covers every column of the table as it is now', () => {
    const columns = columnsOf(table).map((c) => c.name);
    const expected = signedGuardSql(table, entity, columns).split('--> statement-breakpoint').map(normalized);
    const installed = guardTriggerNames(table).map((n) => triggerSql(n));
    expect(installed.every(Boolean), `run: node --import tsx scripts/print-signed-guard.ts ${table}`).toBe(true);
    expect(installed.map((s) => normalized(s!))).toEqual(expected);
  });

  it('refuses a raw UPDATE of any content column and a raw DELETE of a signed row; a pull may still set its version', () => {
    const id = signedRow(table, entity);
    for (const c of columnsOf(table)) {
      if (UNGUARDED_COLUMNS.has(c.name)) continue;
      const value = c.type.toLowerCase().includes('int') ? 7 : `changed-${c.name}`;
      expect(() => db.sqlite.prepare(`update "${table}" set "${c.name}" = ? where id = ?`).run(value, id), c.name).toThrow(/WB_LOCKED/);
    }
    expect(() => db.sqlite.prepare(`delete from "${table}" where id = ?`).run(id)).toThrow(/WB_LOCKED/);
    db.sqlite.prepare(`update "${table}" set version = 4, updated_at = 'y' where id = ?`).run(id);
    db.sqlite.prepare(`update "${table}" set values_json = values_json where id = ?`).run(id); // the same content
    expect((db.sqlite.prepare(`select version from "${table}" where id = ?`).get(id) as { version: number }).version).toBe(4);
  });

  it('leaves unsigned rows alone', () => {
    insertRow(table, 'free');
    db.sqlite.prepare(`update "${table}" set values_json = '{"a":1}' where id = 'free'`).run();
    db.sqlite.prepare(`delete from "${table}" where id = 'free'`).run();
  });
});

describe('the signed-row guard of document_items', () => {
  it('covers every column, and refuses inserting, changing or deleting an item of a signed document', () => {
    expect(ITEM_TRIGGER_NAMES.map((n) => normalized(triggerSql(n) ?? ''))).toEqual(itemGuardSql(columnsOf('document_items').map((c) => c.name)).split('--> statement-breakpoint').map(normalized));
    const insert = db.sqlite.prepare(
      "insert into document_items (id, created_at, updated_at, document_entity, document_id, list_key, order_key, values_json) values (?, 'x', 'x', 'diagnoses', ?, 'l', ?, '{}')",
    );
    insert.run('item-1', 'doc', 'a0');
    insert.run('item-2', 'other', 'a0');
    signedRow('diagnoses', 'diagnoses');
    expect(() => insert.run('item-3', 'doc', 'a1')).toThrow(/WB_LOCKED/);
    expect(() => db.sqlite.prepare("update document_items set values_json = '{\"x\":1}' where id = 'item-1'").run()).toThrow(/WB_LOCKED/);
    expect(() => db.sqlite.prepare("update document_items set document_id = 'doc' where id = 'item-2'").run()).toThrow(/WB_LOCKED/); // moving one in
    expect(() => db.sqlite.prepare("delete from document_items where id = 'item-1'").run()).toThrow(/WB_LOCKED/);
    db.sqlite.prepare("update document_items set version = 2 where id = 'item-1'").run();
    db.sqlite.prepare("update document_items set values_json = '{\"y\":2}' where id = 'item-2'").run();
  });
});
