// Writing a pulled page's rows (docs/sync.md §Pull): the page's existing rows and signed states are read with one
// query per entity, and each row is written with a prepared statement reused across rows and pages. Building a
// drizzle query per row cost more than SQLite's work; the values, fillers and derived columns are the same
// (planLocalWrite), only the statements differ.
import { getTableColumns, getTableName, inArray } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { sqliteOf, type Executor, type SqliteHandle, type WorkbenchDb } from '../../db/database.js';
import { syncSigned } from '../../db/schema/index.js';
import { preparedStatement } from '../../db/prepared-statements.js';
import type { SignedRow } from '../../db/repositories/sync-state-repository.js';
import { planLocalWrite, type AnyRow } from './local-rows.js';
import type { ResolvedEntity } from './registry.js';

const CHUNK = 500;
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const key = (entity: string, rowId: string) => `${entity}\u0000${rowId}`;

/** The columns of `values` this table has (as drizzle writes them: unknown keys and undefined values left out). */
function columnsOf(def: ResolvedEntity, values: AnyRow): { names: string[]; params: unknown[] } {
  const columns = getTableColumns(def.table) as Record<string, SQLiteColumn>;
  const names: string[] = [];
  const params: unknown[] = [];
  for (const [k, v] of Object.entries(values)) {
    const col = columns[k];
    if (!col || v === undefined) continue;
    names.push(col.name);
    params.push(v === null ? null : col.mapToDriverValue(v));
  }
  return { names, params };
}

export class PulledRowsWriter {
  private readonly sqlite: SqliteHandle;
  /** Rows as they stand (JS keys), kept current as the page writes them. */
  private readonly existing = new Map<string, AnyRow>();
  private readonly signed = new Map<string, SignedRow>();

  /** Reads the rows `wanted` names and their signed states, one query per entity and chunk. */
  constructor(db: WorkbenchDb, tx: Executor, wanted: readonly { def: ResolvedEntity; rowId: string }[]) {
    this.sqlite = sqliteOf(db);
    const byEntity = new Map<ResolvedEntity, Set<string>>();
    for (const w of wanted) {
      let ids = byEntity.get(w.def);
      if (!ids) byEntity.set(w.def, (ids = new Set()));
      ids.add(w.rowId);
    }
    for (const [def, idSet] of byEntity) {
      const ids = [...idSet];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const rows = tx
          .select()
          .from(def.table as SQLiteTable)
          .where(inArray(def.idColumn, ids.slice(i, i + CHUNK)))
          .all() as AnyRow[];
        for (const r of rows) this.existing.set(key(def.name, String(r.id)), r);
      }
      for (let i = 0; i < ids.length; i += CHUNK) {
        for (const s of tx.select().from(syncSigned).where(inArray(syncSigned.rowId, ids.slice(i, i + CHUNK))).all()) {
          if (s.entity === def.name) this.signed.set(key(s.entity, s.rowId), s);
        }
      }
    }
  }

  /** Inserts or updates the row with these wire values and version (see writeLocalRow, whose plan this follows). */
  write(def: ResolvedEntity, rowId: string, values: Record<string, unknown>, opts: { version: number; now: string }): void {
    const k = key(def.name, rowId);
    const before = this.existing.get(k);
    const write = planLocalWrite(def, rowId, before, values, opts);
    const table = quote(getTableName(def.table));
    if (write.kind === 'update') {
      const { names, params } = columnsOf(def, write.set);
      if (names.length > 0) {
        preparedStatement(this.sqlite, `update ${table} set ${names.map((n) => `${quote(n)} = ?`).join(', ')} where ${quote(def.idColumn.name)} = ?`).run(
          ...params,
          rowId,
        );
      }
      this.existing.set(k, { ...before, ...write.set });
      return;
    }
    const { names, params } = columnsOf(def, write.row);
    preparedStatement(this.sqlite, `insert into ${table} (${names.map(quote).join(', ')}) values (${names.map(() => '?').join(', ')})`).run(...params);
    this.existing.set(k, write.row);
  }

  /** Runs `fn` (a row's savepoint); if it throws, the row's cached state goes back to what it was, as its savepoint did. */
  guard<T>(entity: string, rowId: string, fn: () => T): T {
    const k = key(entity, rowId);
    const row = this.existing.get(k);
    const signed = this.signed.get(k);
    try {
      return fn();
    } catch (e) {
      if (row) this.existing.set(k, row);
      else this.existing.delete(k);
      if (signed) this.signed.set(k, signed);
      else this.signed.delete(k);
      throw e;
    }
  }

  /** Whether this device holds the row (before or after this page's writes). */
  has(entity: string, rowId: string): boolean {
    return this.existing.has(key(entity, rowId));
  }

  signedState(entity: string, rowId: string): SignedRow | undefined {
    return this.signed.get(key(entity, rowId));
  }

  noteSigned(s: SignedRow | null, entity: string, rowId: string): void {
    if (s) this.signed.set(key(entity, rowId), s);
    else this.signed.delete(key(entity, rowId));
  }
}
