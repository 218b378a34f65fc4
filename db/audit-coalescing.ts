// 操作记录 as people read it (docs/history.md §One entry per editing session): a minute of typing in one record
// is one entry that names the fields changed — 「修改「柳州…」的诊断意见表：在孵企业数量、诊断总结」 — not fifteen
// identical lines.
import { and, desc, eq } from 'drizzle-orm';
import { syncFieldLabel } from '../shared/forms/sync-labels.js';
import type { Executor } from './database.js';
import { auditLog } from './schema/index.js';

/** An editing session ends after this long without a change to the record. */
export const EDITING_SESSION_GAP_MS = 10 * 60_000;
/** Field names listed in a summary before 「等 N 项」. */
const LISTED_FIELDS = 6;

export interface AuditDraft {
  at: string;
  actor: string;
  entity: string;
  rowId: string;
  action: 'create' | 'update' | 'delete' | 'restore';
  /** What happened without the field list, e.g. 「修改「…」的诊断意见表」. */
  summary: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

type AuditInsert = typeof auditLog.$inferInsert;

/** 「：在孵企业数量、诊断总结」 — the changed fields by their labels; fields without a label are not listed. */
function fieldList(entity: string, fields: readonly string[]): string {
  const labels = [...new Set(fields.map((f) => syncFieldLabel(entity, f)).filter((l): l is string => !!l))];
  if (labels.length === 0) return '';
  const shown = labels.slice(0, LISTED_FIELDS).join('、');
  return labels.length > LISTED_FIELDS ? `：${shown}等 ${labels.length} 项` : `：${shown}`;
}

function summaryOf(draft: AuditDraft): string {
  return draft.action === 'update' ? draft.summary + fieldList(draft.entity, Object.keys(draft.after)) : draft.summary;
}

function parsed(json: string | null): Record<string, unknown> {
  return json ? (JSON.parse(json) as Record<string, unknown>) : {};
}

/** The record's newest entry when this change continues its editing session (same person, same kind of change). */
function openSession(db: Executor, draft: AuditDraft) {
  if (draft.action !== 'update') return undefined;
  const last = db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, draft.entity), eq(auditLog.rowId, draft.rowId)))
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get();
  if (!last || last.action !== 'update' || last.actor !== draft.actor) return undefined;
  if (last.summary !== draft.summary && !last.summary.startsWith(`${draft.summary}：`)) return undefined;
  const gap = Date.parse(draft.at) - Date.parse(last.at);
  return Math.abs(gap) <= EDITING_SESSION_GAP_MS ? last : undefined;
}

/**
 * The audit row to insert for a change. When the change continues an editing session, the session's entry is
 * folded into it (first values before, latest values after, every field named) and removed, so the entry moves
 * to the top of 最近操作 with its newest time.
 */
export function coalescedAudit(db: Executor, draft: AuditDraft): AuditInsert {
  const session = openSession(db, draft);
  const merged: AuditDraft = session
    ? { ...draft, before: { ...draft.before, ...parsed(session.before) }, after: { ...parsed(session.after), ...draft.after } }
    : draft;
  if (session) db.delete(auditLog).where(eq(auditLog.id, session.id)).run();
  return {
    at: merged.at,
    actor: merged.actor,
    entity: merged.entity,
    rowId: merged.rowId,
    action: merged.action,
    summary: summaryOf(merged),
    before: merged.before === null ? null : JSON.stringify(merged.before),
    after: JSON.stringify(merged.after),
  };
}
