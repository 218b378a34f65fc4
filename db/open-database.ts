import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { Database, type OpenedDatabase, type SqliteHandle, wrapDrizzle } from './database.js';
import { findMigrationsFolder, readSchemaVersion } from './migrations-folder.js';
import { attachSecretStore, fileSecretStore, memorySecretStore, moveSecretsOutOfDatabase, secretsFileOf } from './secret-store.js';

/** Secrets older versions kept in `meta`, by meta key → secret name (docs/sync.md §Secrets). */
const LEGACY_SECRETS_IN_META: Record<string, string> = { 'sync.token': 'sync-token' };

export type DatabaseProblemKind = 'corrupt' | 'newer-version' | 'unreadable';

/** The database file exists but must not be used. The file is left exactly as it was. */
export class DatabaseProblem extends Error {
  constructor(
    readonly problem: DatabaseProblemKind,
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'DatabaseProblem';
  }
}

export interface OpenOptions {
  file: string; // a path, or ':memory:'
  migrationsFolder?: string;
  /** Called with the open handle before pending migrations run on an existing database (to back it up). */
  beforeMigrate?: (sqlite: SqliteHandle, fromVersion: number, toVersion: number) => void;
}

function checkIntegrity(sqlite: SqliteHandle, file: string): void {
  let rows: { integrity_check: string }[];
  try {
    rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  } catch (e) {
    throw new DatabaseProblem('corrupt', `数据库文件已损坏或不是本软件的数据文件（${(e as Error).message}）。`, file);
  }
  const first = rows[0]?.integrity_check;
  if (first !== 'ok') {
    throw new DatabaseProblem('corrupt', `数据库完整性检查未通过：${rows.map((r) => r.integrity_check).slice(0, 3).join('；')}`, file);
  }
}

/** Integrity and version checks of an existing file, read-only; returns its user_version. */
function checkExistingFile(file: string, schemaVersion: number): number {
  let reader: SqliteHandle;
  try {
    reader = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new DatabaseProblem('unreadable', `无法打开数据库文件：${(e as Error).message}`, file);
  }
  try {
    checkIntegrity(reader, file);
    const found = reader.pragma('user_version', { simple: true }) as number;
    if (found > schemaVersion) {
      throw new DatabaseProblem(
        'newer-version',
        `此数据库由更新版本的工作台创建（数据结构版本 ${found}，本程序支持到 ${schemaVersion}）。请升级工作台；原文件未做任何改动。`,
        file,
      );
    }
    return found;
  } finally {
    reader.close();
  }
}

function applyPragmas(sqlite: SqliteHandle): void {
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged save survives a power cut, not just a killed process. Laptops run out of battery.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

/**
 * Opens (or creates) the workbench database: integrity check, refusal of a newer schema, then the generated
 * migrations. A file that fails a check is closed untouched and reported as a DatabaseProblem.
 */
export function openDatabase(options: OpenOptions): OpenedDatabase {
  const migrationsFolder = options.migrationsFolder ?? findMigrationsFolder();
  const schemaVersion = readSchemaVersion(migrationsFolder);
  const isMemory = options.file === ':memory:';
  const existed = !isMemory && existsSync(options.file);
  if (!isMemory) mkdirSync(dirname(options.file), { recursive: true });

  // The checks run on a read-only connection: closing a read-write connection checkpoints a leftover -wal into
  // the main file and deletes it, which would rewrite a file we are about to refuse.
  const found = existed ? checkExistingFile(options.file, schemaVersion) : 0;

  let sqlite: SqliteHandle;
  try {
    sqlite = new Database(options.file);
  } catch (e) {
    throw new DatabaseProblem('unreadable', `无法打开数据库文件：${(e as Error).message}`, options.file);
  }
  try {
    if (existed && found < schemaVersion && found > 0) options.beforeMigrate?.(sqlite, found, schemaVersion);
    applyPragmas(sqlite);
    const db = wrapDrizzle(sqlite);
    migrate(db, { migrationsFolder });
    sqlite.pragma(`user_version = ${schemaVersion}`);
    attachSecretStore(db, isMemory ? memorySecretStore() : fileSecretStore(secretsFileOf(options.file)));
    const opened = { sqlite, db, file: options.file, schemaVersion };
    moveSecretsOutOfDatabase(opened, LEGACY_SECRETS_IN_META);
    return opened;
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
