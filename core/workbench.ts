import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { AppStatus } from '../shared/contract/system-contract.js';
import { AppError } from '../shared/rpc/result.js';
import type { OpenedDatabase } from '../db/database.js';
import { DatabaseProblem, openDatabase } from '../db/open-database.js';
import { findMigrationsFolder, readSchemaVersion } from '../db/migrations-folder.js';
import { hasDailyBackupFor, pruneBackups, writeBackup } from '../db/backups.js';
import type { ChangeContext } from '../db/change-recorder.js';
import { DATABASE_FILE_NAME } from './data-paths.js';
import { APP_VERSION } from './app-version.js';

export type Shell = AppStatus['shell'];

export interface WorkbenchOptions {
  dataDir: string;
  shell: Shell;
  /** Who is recorded in the audit log. */
  actor?: string;
  now?: () => Date;
  /** Daily backups on open; off for throwaway test databases. */
  dailyBackups?: boolean;
}

const DAILY_BACKUPS_KEPT = 14;

/**
 * One open workbench: its data folder, its database (or the reason it could not be opened), and the context
 * every change is recorded with. The router holds one of these.
 */
export class Workbench {
  readonly dataDir: string;
  readonly databaseFile: string;
  readonly backupDir: string;
  readonly shell: Shell;
  readonly migrationsFolder = findMigrationsFolder();
  readonly schemaVersion = readSchemaVersion(this.migrationsFolder);
  private opened: OpenedDatabase | null = null;
  private problem: DatabaseProblem | null = null;
  private readonly options: WorkbenchOptions;

  constructor(options: WorkbenchOptions) {
    this.options = options;
    this.dataDir = options.dataDir;
    this.shell = options.shell;
    this.databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
    this.backupDir = join(options.dataDir, 'backups');
  }

  now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Opens the database; a problem is remembered (for the recovery screen), never thrown. */
  open(): this {
    this.close();
    try {
      this.opened = openDatabase({
        file: this.databaseFile,
        migrationsFolder: this.migrationsFolder,
        beforeMigrate: (sqlite) => writeBackup(sqlite, this.backupDir, 'before-migration', this.now()),
      });
      this.problem = null;
      if (this.options.dailyBackups !== false) this.dailyBackup();
    } catch (e) {
      if (!(e instanceof DatabaseProblem)) throw e;
      this.problem = e;
    }
    return this;
  }

  close(): void {
    this.opened?.sqlite.close();
    this.opened = null;
  }

  get database(): OpenedDatabase {
    if (!this.opened) {
      throw new AppError('unavailable', this.problem ? `数据库无法使用：${this.problem.message}` : '数据库尚未打开。');
    }
    return this.opened;
  }

  changeContext(): ChangeContext {
    return { actor: this.options.actor ?? '本机用户', schemaVersion: this.schemaVersion, now: () => this.now() };
  }

  /** One backup per calendar day, the newest 14 kept. A failed backup never stops the app. */
  dailyBackup(): void {
    if (!this.opened) return;
    const now = this.now();
    try {
      if (!hasDailyBackupFor(this.backupDir, now)) {
        writeBackup(this.opened.sqlite, this.backupDir, 'daily', now);
        pruneBackups(this.backupDir, 'daily', DAILY_BACKUPS_KEPT);
      }
    } catch (e) {
      console.error(`每日自动备份失败：${(e as Error).message}`);
    }
  }

  /** Sets the unusable database aside under a new name (kept, never deleted) and opens a fresh one. */
  startFresh(): string | null {
    this.close();
    let keptAs: string | null = null;
    if (existsSync(this.databaseFile)) {
      keptAs = join(this.dataDir, `workbench.unusable-${this.now().getTime()}.sqlite`);
      renameSync(this.databaseFile, keptAs);
      for (const suffix of ['-wal', '-shm']) {
        if (existsSync(this.databaseFile + suffix)) renameSync(this.databaseFile + suffix, keptAs + suffix);
      }
    }
    this.open();
    return keptAs;
  }

  status(): AppStatus {
    return {
      appVersion: APP_VERSION,
      schemaVersion: this.schemaVersion,
      shell: this.shell,
      dataDir: this.dataDir,
      databaseFile: this.databaseFile,
      database: this.problem
        ? { state: 'problem', problem: this.problem.problem, message: this.problem.message, keptFile: this.problem.file }
        : { state: 'ready' },
    };
  }
}
