import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { auditLog } from '../schema/index.js';

export type AuditRow = typeof auditLog.$inferSelect;

export function recentAudit(db: Executor, limit: number): AuditRow[] {
  return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).all();
}

export function getAudit(db: Executor, id: number): AuditRow | undefined {
  return db.select().from(auditLog).where(eq(auditLog.id, id)).get();
}
