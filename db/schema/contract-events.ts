import { index, text, sqliteTable } from 'drizzle-orm/sqlite-core';
import { CONTRACT_EVENTS, CONTRACT_STATUSES } from '../../shared/contract-terms/contract-lifecycle.js';
import { syncColumns } from './sync-columns.js';

/**
 * The contract's lifecycle (docs/contract-lifecycle.md), one row per move: appended, never edited, synced like any
 * row. Kept apart from the contract's own row because a signed contract's row is locked (the signed guard) while
 * it still takes effect, is renewed or expires. The current status is the last move's `toStatus`.
 */
export const contractEvents = sqliteTable(
  'contract_events',
  {
    ...syncColumns(),
    contractId: text('contract_id').notNull(),
    event: text('event', { enum: CONTRACT_EVENTS }).notNull(),
    fromStatus: text('from_status', { enum: CONTRACT_STATUSES }).notNull(),
    toStatus: text('to_status', { enum: CONTRACT_STATUSES }).notNull(),
    /** When it happened (ISO date), not when it was typed. */
    date: text('date').notNull(),
    reason: text('reason').notNull().default(''),
    recordedBy: text('recorded_by').notNull(),
    successorId: text('successor_id'),
  },
  (t) => [index('contract_events_contract_idx').on(t.contractId, t.date)],
);

/** A reminder (contract-reminders.ts) marked done, by its stable key: it is not shown again on any device. */
export const remindersDone = sqliteTable('reminders_done', {
  ...syncColumns(),
  reminderKey: text('reminder_key').notNull(),
  contractId: text('contract_id').notNull(),
});

/**
 * 第六条's change requests and their answers (docs/contract-lifecycle.md), appended like the moves: a `request` row
 * (who asked, when it was received, what) and later an `answer` row pointing at it. Appended rather than edited,
 * so two devices recording at once never overwrite each other.
 */
export const contractChangeRequests = sqliteTable(
  'contract_change_requests',
  {
    ...syncColumns(),
    contractId: text('contract_id').notNull(),
    entry: text('entry', { enum: ['request', 'answer'] }).notNull(),
    /** The request an answer answers; null on a request. */
    requestId: text('request_id'),
    /** Who asked (requests only): 甲方 or 乙方 (the agency). */
    raisedBy: text('raised_by', { enum: ['partyA', 'partyB'] }),
    /** ISO date the request was received, or the answer given. */
    date: text('date').notNull(),
    content: text('content').notNull().default(''),
  },
  (t) => [index('contract_change_requests_contract_idx').on(t.contractId)],
);
