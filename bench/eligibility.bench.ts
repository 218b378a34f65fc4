// Eligibility evaluation of 1 000 diagnoses (check + computed values + both built-in rule sets' worth of rules).
// Target: < 100 ms for the 1 000. Run: npx tsx bench/eligibility.bench.ts
import { checkDocument } from '../shared/forms/document-check.js';
import { diagnosisDefinition } from '../shared/forms/appendix-a/diagnosis-definition.js';
import { documentFacts } from '../shared/eligibility/facts.js';
import { NATIONAL_300_RULE_SET, TGXAS_453_RULE_SET } from '../shared/eligibility/builtin-rule-sets.js';
import { evaluateRuleSet } from '../shared/eligibility/evaluate.js';
import { ruleSetSchema } from '../shared/eligibility/rule-set-schema.js';
import { SAMPLE_HEADER, SAMPLE_VALUES } from '../templates/testing/sample-models.js';
import { machineLine, report } from './support/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const N = 1000;
const local = ruleSetSchema.parse(TGXAS_453_RULE_SET);
const national = ruleSetSchema.parse(NATIONAL_300_RULE_SET);

// 1 000 different diagnoses, some values as typed text (1,234.5), some missing.
const diagnoses = Array.from({ length: N }, (_, i) => ({
  values: {
    ...SAMPLE_VALUES,
    totalArea: i % 7 === 0 ? `${(3000 + i * 7).toLocaleString('en-US')}.5` : 3000 + i * 7,
    incubatees: 5 + (i % 60),
    seedFund: i % 11 === 0 ? null : 50 + (i % 400),
    serviceStaff: i % 9,
    staffTotal: 10,
    mentors: i % 6,
  },
  header: { ...SAMPLE_HEADER, incubatorType: i % 2 ? '专业型' : '综合型' },
}));

function evaluateAll(ruleSet: typeof local): number {
  let met = 0;
  for (const d of diagnoses) {
    const check = checkDocument(diagnosisDefinition, { values: d.values as never, header: d.header as never });
    met += evaluateRuleSet(ruleSet, documentFacts(diagnosisDefinition, check, d.header as never)).counts.met;
  }
  return met;
}

console.log(`# eligibility: ${machineLine()}`);
for (let i = 0; i < 3; i++) evaluateAll(local);
for (const [label, set] of [
  ['T/GXAS 453 §4.1 (10 rules)', local],
  ['国科发区〔2018〕300号 第九条 (15 rules)', national],
] as const) {
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    evaluateAll(set);
    samples.push(performance.now() - t0);
  }
  report(`check + evaluate ${N} diagnoses, ${label}`, samples, { stat: 'p95', belowMs: 100 });
}
