import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../../db/testing/test-database.js';
import { writeMeta } from '../../db/meta-store.js';
import { SYNC_KEYS, writeSyncToken } from '../../db/repositories/sync-state-repository.js';
import { recordChange } from '../../db/change-recorder.js';
import type { OpenedDatabase } from '../../db/database.js';
import type { SyncEngine } from './engine.js';
import { AutoSync } from './scheduler.js';

/** A stand-in engine that counts syncs, can fail, and shares a running sync like the real one. */
function fakeEngine(outcomes: boolean[]) {
  let running: Promise<void> | null = null;
  const engine = {
    calls: 0,
    concurrent: 0,
    maxConcurrent: 0,
    get isRunning() {
      return running !== null;
    },
    sync() {
      if (running) return running;
      engine.calls += 1;
      engine.concurrent += 1;
      engine.maxConcurrent = Math.max(engine.maxConcurrent, engine.concurrent);
      const ok = outcomes.shift() ?? true;
      running = new Promise<void>((resolve, reject) =>
        setTimeout(() => {
          engine.concurrent -= 1;
          running = null;
          if (ok) resolve();
          else reject(new Error('offline'));
        }, 500),
      );
      return running;
    },
  };
  return engine;
}

describe('AutoSync', () => {
  let opened: OpenedDatabase;
  beforeEach(() => {
    vi.useFakeTimers();
    opened = openTestDatabase();
    writeMeta(opened.db, SYNC_KEYS.serverUrl, 'http://sync.test');
    writeSyncToken(opened.db, 't');
  });
  afterEach(() => {
    vi.useRealTimers();
    opened.sqlite.close();
  });

  const edit = (n: number) =>
    recordChange(opened.db, { actor: 't', schemaVersion: 1, now: () => new Date() }, {
      entity: 'incubators',
      rowId: `r${n}`,
      action: 'update',
      baseVersion: 0,
      before: { name: 'a' },
      after: { name: `b${n}` },
      summary: 'x',
    });

  it('syncs after changes (debounced), periodically, one at a time, and backs off while failing', async () => {
    const engine = fakeEngine([true, false, false, true]);
    const auto = new AutoSync(() => opened.db, () => engine as unknown as SyncEngine, { debounceMs: 3_000, periodMs: 60_000, pollMs: 1_000 }).start();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(engine.calls).toBe(1); // the first periodic sync at start
    await vi.advanceTimersByTimeAsync(5_000);
    expect(engine.calls).toBe(1);
    // A burst of edits leads to one sync, 3 s after the last one.
    edit(1);
    await vi.advanceTimersByTimeAsync(1_000);
    edit(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(engine.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(2_500);
    expect(engine.calls).toBe(2); // fails (offline)
    // Backoff: retries come further and further apart, never two at a time.
    await vi.advanceTimersByTimeAsync(3_000);
    const afterFirstRetryWindow = engine.calls;
    await vi.advanceTimersByTimeAsync(30_000);
    // 2nd failure, then a success at the next backoff step; nothing more until something changes.
    expect(engine.calls).toBeGreaterThanOrEqual(afterFirstRetryWindow);
    expect(engine.calls).toBe(4);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(engine.calls).toBe(4);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(engine.calls).toBe(5); // the periodic sync
    expect(engine.maxConcurrent).toBe(1);
    auto.stop();
  });
});
