// The contract's lifecycle moves and the reminders marked done: appended rows, each with its outbox ops and audit
// entry in the same transaction (docs/contract-lifecycle.md).
import { randomUUID } from 'node:crypto';
import { asc, isNull, and, eq } from 'drizzle-orm';
import type { ContractTransition } from '../../shared/contract-terms/index.js';
import type { Executor } from '../database.js';
import { type ChangeContext, recordChange } from '../change-recorder.js';
import { contractChangeRequests, contractEvents, remindersDone } from '../schema/index.js';

export interface StoredTransition extends ContractTransition {
  id: string;
  contractId: string;
  recordedAt: string;
}

type EventRow = typeof contractEvents.$inferSelect;

function toTransition(r: EventRow): StoredTransition {
  return {
    id: r.id,
    contractId: r.contractId,
    event: r.event,
    from: r.fromStatus,
    to: r.toStatus,
    date: r.date,
    reason: r.reason,
    by: r.recordedBy,
    recordedAt: r.createdAt,
    ...(r.successorId ? { successorId: r.successorId } : {}),
  };
}

/** Every contract's moves, in the order they happened (by date, then as recorded), grouped by contract. */
export function allTransitions(db: Executor): Map<string, StoredTransition[]> {
  const rows = db.select().from(contractEvents).where(isNull(contractEvents.deletedAt)).orderBy(asc(contractEvents.date), asc(contractEvents.createdAt)).all();
  const out = new Map<string, StoredTransition[]>();
  for (const r of rows) {
    const list = out.get(r.contractId) ?? [];
    list.push(toTransition(r));
    out.set(r.contractId, list);
  }
  return out;
}

export function transitionsOf(db: Executor, contractId: string): StoredTransition[] {
  return db
    .select()
    .from(contractEvents)
    .where(and(eq(contractEvents.contractId, contractId), isNull(contractEvents.deletedAt)))
    .orderBy(asc(contractEvents.date), asc(contractEvents.createdAt))
    .all()
    .map(toTransition);
}

export function appendTransition(db: Executor, ctx: ChangeContext, contractId: string, t: ContractTransition, summary: string): StoredTransition {
  const now = ctx.now().toISOString();
  const id = randomUUID();
  const row = {
    contractId,
    event: t.event,
    fromStatus: t.from,
    toStatus: t.to,
    date: t.date,
    reason: t.reason,
    recordedBy: t.by,
    successorId: t.successorId ?? null,
  };
  db.insert(contractEvents).values({ id, version: 0, createdAt: now, updatedAt: now, ...row }).run();
  recordChange(db, ctx, { entity: 'contract_events', rowId: id, action: 'create', baseVersion: 0, before: {}, after: row, summary });
  return { id, contractId, ...t, recordedAt: now };
}

export function doneReminderKeys(db: Executor): Set<string> {
  return new Set(db.select({ key: remindersDone.reminderKey }).from(remindersDone).where(isNull(remindersDone.deletedAt)).all().map((r) => r.key));
}

export function markReminderDone(db: Executor, ctx: ChangeContext, contractId: string, reminderKey: string, summary: string): void {
  if (doneReminderKeys(db).has(reminderKey)) return;
  const now = ctx.now().toISOString();
  const id = randomUUID();
  const row = { reminderKey, contractId };
  db.insert(remindersDone).values({ id, version: 0, createdAt: now, updatedAt: now, ...row }).run();
  recordChange(db, ctx, { entity: 'reminders_done', rowId: id, action: 'create', baseVersion: 0, before: {}, after: row, summary });
}

/** A 第六条 change request with its answer, when one was recorded. */
export interface StoredChangeRequest {
  id: string;
  contractId: string;
  raisedBy: 'partyA' | 'partyB';
  receivedDate: string;
  content: string;
  answeredDate: string | null;
  answer: string;
}

/** Every contract's change requests (by date received), each joined with its answer, grouped by contract. */
export function allChangeRequests(db: Executor): Map<string, StoredChangeRequest[]> {
  const rows = db
    .select()
    .from(contractChangeRequests)
    .where(isNull(contractChangeRequests.deletedAt))
    .orderBy(asc(contractChangeRequests.date), asc(contractChangeRequests.createdAt))
    .all();
  const answers = new Map(rows.filter((r) => r.entry === 'answer' && r.requestId).map((r) => [r.requestId!, r]));
  const out = new Map<string, StoredChangeRequest[]>();
  for (const r of rows) {
    if (r.entry !== 'request') continue;
    const answer = answers.get(r.id);
    const list = out.get(r.contractId) ?? [];
    list.push({
      id: r.id,
      contractId: r.contractId,
      raisedBy: r.raisedBy ?? 'partyA',
      receivedDate: r.date,
      content: r.content,
      answeredDate: answer?.date ?? null,
      answer: answer?.content ?? '',
    });
    out.set(r.contractId, list);
  }
  return out;
}

type ChangeEntry = Pick<typeof contractChangeRequests.$inferInsert, 'contractId' | 'entry' | 'requestId' | 'raisedBy' | 'date' | 'content'>;

/** Appends a request or an answer, with its outbox op and audit entry. */
export function appendChangeEntry(db: Executor, ctx: ChangeContext, row: ChangeEntry, summary: string): string {
  const now = ctx.now().toISOString();
  const id = randomUUID();
  db.insert(contractChangeRequests).values({ id, version: 0, createdAt: now, updatedAt: now, ...row }).run();
  recordChange(db, ctx, { entity: 'contract_change_requests', rowId: id, action: 'create', baseVersion: 0, before: {}, after: row, summary });
  return id;
}
