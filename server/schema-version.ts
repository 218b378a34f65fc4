import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The client schema version this server release speaks (sync.md §9): the number of the app's local migrations
 * (db/migrations, shipped beside the server in the same release), or SYNC_SCHEMA_VERSION. Ops of this version
 * and of the previous one are accepted.
 */
export function defaultSchemaVersion(startDir = dirname(fileURLToPath(import.meta.url))): number {
  const fromEnv = Number(process.env.SYNC_SCHEMA_VERSION);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  let dir = startDir;
  for (let i = 0; i < 8; i++) {
    for (const c of [join(dir, 'db', 'migrations'), join(dir, 'migrations')]) {
      const journal = join(c, 'meta', '_journal.json');
      if (existsSync(journal)) {
        const parsed = JSON.parse(readFileSync(journal, 'utf8')) as { dialect?: string; entries: unknown[] };
        if (parsed.dialect === 'sqlite') return parsed.entries.length;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('找不到工作台的数据库迁移文件（db/migrations），无法确定数据版本；请设置 SYNC_SCHEMA_VERSION。');
}
