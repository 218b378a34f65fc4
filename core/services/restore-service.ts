import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/rpc/result.js';
import { writeBackup } from '../../db/backups.js';
import type { Workbench } from '../workbench.js';
import { SYNC_KEYS } from '../../db/repositories/sync-state-repository.js';

/** Refuses a file that is not a healthy workbench database this version can read. Never modifies it. */
function verifyBackupFile(path: string, schemaVersion: number): void {
  if (!existsSync(path)) throw new AppError('not-found', `找不到备份文件：${path}`);
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
    const check = sqlite.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new AppError('validation', `备份文件已损坏（${String(check)}），未做恢复。`);
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    if (version > schemaVersion) {
      throw new AppError('validation', '此备份来自更新版本的工作台，请先升级工作台再恢复。');
    }
    const hasTable = sqlite.prepare("select 1 from sqlite_master where type='table' and name='incubators'").get();
    if (!hasTable) throw new AppError('validation', '这不是工作台的数据文件，未做恢复。');
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('validation', `无法读取备份文件（${(e as Error).message}），未做恢复。`);
  } finally {
    sqlite?.close();
  }
}

/**
 * A restored database's outbox numbering is older than what the sync server has received from this device: it
 * must sync under a new client identity, or its next edits would be numbered as ops the server already holds
 * (docs/sync.md §Identities). The mark is written into the copy before it becomes the database.
 */
function markHistoryWentBack(file: string): void {
  const sqlite = new Database(file);
  try {
    sqlite.prepare('insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value').run(SYNC_KEYS.identityReset, 'restore');
  } finally {
    sqlite.close();
  }
}

/**
 * Replaces the workbench database with a backup. The current database is first kept as a 'before-restore'
 * backup (or, when it cannot be read, renamed aside), so a restore can itself be undone.
 */
export function restoreDatabaseFrom(wb: Workbench, path: string): { restoredFrom: string; keptAs: string } {
  verifyBackupFile(path, wb.schemaVersion);
  let keptAs = '';
  const status = wb.status();
  if (status.database.state === 'ready') {
    keptAs = writeBackup(wb.database.sqlite, wb.backupDir, 'before-restore', wb.now()).name;
    wb.close();
  } else {
    wb.close();
    if (existsSync(wb.databaseFile)) {
      keptAs = `${wb.databaseFile}.unusable-${wb.now().getTime()}`;
      renameSync(wb.databaseFile, keptAs);
      // The unusable file's -wal may hold its last commits: keep it beside the file, not deleted below.
      for (const suffix of ['-wal', '-shm']) {
        if (existsSync(wb.databaseFile + suffix)) renameSync(wb.databaseFile + suffix, keptAs + suffix);
      }
    }
  }
  for (const suffix of ['-wal', '-shm']) rmSync(wb.databaseFile + suffix, { force: true });
  const temp = `${wb.databaseFile}.restoring`;
  copyFileSync(path, temp);
  markHistoryWentBack(temp);
  renameSync(temp, wb.databaseFile);
  wb.open();
  return { restoredFrom: basename(path), keptAs };
}
