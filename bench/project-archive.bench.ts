// A project's archive with attachments (docs/process.md §Archive, §Attachments): a demo project with its documents,
// 50 records and 100 MB of attachments (20 × 5 MB of random bytes: they do not compress) → the archive's wall time
// and the peak RSS of the process writing it (targets < 10 s, < 200 MB), in a bundled child process as the app runs
// it, so the figures are the archive's and not the seeding's.
// Run: npx tsx bench/project-archive.bench.ts
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../core/workbench.js';
import { createWorkbenchRouter } from '../core/create-handlers.js';
import { storeAttachment } from '../core/services/record-attachments.js';
import { listProjects, recordsOf, saveRecord } from '../db/repositories/project-repository.js';
import { ATTACHMENTS_KEY, attachmentsValue } from '../shared/process/attachments.js';
import { bundleForNode } from '../tests/support/bundle-for-node.js';
import { machineLine } from './support/stats.js';

const RECORDS = 50;
// BENCH_FILES=0: the same archive without attachments, for comparison.
const FILES = Number(process.env.BENCH_FILES ?? 20);
const FILE_BYTES = 5 * 1024 * 1024;

console.log(`# project archive: ${machineLine()}`);
const dir = mkdtempSync(join(tmpdir(), 'wb-bench-archive-'));
const wb = new Workbench({ dataDir: dir, shell: 'test', dailyBackups: false }).open();
const router = createWorkbenchRouter(wb);
try {
  const loaded = await router.dispatch('demo.load', {});
  if (!loaded.ok) throw new Error('demo.load failed');
  const { db } = wb.database;
  const project = listProjects(db).find((p) => recordsOf(db, p.id).length > 0)!;
  const view = await router.dispatch('projects.get', { id: project.id });
  if (!view.ok) throw new Error('projects.get failed');
  const documents = (view.value as { documents: unknown[] }).documents.length;
  const ctx = wb.changeContext();
  for (let i = recordsOf(db, project.id).length; i < RECORDS; i++) {
    const values = { date: '2026-11-03', channel: '走访', subject: `第 ${i + 1} 次走访`, people: '黄敏', notes: '了解运营情况'.repeat(20) };
    saveRecord(db, ctx, { id: randomUUID(), projectId: project.id, kind: 'consultation', values }, null);
  }
  // One 5 MB photo on each of the first 20 visit logs, stored through the same path as the app's 添加附件.
  const visits = recordsOf(db, project.id).filter((r) => r.kind === 'consultation');
  for (let i = 0; i < FILES; i++) {
    const record = visits[i % visits.length]!;
    const attachment = storeAttachment(db, `走访现场照片${i + 1}.jpg`, randomBytes(FILE_BYTES).toString('base64'), new Date());
    const current = recordsOf(db, project.id).find((r) => r.id === record.id)!;
    const list = current.values[ATTACHMENTS_KEY] ? [...JSON.parse(String(current.values[ATTACHMENTS_KEY])), attachment] : [attachment];
    saveRecord(db, ctx, { id: record.id, projectId: project.id, kind: 'consultation', values: { ...current.values, [ATTACHMENTS_KEY]: attachmentsValue(list) } }, null);
  }
  console.log(`seeded: ${documents} documents, ${recordsOf(db, project.id).length} records, ${FILES} attachments × ${FILE_BYTES / 2 ** 20} MB of random bytes`);
  wb.close();

  const child = await bundleForNode(join(import.meta.dirname, 'support', 'project-archive-child.ts'));
  try {
    process.stdout.write(execFileSync(process.execPath, [child.file, dir, project.id, join(dir, 'archive.zip')], { encoding: 'utf8' }));
  } finally {
    child.cleanup();
  }
} finally {
  wb.close();
  rmSync(dir, { recursive: true, force: true });
}
