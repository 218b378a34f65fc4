import { existsSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { SqliteHandle } from './database.js';

export type BackupReason = 'daily' | 'manual' | 'before-restore' | 'before-migration';
const REASONS: readonly BackupReason[] = ['daily', 'manual', 'before-restore', 'before-migration'];
const NAME = /^workbench-(daily|manual|before-restore|before-migration)-(\d{8})-(\d{6})(?:-\d+)?\.sqlite$/;

export interface BackupFile {
  name: string;
  path: string;
  reason: BackupReason;
  createdAt: string;
  sizeBytes: number;
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

function localDay(d: Date): string {
  return stamp(d).slice(0, 8);
}

/**
 * Writes a consistent copy of the open database with VACUUM INTO: it reads one snapshot, so saves made at the
 * same moment are either wholly in the copy or not at all.
 */
export function writeBackup(sqlite: SqliteHandle, dir: string, reason: BackupReason, now = new Date()): BackupFile {
  mkdirSync(dir, { recursive: true });
  let name = `workbench-${reason}-${stamp(now)}.sqlite`;
  for (let i = 2; existsSync(join(dir, name)); i++) name = `workbench-${reason}-${stamp(now)}-${i}.sqlite`;
  const path = join(dir, name);
  sqlite.prepare('VACUUM INTO ?').run(path);
  return describe(dir, name)!;
}

/** Copies the open database to any path (the command line's `backup <file>`). */
export function writeBackupTo(sqlite: SqliteHandle, path: string): void {
  if (existsSync(path)) throw new Error(`目标文件已存在：${path}。为防止覆盖，请换一个文件名。`);
  sqlite.prepare('VACUUM INTO ?').run(path);
}

function describe(dir: string, name: string): BackupFile | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const reason = m[1] as BackupReason;
  if (!REASONS.includes(reason)) return null;
  const d = m[2]!;
  const t = m[3]!;
  const createdAt = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}`;
  const path = join(dir, name);
  return { name, path, reason, createdAt, sizeBytes: statSync(path).size };
}

/** Newest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => describe(dir, name))
    .filter((b): b is BackupFile => b !== null)
    .sort((a, b) => (a.name < b.name ? 1 : -1))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export function hasDailyBackupFor(dir: string, now: Date): boolean {
  const day = localDay(now);
  return listBackups(dir).some((b) => b.reason === 'daily' && b.name.includes(`-${day}-`));
}

/** Keeps the newest `keep` daily backups; manual and safety copies are the user's to delete. */
export function pruneDailyBackups(dir: string, keep: number): void {
  const daily = listBackups(dir).filter((b) => b.reason === 'daily');
  for (const old of daily.slice(keep)) unlinkSync(old.path);
}
