// Issue 12's figures: the Word export of a signed diagnosis (target p95 < 250 ms) and `verify` of a .docx (target
// < 300 ms): in process (read the file, look up the signature, re-export the revision, compare the text) and as
// the command line's wall time (a process started per file, as an agency's script would run it).
// Needs PostgreSQL (signing goes through a sync server today):
//   bash scripts/with-test-postgres.sh node --import tsx bench/verify.bench.ts   (BENCH_ROUNDS=…, BENCH_CLI_ROUNDS=…)
// To measure another signed export (the diagnosis with its two signature images once they exist), add a line to
// CASES: each case picks a completed demo document, which is signed before measuring.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentKind } from '../shared/forms/registry.js';
import { getDocument } from '../db/repositories/document-repository.js';
import { exportDocumentFile } from '../core/services/document-export-service.js';
import { verifyDocxFile } from '../core/verify/verify-service.js';
import { openSignedWorkbench } from '../tests/support/signed-workbench.js';
import { bundle } from '../tests/support/sync-processes.js';
import { machineLine, report } from './support/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const CLI_ROUNDS = Number(process.env.BENCH_CLI_ROUNDS ?? 15);

interface Case {
  label: string;
  kind: DocumentKind;
}

const CASES: readonly Case[] = [
  { label: 'signed diagnosis (demo)', kind: 'diagnosis' },
  { label: 'signed evaluation (demo, with charts)', kind: 'evaluation' },
];

async function timed<T>(rounds: number, run: () => Promise<T>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await run();
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await run();
    out.push(performance.now() - t0);
  }
  return out;
}

console.log(`# verify: ${machineLine()}`);
const s = await openSignedWorkbench();
try {
  const db = s.t.wb.database.db;
  const cli = await bundle('core/cli/main.ts', 'workbench-cli');
  for (const c of CASES) {
    const d = await s.completed(c.kind);
    await s.sign(c.kind, d.id);
    const record = getDocument(db, c.kind, d.id)!;
    const bytes = (await exportDocumentFile(db, record, 'docx', false)).bytes;
    report(`export .docx, ${c.label} (${(bytes.byteLength / 1024).toFixed(0)} KB)`, await timed(ROUNDS, () => exportDocumentFile(db, getDocument(db, c.kind, d.id)!, 'docx', false)), {
      stat: 'p95',
      belowMs: 250,
    });
    const verdict = await verifyDocxFile(db, bytes);
    if (verdict.outcome !== 'match') throw new Error(`the export did not verify: ${verdict.message}`);
    report(`verify in process, ${c.label}`, await timed(ROUNDS, () => verifyDocxFile(db, bytes)), { stat: 'p95', belowMs: 300 });

    const file = join(s.t.dir, `${c.kind}.docx`);
    writeFileSync(file, bytes);
    const env = { ...process.env, WORKBENCH_DATA_DIR: s.t.dir, WORKBENCH_AUTO_SYNC: '0' };
    const wall = await timed(CLI_ROUNDS, async () => {
      const r = spawnSync(process.execPath, [cli, 'verify', file], { env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`verify exited ${r.status}: ${r.stdout}${r.stderr}`);
    });
    report(`CLI \`verify <file>\` wall time, ${c.label}`, wall, { stat: 'p95', belowMs: 300 });
  }
  // What the CLI costs before it verifies anything: the same process answering --help.
  report('CLI `--help` wall time (process start-up alone)', await timed(CLI_ROUNDS, async () => void spawnSync(process.execPath, [cli, '--help'])));
} finally {
  await s.close();
}
