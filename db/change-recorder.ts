import { randomUUID } from 'node:crypto';
import { formatHlc, type HlcState, parseHlc, tickHlc } from '../shared/sync/hlc.js';
import type { Executor } from './database.js';
import { readMeta, writeMeta } from './meta-store.js';
import { auditLog, outbox } from './schema/index.js';

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
 * Writes the outbox ops (one per changed field) and the audit entry of a change. Call it inside the same
 * transaction as the change itself, so either all three land or none does.
 * Returns the audit entry's id, or null when nothing changed.
 */
export function recordChange(db: Executor, ctx: ChangeContext, change: Change): number | null {
  const changed = Object.keys(change.after).filter((k) => !sameValue(change.before[k], change.after[k]));
  if (changed.length === 0) return null;
  const node = clientId(db);
  const now = ctx.now();
  const at = now.toISOString();
  const hlcs = nextHlcs(db, node, now.getTime(), changed.length);
  // One multi-row insert: rows keep their order, so seq follows the HLC order.
  db.insert(outbox)
    .values(
      changed.map((field, i) => ({
        opId: randomUUID(),
        clientId: node,
        entity: change.entity,
        rowId: change.rowId,
        field,
        baseVersion: change.baseVersion,
        newValue: JSON.stringify(change.after[field] ?? null),
        hlc: hlcs[i]!,
        schemaVersion: ctx.schemaVersion,
        createdAt: at,
      })),
    )
    .run();
  const pick = (values: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, values[k] ?? null]));
  const row = db
    .insert(auditLog)
    .values({
      at,
      actor: ctx.actor,
      entity: change.entity,
      rowId: change.rowId,
      action: change.action,
      summary: change.summary,
      before: change.action === 'create' ? null : JSON.stringify(pick(change.before)),
      after: JSON.stringify(pick(change.after)),
    })
    .returning({ id: auditLog.id })
    .get();
  return row.id;
}
