// Generic reads and writes of synced rows through the registry: pulled values and conflict reverts are written
// here, without outbox ops (they are the server's values, not local edits).
import { and, eq, getTableColumns } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Executor } from '../../db/database.js';
import { DELETED_FIELD } from '../../shared/sync/protocol.js';
import { isSyncedField, type ResolvedEntity } from './registry.js';

export type AnyRow = Record<string, unknown>;

export function readLocalRow(db: Executor, def: ResolvedEntity, rowId: string): AnyRow | undefined {
  return db
    .select()
    .from(def.table as SQLiteTable)
    .where(eq(def.idColumn, rowId))
    .get() as AnyRow | undefined;
}

function parseJson(text: unknown, fallback: unknown): unknown {
  if (typeof text !== 'string') return fallback;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fallback;
  }
}

/** The synced fields of a local row in wire terms (JS keys, unpacked JSON columns), as they would be pushed. */
export function syncedFields(def: ResolvedEntity, row: AnyRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of def.fields.keys()) out[k] = row[k] ?? null;
  for (const [wire, col] of Object.entries(def.jsonColumns ?? {})) out[wire] = parseJson(row[col], null);
  if (def.jsonMap) {
    const map = parseJson(row[def.jsonMap.column], {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(map ?? {})) out[`${def.jsonMap.prefix}${k}`] = v;
  }
  return out;
}

/** Wire values to column values; JSON-map fields are merged into the row's current map. */
function toColumns(def: ResolvedEntity, existing: AnyRow | undefined, values: Record<string, unknown>): AnyRow {
  const out: AnyRow = {};
  let map: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(values)) {
    if (k === DELETED_FIELD || def.fields.has(k)) out[k] = v;
    else if (def.jsonColumns && Object.hasOwn(def.jsonColumns, k)) out[def.jsonColumns[k]!] = JSON.stringify(v ?? null);
    else if (def.jsonMap && k.startsWith(def.jsonMap.prefix)) {
      map ??= { ...((parseJson(existing?.[def.jsonMap.column], {}) as Record<string, unknown>) ?? {}) };
      const key = k.slice(def.jsonMap.prefix.length);
      if (v === null || v === undefined) delete map[key];
      else map[key] = v;
    }
  }
  if (map && def.jsonMap) out[def.jsonMap.column] = JSON.stringify(map);
  return out;
}

function fillerFor(col: SQLiteColumn): unknown {
  const type = col.columnType;
  if (type.includes('Text')) return '';
  if (type.includes('Boolean')) return false;
  return 0;
}

/** What writing wire values to a row comes to: the columns (JS keys) to update, or the whole row to insert. */
export type LocalWrite = { kind: 'update'; set: AnyRow } | { kind: 'insert'; row: AnyRow };

/**
 * The write of the given field values (JS keys; `deletedAt` allowed) and version onto the row as it stands
 * (`existing`, undefined when absent). A new row gets fillers for required columns a partial pull did not carry, so
 * a pulled page always applies.
 */
export function planLocalWrite(
  def: ResolvedEntity,
  rowId: string,
  existing: AnyRow | undefined,
  values: Record<string, unknown>,
  opts: { version?: number; now: string },
): LocalWrite {
  const set: AnyRow = { ...toColumns(def, existing, values), updatedAt: opts.now };
  if (opts.version !== undefined) set.version = opts.version;
  if (existing) {
    if (def.derive) Object.assign(set, def.derive({ ...existing, ...set }));
    return { kind: 'update', set };
  }
  const row: AnyRow = { id: rowId, createdAt: opts.now, version: 0, ...set };
  for (const [k, col] of Object.entries(getTableColumns(def.table) as Record<string, SQLiteColumn>)) {
    if (row[k] === undefined && col.notNull && !col.hasDefault) row[k] = fillerFor(col);
  }
  if (def.derive) Object.assign(row, def.derive(row));
  return { kind: 'insert', row };
}

/** Inserts or updates a row with the given field values (see planLocalWrite). */
export function writeLocalRow(
  db: Executor,
  def: ResolvedEntity,
  rowId: string,
  values: Record<string, unknown>,
  opts: { version?: number; now: string },
): void {
  const write = planLocalWrite(def, rowId, readLocalRow(db, def, rowId), values, opts);
  if (write.kind === 'update') {
    db.update(def.table as SQLiteTable)
      .set(write.set as never)
      .where(eq(def.idColumn, rowId))
      .run();
    return;
  }
  db.insert(def.table as SQLiteTable)
    .values(write.row as never)
    .run();
}

/** Sets one field (or the tombstone) of an existing row to a value from the server. */
export function setLocalField(db: Executor, def: ResolvedEntity, rowId: string, field: string, value: unknown, now: string): void {
  if (field !== DELETED_FIELD && !isSyncedField(def, field)) return;
  if (!readLocalRow(db, def, rowId)) return;
  writeLocalRow(db, def, rowId, { [field]: value ?? null }, { now });
}

/**
 * Removes a row the server never had and never will (version 0), in a savepoint: should the database refuse it (the
 * signed-row guard), the row stays and the rest of the push answer still applies.
 */
export function dropLocalOnlyRow(db: Executor, def: ResolvedEntity, rowId: string): void {
  try {
    db.transaction((sp) => {
      sp.delete(def.table as SQLiteTable).where(and(eq(def.idColumn, rowId), eq(def.versionColumn, 0))).run();
    });
  } catch {
    /* kept: the proposal holds its values either way */
  }
}

