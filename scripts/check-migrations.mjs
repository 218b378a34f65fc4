#!/usr/bin/env node
// `npm run db:check`: fails when db/schema and the generated migrations in db/migrations disagree, i.e. when
// someone changed the schema without running `npm run db:generate` (or hand-edited a migration snapshot).
// It runs `drizzle-kit generate` against a temporary copy of db/migrations and checks that nothing new appears.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// DB_CHECK_MIGRATIONS_DIR: check another migrations folder (the script's own test uses it to prove it fails).
const source = process.env.DB_CHECK_MIGRATIONS_DIR || join(root, 'db', 'migrations');
const schema = './db/schema/index.ts';

function listFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p).map((f) => join(entry.name, f)));
    else out.push(entry.name);
  }
  return out.sort();
}

function fail(message) {
  console.error(`db:check FAILED: ${message}`);
  process.exit(1);
}

const temp = mkdtempSync(join(tmpdir(), 'wb-db-check-'));
try {
  const copy = join(temp, 'migrations');
  cpSync(source, copy, { recursive: true });
  const before = listFiles(copy);
  const journalBefore = readFileSync(join(copy, 'meta', '_journal.json'), 'utf8');

  // drizzle-kit resolves --out against the working directory, so pass it relative to the project root.
  const bin = join(root, 'node_modules', 'drizzle-kit', 'bin.cjs');
  const run = spawnSync(process.execPath, [bin, 'generate', '--dialect=sqlite', `--schema=${schema}`, `--out=${relative(root, copy)}`], {
    cwd: root,
    encoding: 'utf8',
    // No terminal: a drift that needs an answer (rename or drop?) must fail, not wait for input.
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.error) fail(`could not run drizzle-kit: ${run.error.message}\n${output}`);

  const after = listFiles(copy);
  const added = after.filter((f) => !before.includes(f));
  const journalAfter = readFileSync(join(copy, 'meta', '_journal.json'), 'utf8');
  if (added.length > 0 || journalAfter !== journalBefore) {
    const sql = added.filter((f) => f.endsWith('.sql')).map((f) => `--- ${f}\n${readFileSync(join(copy, f), 'utf8')}`).join('\n');
    fail(
      `db/schema has changes that no migration in db/migrations contains.\n` +
        `Run \`npm run db:generate\` and commit the new files (never edit migrations by hand).\n` +
        `drizzle-kit would add: ${added.join(', ') || '(journal change)'}\n${sql}`,
    );
  }
  if (run.status !== 0) {
    fail(
      `drizzle-kit generate exited with ${run.status}${run.signal ? ` (${run.signal})` : ''}. ` +
        `If it asked a question (a renamed or dropped column/table), the schema has drifted: run \`npm run db:generate\` ` +
        `in a terminal and answer it.\n${output}`,
    );
  }
  if (!/No schema changes/i.test(output)) fail(`unexpected drizzle-kit output:\n${output}`);
  console.log(`db:check OK: db/schema matches the ${readdirSync(copy).filter((f) => f.endsWith('.sql')).length} generated migrations.`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
