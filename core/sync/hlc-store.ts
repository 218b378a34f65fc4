import type { Executor } from '../../db/database.js';
import { readMeta, writeMeta } from '../../db/meta-store.js';
import { formatHlc, parseHlc, receiveHlc } from '../../shared/sync/hlc.js';

const HLC_KEY = 'hlc';

/** Merges the server's clock into ours (sync.md §4); throws HlcError on drift beyond 5 minutes or overflow. */
export function observeRemoteHlc(db: Executor, remote: string, clientId: string, nowMs: number): void {
  const stored = readMeta(db, HLC_KEY);
  const state = stored ? parseHlc(stored) : { millis: 0, counter: 0, node: clientId };
  const next = receiveHlc({ ...state, node: clientId }, parseHlc(remote), nowMs);
  writeMeta(db, HLC_KEY, formatHlc(next));
}
