// What people call a record in lists that are not the record's own page (操作记录's filter, the sync drawer):
// its current name when its table has one, otherwise the name its newest history entry gave it.
import { eq, getTableColumns } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { namingSummaryOf } from '../../db/repositories/audit-repository.js';
import type { Executor } from '../../db/database.js';
import { syncEntity } from '../sync/registry.js';

/** The text inside the first 「」 of a summary: every summary written for a record names it that way. */
function nameIn(summary: string): string | null {
  return /「([^」]+)」/.exec(summary)?.[1] ?? null;
}

function currentName(db: Executor, entity: string, rowId: string): string | null {
  const def = syncEntity(entity);
  if (!def || !('name' in (getTableColumns(def.table) as Record<string, SQLiteColumn>))) return null;
  const row = db.select().from(def.table).where(eq(def.idColumn, rowId)).get() as Record<string, unknown> | undefined;
  const name = row?.['name'];
  return typeof name === 'string' && name.trim() !== '' ? name : null;
}

/** The record's name, e.g. 「柳州螺蛳粉产业孵化器」 for an incubator or for its diagnosis; 「（未命名）」 when unknown. */
export function recordName(db: Executor, entity: string, rowId: string, namingSummary?: string): string {
  return currentName(db, entity, rowId) ?? nameIn(namingSummary ?? namingSummaryOf(db, entity, rowId)) ?? '（未命名）';
}
