import { randomUUID } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { formatHlc, type HlcState, parseHlc, tickHlc } from '../shared/sync/hlc.js';
import type { Executor } from './database.js';
import { readMeta, writeMeta } from './meta-store.js';
import { auditLog, outbox } from './schema/index.js';
import { coalescedAudit } from './audit-coalescing.js';
import { lastSentSeq } from './outbox-watermark.js';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore';

export interface ChangeContext {
  actor: string;
  schemaVersion: number;
  now: () => Date;
}

export interface Change {
  entity: string;
  rowId: string;
  action: AuditAction;
  /** The server version the row was at when this edit started (sync base). */
  baseVersion: number;
  /** Field values before the change (empty for a create). */
  before: Record<string, unknown>;
  /** Field values after the change. */
  after: Record<string, unknown>;
  summary: string;
  /**
   * Part of another change's history entry (a new document's prefilled list items belong to 「新建…」): the outbox
   * ops are written, no entry of its own.
   */
  withoutAuditEntry?: boolean;
  /** What the history entry shows, when it is not the ops' values (a signature: its version and hash, not the content it carries). */
  audit?: { before: Record<string, unknown>; after: Record<string, unknown> };
}

const CLIENT_ID_KEY = 'client_id';
const HLC_KEY = 'hlc';

/** This installation's sync identity, made on first use. */
export function clientId(db: Executor): string {
  const existing = readMeta(db, CLIENT_ID_KEY);
  if (existing) return existing;
  const id = randomUUID();
  writeMeta(db, CLIENT_ID_KEY, id);
  return id;
}

/** Gives this installation a new sync identity (its history went back: docs/sync.md §Identities). */
export function replaceClientId(db: Executor, id: string): void {
  writeMeta(db, CLIENT_ID_KEY, id);
}

/**
 * The next `count` HLC timestamps, strictly increasing. The clock state is read and written once per change,
 * not once per field: each meta round trip through drizzle costs about a millisecond, and a new incubator has
 * 14 fields (the save target is p95 < 10 ms).
 */
function nextHlcs(db: Executor, node: string, nowMs: number, count: number): string[] {
  const stored = readMeta(db, HLC_KEY);
  let state: HlcState = stored ? { ...parseHlc(stored), node } : { millis: 0, counter: 0, node };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    state = tickHlc(state, nowMs);
    out.push(formatHlc(state));
  }
  if (out.length > 0) writeMeta(db, HLC_KEY, out[out.length - 1]!);
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The pending ops of one row that were never handed to the server (seq above the sent watermark), by field.
 * Only these may take a newer value in place (docs/history.md §One pending op per field): an op that was
 * sent may already be applied on the server, and changing it would make the server's "already have it"
 * answer drop the newer value.
 */
function unsentOpsByField(db: Executor, entity: string, rowId: string): Map<string, number> {
  const rows = db
    .select({ seq: outbox.seq, field: outbox.field })
    .from(outbox)
    .where(and(eq(outbox.entity, entity), eq(outbox.rowId, rowId), gt(outbox.seq, lastSentSeq(db))))
    .all();
  return new Map(rows.map((r) => [r.field, r.seq]));
}

/**
 * Writes the outbox ops (one pending op per changed field: a field that already waits, unsent, takes the new
 * value in place) and the audit entry of a change (an editing session of one record is one entry). Call it
 * inside the same transaction as the change itself, so either all of it lands or none does.
 * Returns the audit entry's id (0 when the change has none of its own), or null when nothing changed.
 */
export function recordChange(db: Executor, ctx: ChangeContext, change: Change): number | null {
  const changed = Object.keys(change.after).filter((k) => !sameValue(change.before[k], change.after[k]));
  if (changed.length === 0) return null;
  const node = clientId(db);
  const now = ctx.now();
  const at = now.toISOString();
  const hlcs = nextHlcs(db, node, now.getTime(), changed.length);
  const waiting = unsentOpsByField(db, change.entity, change.rowId);
  const fresh: (typeof outbox.$inferInsert)[] = [];
  changed.forEach((field, i) => {
    const newValue = JSON.stringify(change.after[field] ?? null);
    const seq = waiting.get(field);
    // The op keeps its seq (the server needs them gapless) and its base version (the edit began there), but takes
    // a new op id: should a lost copy of this file have sent the old one, the server sees another op under that
    // seq and asks for a new identity (docs/sync.md) instead of answering "already have it". The update goes
    // through the signed-row guard's UPDATE trigger like an insert does.
    if (seq !== undefined)
      db.update(outbox).set({ opId: randomUUID(), newValue, hlc: hlcs[i]!, schemaVersion: ctx.schemaVersion }).where(eq(outbox.seq, seq)).run();
    else
      fresh.push({
        opId: randomUUID(),
        clientId: node,
        entity: change.entity,
        rowId: change.rowId,
        field,
        baseVersion: change.baseVersion,
        newValue,
        hlc: hlcs[i]!,
        schemaVersion: ctx.schemaVersion,
        createdAt: at,
      });
  });
  // One multi-row insert: rows keep their order, so seq follows the HLC order.
  if (fresh.length > 0) db.insert(outbox).values(fresh).run();
  if (change.withoutAuditEntry) return 0;
  const pick = (values: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, values[k] ?? null]));
  const entry = coalescedAudit(db, {
    at,
    actor: ctx.actor,
    entity: change.entity,
    rowId: change.rowId,
    action: change.action,
    summary: change.summary,
    before: change.action === 'create' ? null : pick(change.audit?.before ?? change.before),
    after: pick(change.audit?.after ?? change.after),
  });
  return db.insert(auditLog).values(entry).returning({ id: auditLog.id }).get().id;
}
