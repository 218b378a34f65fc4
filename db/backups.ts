import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
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
  copyReadableByOwnerOnly(sqlite, path);
  return describe(dir, name)!;
}

/** Copies the open database to any path (the command line's `backup <file>`). */
export function writeBackupTo(sqlite: SqliteHandle, path: string): void {
  if (existsSync(path)) throw new Error(`目标文件已存在：${path}。为防止覆盖，请换一个文件名。`);
  copyReadableByOwnerOnly(sqlite, path);
}

/** A backup holds everything the user typed: readable by the user only (0600), like the secrets file. */
function copyReadableByOwnerOnly(sqlite: SqliteHandle, path: string): void {
  sqlite.prepare('VACUUM INTO ?').run(path);
  chmodSync(path, 0o600);
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

/**
 * Keeps the newest `keep` backups of one kind: daily ones (14) and manual ones (the number the user set, 30 unless
 * changed). Safety copies before a restore or a migration are the user's to delete.
 */
export function pruneBackups(dir: string, reason: 'daily' | 'manual', keep: number): void {
  const ofKind = listBackups(dir).filter((b) => b.reason === reason);
  for (const old of ofKind.slice(keep)) unlinkSync(old.path);
}

/** How many manual backups are kept unless the user sets another number. */
export const DEFAULT_MANUAL_BACKUPS_KEPT = 30;
