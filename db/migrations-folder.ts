import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds db/migrations from wherever this code runs: the source tree (tests), dist/node (built app and CLI),
 * or the packaged app's resources. Walks up from this module until it sees the drizzle journal.
 */
export function findMigrationsFolder(startDir = dirname(fileURLToPath(import.meta.url))): string {
  const override = process.env.WORKBENCH_MIGRATIONS_DIR;
  if (override) return override;
  let dir = startDir;
  for (let i = 0; i < 8; i++) {
    for (const candidate of [join(dir, 'migrations'), join(dir, 'db', 'migrations')]) {
      if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('找不到数据库迁移文件（db/migrations），安装可能不完整，请重新安装。');
}

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

/** The schema version this build of the app writes: the number of generated migrations. */
export function readSchemaVersion(migrationsFolder: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries.length;
}
