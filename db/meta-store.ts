import { eq } from 'drizzle-orm';
import type { Executor } from './database.js';
import { meta } from './schema/index.js';

export function readMeta(db: Executor, key: string): string | null {
  return db.select({ value: meta.value }).from(meta).where(eq(meta.key, key)).get()?.value ?? null;
}

export function writeMeta(db: Executor, key: string, value: string): void {
  db.insert(meta).values({ key, value }).onConflictDoUpdate({ target: meta.key, set: { value } }).run();
}
