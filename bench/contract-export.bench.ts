// Export of one contract (附录B) as Word: the stored record read, checked, and rendered as running text (cover,
// parties, preamble, 第一条–第十三条, signature blocks). A demo contract with instalments, and the same with every
// long text ~2 000 characters. Target (issue 9): p95 < 200 ms. Also prints what the contract costs in lines beyond
// the documents module (docs/documents.md asks for it).
// Run: npx tsx bench/contract-export.bench.ts  (BENCH_ROUNDS=…)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../core/workbench.js';
import { createWorkbenchRouter } from '../core/create-handlers.js';
import { exportDocumentFile } from '../core/services/document-export-service.js';
import { getDocument, listDocuments, updateDocument } from '../db/repositories/document-repository.js';
import { machineLine, report } from './support/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const LONG = '乙方按照培育方案开展现场辅导、资料审查与跟踪服务，并形成书面记录。'.repeat(60);

const dir = mkdtempSync(join(tmpdir(), 'wb-bench-contract-'));
const wb = new Workbench({ dataDir: dir, shell: 'test', dailyBackups: false }).open();
try {
  const router = createWorkbenchRouter(wb);
  const loaded = await router.dispatch('demo.load', {});
  if (!loaded.ok) throw new Error(loaded.error.message);
  const db = wb.database.db;
  const nanning = listDocuments(db, 'contract').find((c) => c.incubatorName === '南宁邕江科技企业孵化器')!;
  const beihai = listDocuments(db, 'contract').find((c) => c.incubatorName === '北海向海经济科技孵化器')!;
  const longKeys = ['serviceGoal', 'serviceContent', 'serviceMethod', 'progressRequirement', 'qualityRequirement', 'acceptance', 'secretContent', 'leakLiability', 'otherMatters'];
  updateDocument(db, wb.changeContext(), 'contract', beihai.id, { values: Object.fromEntries(longKeys.map((k) => [k, LONG])) }, 'bench');

  console.log(`# contract-export: ${machineLine()}`);
  for (const [label, id] of [
    ['demo contract with 3 instalments', nanning.id],
    ['every long text ~2 000 characters', beihai.id],
  ] as const) {
    const exportOnce = async () => (await exportDocumentFile(db, getDocument(db, 'contract', id)!, 'docx', true)).bytes.byteLength;
    for (let i = 0; i < 20; i++) await exportOnce();
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      bytes = await exportOnce();
      samples.push(performance.now() - t0);
    }
    report(`.docx, ${label} (${(bytes / 1024).toFixed(0)} KB)`, samples, { stat: 'p95', belowMs: 200 });
  }
} finally {
  wb.close();
  rmSync(dir, { recursive: true, force: true });
}

// What the contract costs beyond the documents module: its definition files, and what only it has.
const lines = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8').split('\n').length;
const parts = {
  definition: ['shared/forms/appendix-b/contract-definition.ts', 'shared/forms/appendix-b/contract-fields.ts', 'shared/forms/appendix-b/contract-lists.ts', 'shared/forms/appendix-b/index.ts'],
  'checks and prefill': ['shared/forms/appendix-b/contract-checks.ts', 'shared/forms/appendix-b/contract-prefill.ts'],
  'table': ['db/schema/contracts.ts'],
  'lifecycle, reminders, search': ['db/schema/contract-events.ts', 'db/repositories/contract-lifecycle-repository.ts', 'shared/contract/contracts-contract.ts', 'core/services/contract-service.ts'],
  'numbers': ['core/services/document-number-service.ts'],
  'demo data': ['core/services/demo-contracts.ts'],
};
for (const [what, files] of Object.entries(parts)) console.log(`  lines of Appendix B, ${what}: ${files.reduce((s, f) => s + lines(f), 0)} (${files.join(', ')})`);
