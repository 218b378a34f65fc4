// A process killed (SIGKILL) in the middle of a burst of saves leaves a database that passes
// PRAGMA integrity_check and holds every save that was acknowledged.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.js';
import { makeTempDir } from '../../db/testing/test-database.js';
import { Workbench } from '../../core/workbench.js';
import { bundleForNode } from '../support/bundle-for-node.js';

const root = join(import.meta.dirname, '..', '..');
const temps: (() => void)[] = [];
let child = '';
let removeBundle = () => {};
beforeAll(async () => {
  ({ file: child, cleanup: removeBundle } = await bundleForNode(join(root, 'tests', 'support', 'save-burst-child.ts')));
});
afterAll(() => removeBundle());
afterEach(() => {
  for (const c of temps.splice(0)) c();
});

interface Ack {
  id: string;
  i: number;
}

/** Runs the child until it has acknowledged `killAfter` saves, then SIGKILLs it. Returns the acks it printed. */
function burstAndKill(dataDir: string, seed: number, killAfter: number): Promise<{ acks: Ack[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dataDir, String(seed)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Ack[] = [];
    let buffer = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`child made only ${acks.length} saves in time; stderr: ${stderr}`));
    }, 20_000);
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ACK (\S+) (\d+)$/.exec(line);
        if (m) acks.push({ id: m[1]!, i: Number(m[2]) });
      }
      if (!killed && acks.length >= killAfter) {
        killed = true;
        proc.kill('SIGKILL');
      }
    });
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!killed) reject(new Error(`child exited by itself (code ${code}); stderr: ${stderr}`));
      else resolve({ acks, signal });
    });
  });
}

describe('SIGKILL during a burst of saves', () => {
  it('every acknowledged save survives and the database passes integrity_check', async () => {
    const { dir, cleanup } = makeTempDir('wb-kill-');
    temps.push(cleanup);
    const file = join(dir, 'workbench.sqlite');
    const allAcked = new Map<string, number>(); // id → index of the last acknowledged save of it
    // Several kills on the same data folder: each run starts from what the previous kill left behind.
    const killPoints = [20, 50, 90];
    for (const [seed, killAfter] of killPoints.entries()) {
      const { acks, signal } = await burstAndKill(dir, seed + 1, killAfter);
      expect(signal).toBe('SIGKILL');
      expect(acks.length).toBeGreaterThanOrEqual(killAfter);
      for (const a of acks) allAcked.set(a.id, a.i);

      // Opened raw, as the killed process left it (the -wal is recovered, nothing else is done to it).
      const raw = new Database(file);
      try {
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        const rows = raw.prepare('select id, legal_rep as legalRep from incubators').all() as { id: string; legalRep: string }[];
        const byId = new Map(rows.map((r) => [r.id, Number(r.legalRep.replace('法人', ''))]));
        for (const a of acks) {
          expect(byId.has(a.id), `acknowledged save ${a.id} is missing`).toBe(true);
        }
        // The stored version of each row is the last acknowledged one or a later one (saved but not yet acknowledged).
        for (const [id, lastAckedIndex] of new Map(acks.map((a) => [a.id, a.i]))) expect(byId.get(id)!).toBeGreaterThanOrEqual(lastAckedIndex);
        // Each acknowledged create has its audit entry and outbox ops (same transaction).
        const audited = new Set((raw.prepare("select row_id from audit_log where action = 'create'").all() as { row_id: string }[]).map((r) => r.row_id));
        const withOps = new Set((raw.prepare('select distinct row_id from outbox').all() as { row_id: string }[]).map((r) => r.row_id));
        for (const id of allAcked.keys()) {
          expect(audited.has(id)).toBe(true);
          expect(withOps.has(id)).toBe(true);
        }
        // And nothing half-written: every row has its create audit entry.
        for (const r of rows) expect(audited.has(r.id), `row ${r.id} has no audit entry`).toBe(true);
      } finally {
        raw.close();
      }
    }

    const wb = new Workbench({ dataDir: dir, shell: 'test', dailyBackups: false }).open();
    try {
      expect(wb.status().database).toEqual({ state: 'ready' });
    } finally {
      wb.close();
    }
  });
});
