// The highest outbox seq ever handed to the server (docs/history.md §One pending op per field). Ops above it
// were never sent and may still take a newer value in place; ops at or below it are frozen.
import type { Executor } from './database.js';
import { readMeta, writeMeta } from './meta-store.js';

const SENT_SEQ_KEY = 'sync.sent_seq';

export function lastSentSeq(db: Executor): number {
  const stored = readMeta(db, SENT_SEQ_KEY);
  return stored === null ? 0 : Number(stored);
}

/**
 * Called by the sync engine before a push leaves the device: from here on these ops are frozen, whatever the
 * answer (a lost answer still may mean the server applied them).
 */
export function markOpsSent(db: Executor, upToSeq: number): void {
  if (upToSeq > lastSentSeq(db)) writeMeta(db, SENT_SEQ_KEY, String(upToSeq));
}
