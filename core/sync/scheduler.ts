// Syncing by itself (the item 3): after each change (debounced), every few minutes, and as soon as the
// server is reachable again; one sync at a time (the engine shares a running sync); exponential backoff on failure.
import { pendingOpCount, readSyncSettings } from '../../db/repositories/sync-state-repository.js';
import type { SyncEngine } from './engine.js';
import type { WorkbenchDb } from '../../db/database.js';

export interface AutoSyncOptions {
  debounceMs?: number;
  periodMs?: number;
  pollMs?: number;
  maxBackoffMs?: number;
}

export class AutoSync {
  private timer: NodeJS.Timeout | null = null;
  private lastPending = -1;
  private changedAt = 0;
  private lastRun = 0;
  private failures = 0;
  private nextAllowed = 0;
  private readonly o: Required<AutoSyncOptions>;

  constructor(
    private readonly db: () => WorkbenchDb | null,
    private readonly engine: () => SyncEngine | null,
    options: AutoSyncOptions = {},
  ) {
    this.o = { debounceMs: 3_000, periodMs: 3 * 60_000, pollMs: 1_000, maxBackoffMs: 5 * 60_000, ...options };
  }

  start(): this {
    if (!this.timer) {
      this.timer = setInterval(() => void this.tick(), this.o.pollMs);
      this.timer.unref();
    }
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async tick(): Promise<void> {
    const db = this.db();
    const engine = this.engine();
    if (!db || !engine || engine.isRunning) return;
    let pending: number;
    try {
      const settings = readSyncSettings(db);
      if (!settings.serverUrl || !settings.token) return;
      pending = pendingOpCount(db);
    } catch {
      return; // database closed or being restored
    }
    const now = Date.now();
    if (pending !== this.lastPending) {
      if (pending > this.lastPending) this.changedAt = now;
      this.lastPending = pending;
    }
    if (now < this.nextAllowed) return;
    // A change not yet covered by a sync that started after it, and quiet for the debounce time.
    const dueToChange = pending > 0 && this.changedAt > this.lastRun && now - this.changedAt >= this.o.debounceMs;
    const dueToPeriod = now - this.lastRun >= this.o.periodMs;
    // While failing (offline), retrying on the backoff schedule is the reachability probe.
    const dueToRetry = this.failures > 0;
    if (!dueToChange && !dueToPeriod && !dueToRetry) return;
    this.lastRun = now;
    try {
      await engine.sync();
      this.failures = 0;
      this.nextAllowed = 0;
    } catch {
      this.failures += 1;
      this.nextAllowed = Date.now() + Math.min(this.o.maxBackoffMs, 2_000 * 2 ** Math.min(this.failures, 10));
    }
  }
}
