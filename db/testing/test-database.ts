import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenedDatabase } from '../database.js';
import { openDatabase } from '../open-database.js';

/** A fresh database from the real generated migrations, in memory. Tests never build a schema by hand. */
export function openTestDatabase(): OpenedDatabase {
  return openDatabase({ file: ':memory:' });
}

/** A fresh temp folder for a test's data dir; call the returned cleanup in afterEach. */
export function makeTempDir(prefix = 'wb-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
