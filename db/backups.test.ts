import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database, type OpenedDatabase } from './database.js';
import { hasDailyBackupFor, listBackups, pruneBackups, writeBackup, writeBackupTo } from './backups.js';
import { openDatabase } from './open-database.js';
import { makeTempDir } from './testing/test-database.js';

let dir: string;
let cleanup: () => void;
let db: OpenedDatabase;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir('wb-backups-'));
  db = openDatabase({ file: join(dir, 'workbench.sqlite') });
  db.sqlite.prepare("insert into meta (key, value) values ('probe', 'kept')").run();
});
afterEach(() => {
  db.sqlite.close();
  cleanup();
});

const day = (d: number, h = 9) => new Date(2026, 0, d, h, 30, 0);

describe('backups', () => {
  it('writes a consistent, readable copy named by reason and local time', () => {
    const b = writeBackup(db.sqlite, join(dir, 'backups'), 'manual', day(5));
    expect(b.name).toBe('workbench-manual-20260105-093000.sqlite');
    expect(b.reason).toBe('manual');
    expect(b.createdAt).toBe('2026-01-05T09:30:00');
    expect(b.sizeBytes).toBeGreaterThan(0);
    const copy = new Database(b.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare("select value from meta where key = 'probe'").get()).toEqual({ value: 'kept' });
    copy.close();
  });

  it('two backups in the same second get distinct names', () => {
    const a = writeBackup(db.sqlite, join(dir, 'backups'), 'manual', day(5));
    const b = writeBackup(db.sqlite, join(dir, 'backups'), 'manual', day(5));
    expect(a.name).not.toBe(b.name);
    expect(listBackups(join(dir, 'backups'))).toHaveLength(2);
  });

  it('lists newest first and ignores files that are not backups', () => {
    const bdir = join(dir, 'backups');
    writeBackup(db.sqlite, bdir, 'daily', day(3));
    writeBackup(db.sqlite, bdir, 'manual', day(4));
    writeBackup(db.sqlite, bdir, 'before-restore', day(2));
    writeFileSync(join(bdir, 'notes.txt'), 'x');
    writeFileSync(join(bdir, 'workbench-weekly-20260101-000000.sqlite'), 'x');
    expect(listBackups(bdir).map((b) => b.reason)).toEqual(['manual', 'daily', 'before-restore']);
    expect(listBackups(join(dir, 'none'))).toEqual([]);
  });

  it('knows whether today already has a daily backup (local day)', () => {
    const bdir = join(dir, 'backups');
    expect(hasDailyBackupFor(bdir, day(7))).toBe(false);
    writeBackup(db.sqlite, bdir, 'daily', day(7, 0));
    expect(hasDailyBackupFor(bdir, day(7, 23))).toBe(true);
    expect(hasDailyBackupFor(bdir, day(8, 0))).toBe(false);
    writeBackup(db.sqlite, bdir, 'manual', day(8));
    expect(hasDailyBackupFor(bdir, day(8))).toBe(false);
  });

  it('pruning keeps the newest N daily backups and never touches other kinds', () => {
    const bdir = join(dir, 'backups');
    for (let d = 1; d <= 20; d++) writeBackup(db.sqlite, bdir, 'daily', day(d));
    writeBackup(db.sqlite, bdir, 'manual', day(1, 8));
    writeBackup(db.sqlite, bdir, 'before-restore', day(1, 7));
    pruneBackups(bdir, 'daily', 14);
    const left = listBackups(bdir);
    const daily = left.filter((b) => b.reason === 'daily');
    expect(daily).toHaveLength(14);
    expect(daily[0]!.createdAt.startsWith('2026-01-20')).toBe(true);
    expect(daily[13]!.createdAt.startsWith('2026-01-07')).toBe(true);
    expect(left.filter((b) => b.reason !== 'daily')).toHaveLength(2);
  });

  it('backup to a chosen path refuses to overwrite an existing file', () => {
    const target = join(dir, 'copy.sqlite');
    writeBackupTo(db.sqlite, target);
    expect(existsSync(target)).toBe(true);
    expect(() => writeBackupTo(db.sqlite, target)).toThrow(/目标文件已存在/);
    expect(readdirSync(dir)).toContain('copy.sqlite');
  });
});
