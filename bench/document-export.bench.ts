// Export of one document through the generic layouts: the model built (check + computed + eligibility) and rendered
// to .docx and .xlsx. Appendix A (target: each < 200 ms at p95), and the test-only definition with lists for the
// next documents. Also prints what each document costs in lines: its definition, and what only it has.
// Run: npx tsx bench/document-export.bench.ts  (BENCH_ROUNDS=…)
import { readFileSync } from 'node:fs';
import { sampleListModel, sampleModel } from '../templates/testing/sample-models.js';
import type { DocumentModel } from '../shared/forms/document-model.js';
import { machineLine } from './support/stats.js';
import { timeExports } from './support/export-timing.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const LONG = '建议内容较长，包括场地、团队、投融资与知识产权等方面的具体措施。'.repeat(60);

console.log(`# document-export: ${machineLine()}`);
for (const [label, make] of [
  ['表A.1, typical diagnosis', () => sampleModel()],
  ['表A.1, every advice ~2 000 characters', () => sampleModel({ values: { siteAdvice: LONG, incubateeAdvice: LONG, fundingAdvice: LONG, teamAdvice: LONG, summary: LONG } })],
  ['test-only definition with lists', () => sampleListModel()],
] as const satisfies readonly (readonly [string, () => DocumentModel])[]) {
  await timeExports(label, make, ROUNDS, 200);
}

// What a document costs: its definition, and the files only it has (none for A: everything else is generic).
const lines = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8').split('\n').length;
const definition = lines('shared/forms/appendix-a/diagnosis-definition.ts');
const demo = lines('core/services/demo-diagnoses.ts');
// Its menu entry is now the generic list page (page-directory.tsx); only the rule-set screens are A's own.
const ruleSets = lines('renderer/src/pages/diagnosis/RuleSetManager.tsx') + lines('renderer/src/pages/diagnosis/RuleSetCorrections.tsx');
console.log(`  lines of Appendix A: definition ${definition}, demo data ${demo}; A-only code elsewhere: renderer/src/pages/diagnosis/ (rule sets) ${ruleSets}`);
