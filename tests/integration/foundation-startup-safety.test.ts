// Start-up safety: a bad database file is never overwritten, the workbench says what is wrong, and the user
// can start fresh (the bad file kept) or restore a backup (the current state kept as a backup first).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.js';
import { Workbench } from '../../core/workbench.js';
import { createWorkbenchRouter } from '../../core/create-handlers.js';
import { makeTempDir } from '../../db/testing/test-database.js';
import { sampleIncubator } from '../support/sample-incubator.js';
import { migrationsUpTo } from '../support/partial-migrations.js';
import { openDatabase } from '../../db/open-database.js';

const temps: (() => void)[] = [];
const open: Workbench[] = [];
afterEach(() => {
  for (const wb of open.splice(0)) wb.close();
  for (const c of temps.splice(0)) c();
});
function dataDir(): string {
  const t = makeTempDir('wb-safety-');
  temps.push(t.cleanup);
  return t.dir;
}
function workbench(dir: string, now?: () => Date, dailyBackups = false) {
  const wb = new Workbench({ dataDir: dir, shell: 'test', dailyBackups, ...(now ? { now } : {}) }).open();
  open.push(wb);
  const router = createWorkbenchRouter(wb);
  const call = async (method: string, input: unknown = {}) => router.dispatch(method, input);
  const value = async <T = unknown>(method: string, input: unknown = {}): Promise<T> => {
    const r = await call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  return { wb, call, value };
}

/** A data folder with a real database holding `n` incubators, closed. */
async function populated(n: number): Promise<string> {
  const dir = dataDir();
  const { wb, value } = workbench(dir);
  for (let i = 0; i < n; i++) await value('incubators.save', { values: sampleIncubator(i) });
  wb.close();
  return dir;
}
const dbFile = (dir: string) => join(dir, 'workbench.sqlite');

describe.each([
  ['random bytes', (file: string) => writeFileSync(file, randomBytes(32 * 1024)), 'corrupt'],
  ['a truncated real database', (file: string) => truncateSync(file, 3 * 4096 + 17), 'corrupt'],
  [
    'a database from a newer version',
    (file: string) => {
      const raw = new Database(file);
      raw.pragma(`user_version = ${(raw.pragma('user_version', { simple: true }) as number) + 5}`);
      raw.close();
    },
    'newer-version',
  ],
] as const)('start-up with %s', (_label, spoil, problem) => {
  it('never touches the file, reports it in system.status, and refuses data calls', async () => {
    const dir = await populated(40);
    spoil(dbFile(dir));
    const bytes = readFileSync(dbFile(dir));
    const { call, value } = workbench(dir, undefined, true);

    const status = await value<{ database: { state: string; problem: string; message: string; keptFile: string } }>('system.status');
    expect(status.database.state).toBe('problem');
    expect(status.database.problem).toBe(problem);
    expect(status.database.message).toMatch(/[\u4e00-\u9fff]/);
    expect(status.database.keptFile).toBe(dbFile(dir));

    const list = await call('incubators.list', {});
    expect(list.ok).toBe(false);
    if (!list.ok) {
      expect(list.error.kind).toBe('unavailable');
      expect(list.error.message).toContain('数据库无法使用');
    }
    expect((await call('incubators.save', { values: sampleIncubator(99) })).ok).toBe(false);
    expect(readFileSync(dbFile(dir)).equals(bytes)).toBe(true);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('system.startFresh keeps the bad file under a new name and opens an empty database', async () => {
    const dir = await populated(10);
    spoil(dbFile(dir));
    const bytes = readFileSync(dbFile(dir));
    const { value } = workbench(dir, () => new Date(Date.parse('2026-06-01T00:00:00Z')));
    const status = await value<{ database: { state: string } }>('system.startFresh');
    expect(status.database).toEqual({ state: 'ready' });
    const kept = readdirSync(dir).filter((n) => n.startsWith('workbench.unusable-') && n.endsWith('.sqlite'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0]!)).equals(bytes)).toBe(true);
    expect(await value<unknown[]>('incubators.list', {})).toEqual([]);
  });
});

describe('system.startFresh on a healthy database', () => {
  it('is refused, and nothing is moved aside', async () => {
    const dir = await populated(2);
    const { call, value } = workbench(dir);
    const r = await call('system.startFresh');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('validation');
      expect(r.error.message).toContain('数据库运行正常');
    }
    expect(readdirSync(dir).filter((n) => n.includes('unusable'))).toEqual([]);
    expect(await value<unknown[]>('incubators.list', {})).toHaveLength(2);
  });
});

describe('daily backups', () => {
  it('one per day, however often the app opens, and the newest 14 kept', async () => {
    const dir = await populated(2);
    let now = new Date(2026, 6, 1, 9, 0, 0);
    const daily = () => readdirSync(join(dir, 'backups')).filter((n) => n.startsWith('workbench-daily-')).sort();
    workbench(dir, () => now, true).wb.close();
    workbench(dir, () => now, true).wb.close();
    now = new Date(2026, 6, 1, 23, 59, 0);
    workbench(dir, () => now, true).wb.close();
    expect(daily()).toEqual(['workbench-daily-20260701-090000.sqlite']);

    for (let d = 2; d <= 20; d++) {
      now = new Date(2026, 6, d, 8, 0, 0);
      const { wb } = workbench(dir, () => now, true);
      wb.dailyBackup(); // the hourly timer: no second copy the same day
      wb.close();
    }
    const left = daily();
    expect(left).toHaveLength(14);
    expect(left[0]).toBe('workbench-daily-20260707-080000.sqlite');
    expect(left[13]).toBe('workbench-daily-20260720-080000.sqlite');
  });

  it('a database made by the previous day is backed up on the next day through the hourly check', async () => {
    const dir = await populated(1);
    let now = new Date(2026, 6, 1, 23, 30, 0);
    const { wb } = workbench(dir, () => now, true);
    now = new Date(2026, 6, 2, 0, 30, 0);
    wb.dailyBackup();
    expect(readdirSync(join(dir, 'backups')).filter((n) => n.startsWith('workbench-daily-'))).toHaveLength(2);
  });
});

describe('backups.restore', () => {
  it('restores a backup and keeps the pre-restore state as a backup', async () => {
    const dir = await populated(3);
    const { value } = workbench(dir, () => new Date(2026, 7, 1, 10, 0, 0));
    const backup = await value<{ name: string; reason: string }>('backups.create');
    expect(backup.reason).toBe('manual');
    await value('incubators.save', { values: sampleIncubator(50) });
    expect(await value<unknown[]>('incubators.list', {})).toHaveLength(4);

    const result = await value<{ restoredFrom: string; keptAs: string }>('backups.restore', { name: backup.name });
    expect(result.restoredFrom).toBe(backup.name);
    expect(result.keptAs).toMatch(/^workbench-before-restore-/);
    expect(await value<unknown[]>('incubators.list', {})).toHaveLength(3);

    const list = await value<{ name: string; reason: string }[]>('backups.list');
    expect(list.map((b) => b.reason).sort()).toEqual(['before-restore', 'manual']);
    // The pre-restore copy holds the 4th incubator, so the restore can itself be undone.
    const kept = new Database(join(dir, 'backups', result.keptAs), { readonly: true });
    expect((kept.prepare('select count(*) as n from incubators').get() as { n: number }).n).toBe(4);
    kept.close();

    await value('backups.restore', { name: result.keptAs });
    expect(await value<unknown[]>('incubators.list', {})).toHaveLength(4);
  });

  it('a bad backup file is refused and the current database stays as it was', async () => {
    const dir = await populated(3);
    const { wb, call, value } = workbench(dir);
    const name = 'workbench-manual-20260801-100000.sqlite';
    const backups = join(dir, 'backups');
    mkdirSync(backups, { recursive: true });
    writeFileSync(join(backups, name), randomBytes(20_000));
    const r = await call('backups.restore', { name });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('validation');
      expect(r.error.message).toContain('未做恢复');
    }
    expect(wb.status().database).toEqual({ state: 'ready' });
    expect(await value<unknown[]>('incubators.list', {})).toHaveLength(3);
    expect(readdirSync(backups)).toEqual([name]);
  });

  it('a backup that is not a workbench database, or from a newer version, is refused', async () => {
    const dir = await populated(1);
    const { call, value } = workbench(dir);
    const backups = join(dir, 'backups');
    mkdirSync(backups, { recursive: true });
    const other = new Database(join(backups, 'workbench-manual-20260801-100000.sqlite'));
    other.exec('create table notes (x)');
    other.close();
    const newer = new Database(join(backups, 'workbench-manual-20260802-100000.sqlite'));
    newer.exec('create table incubators (x)');
    newer.pragma('user_version = 999');
    newer.close();
    for (const name of ['workbench-manual-20260801-100000.sqlite', 'workbench-manual-20260802-100000.sqlite']) {
      const r = await call('backups.restore', { name });
      expect(r.ok).toBe(false);
    }
    expect(await value<unknown[]>('incubators.list', {})).toHaveLength(1);
  });

  it('a backup from an older schema version is restored and migrated to the current one', async () => {
    const dir = dataDir();
    const backups = join(dir, 'backups');
    mkdirSync(backups, { recursive: true });
    const name = 'workbench-manual-20250101-100000.sqlite';
    const old = openDatabase({ file: join(backups, name), migrationsFolder: migrationsUpTo(1, dir) });
    old.sqlite
      .prepare("insert into incubators (id, created_at, updated_at, name, search_text) values ('old-1', '2025-01-01', '2025-01-01', '旧版本孵化器', '旧版本孵化器')")
      .run();
    old.sqlite.pragma('journal_mode = DELETE');
    old.sqlite.close();

    const { wb, value } = workbench(dir);
    await value('backups.restore', { name });
    expect(wb.database.sqlite.pragma('user_version', { simple: true })).toBe(wb.schemaVersion);
    expect((await value<{ name: string }[]>('incubators.list', {})).map((i) => i.name)).toEqual(['旧版本孵化器']);
    if (wb.schemaVersion > 1) {
      expect((await value<{ reason: string }[]>('backups.list')).map((b) => b.reason)).toContain('before-migration');
    }
  });

  it('an unknown backup name is not-found (no path tricks)', async () => {
    const dir = await populated(1);
    const { call } = workbench(dir);
    const r = await call('backups.restore', { name: '../workbench.sqlite' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('not-found');
  });

  it('restore works from the recovery state too (a corrupt database is kept aside)', async () => {
    const dir = await populated(2);
    const first = workbench(dir);
    const backup = await first.value<{ name: string }>('backups.create');
    first.wb.close();
    writeFileSync(dbFile(dir), randomBytes(8192));
    const { wb, value } = workbench(dir);
    expect(wb.status().database.state).toBe('problem');
    const result = await value<{ keptAs: string }>('backups.restore', { name: backup.name });
    expect(result.keptAs).toContain('unusable');
    expect(existsSync(result.keptAs)).toBe(true);
    expect(wb.status().database).toEqual({ state: 'ready' });
    expect(await value<unknown[]>('incubators.list', {})).toHaveLength(2);
  });
});
