import { and, desc, eq, like, lt, max, min } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { auditLog } from '../schema/index.js';

export type AuditRow = typeof auditLog.$inferSelect;

export function recentAudit(db: Executor, limit: number): AuditRow[] {
  return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).all();
}

export function getAudit(db: Executor, id: number): AuditRow | undefined {
  return db.select().from(auditLog).where(eq(auditLog.id, id)).get();
}

export interface AuditFilter {
  entity?: string;
  rowId?: string;
  action?: AuditRow['action'];
  /** Only entries older than this id (the next page of a long history). */
  beforeId?: number;
  limit: number;
}

/** The newest entries matching every given filter, newest first; `more` says whether older ones match too. */
export function listAuditFiltered(db: Executor, filter: AuditFilter): { rows: AuditRow[]; more: boolean } {
  const where = and(
    filter.entity !== undefined ? eq(auditLog.entity, filter.entity) : undefined,
    filter.rowId !== undefined ? eq(auditLog.rowId, filter.rowId) : undefined,
    filter.action !== undefined ? eq(auditLog.action, filter.action) : undefined,
    filter.beforeId !== undefined ? lt(auditLog.id, filter.beforeId) : undefined,
  );
  const rows = db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(filter.limit + 1).all();
  return { rows: rows.slice(0, filter.limit), more: rows.length > filter.limit };
}

export interface AuditedRecord {
  entity: string;
  rowId: string;
  /** The newest summary that names the record in 「」 (a conflict resolution or signing entry may not). */
  namingSummary: string;
  lastAt: string;
  firstAt: string;
}

/** The newest summary of a record that names it in 「」, or '' when none does. */
export function namingSummaryOf(db: Executor, entity: string, rowId: string): string {
  const naming = db
    .select({ summary: auditLog.summary })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.rowId, rowId), like(auditLog.summary, '%「%」%')))
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get();
  return naming?.summary ?? '';
}

/** The records the history talks about, most recently changed first (for a filter by record). */
export function listAuditedRecords(db: Executor, options: { entity?: string; limit: number }): AuditedRecord[] {
  const lastId = max(auditLog.id);
  const grouped = db
    .select({ entity: auditLog.entity, rowId: auditLog.rowId, lastId, firstAt: min(auditLog.at) })
    .from(auditLog)
    .where(options.entity !== undefined ? eq(auditLog.entity, options.entity) : undefined)
    .groupBy(auditLog.entity, auditLog.rowId)
    .orderBy(desc(lastId))
    .limit(options.limit)
    .all();
  return grouped.map((g) => {
    const last = g.lastId === null ? undefined : getAudit(db, g.lastId);
    return { entity: g.entity, rowId: g.rowId, namingSummary: namingSummaryOf(db, g.entity, g.rowId), lastAt: last?.at ?? '', firstAt: g.firstAt ?? '' };
  });
}
