// remindersFor over 1 000 contracts (each with 3 instalments and a change request). Target (issue 9): < 50 ms.
// Run: npx tsx bench/contract-reminders.bench.ts
import { remindersFor, type ContractForReminders } from '../shared/contract-terms/index.js';
import { addDays } from '../shared/dates/date-math.js';
import { machineLine, report } from './support/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const N = 1000;
const TODAY = '2026-03-15';
const statuses = ['signed', 'effective', 'effective', 'effective', 'renewed', 'suspended', 'expired', 'draft'] as const;

const contracts: ContractForReminders[] = Array.from({ length: N }, (_, i) => {
  const start = addDays('2025-01-01', i % 400);
  return {
    id: `c${i}`,
    number: `GXPY-2025-${String(i + 1).padStart(4, '0')}`,
    status: statuses[i % statuses.length]!,
    effectiveDate: start,
    endDate: addDays(start, 365),
    renewalAllowed: i % 3 !== 0,
    instalments: [0, 1, 2].map((k) => ({ key: `i${k}`, amountFen: 300_000 + k, dueDate: addDays(start, 120 * k + (i % 30)), paidDate: k === 0 ? start : null })),
    changeRequests: i % 4 === 0 ? [{ key: 'r1', raisedBy: i % 8 === 0 ? 'partyA' : 'partyB', receivedDate: addDays(TODAY, -(i % 20)), answeredDate: null }] : [],
    answerDays: 15,
  };
});

console.log(`# contract reminders: ${machineLine()}`);
for (let i = 0; i < 5; i++) remindersFor(contracts, TODAY);
const samples: number[] = [];
let count = 0;
for (let r = 0; r < ROUNDS; r++) {
  const t0 = performance.now();
  count = remindersFor(contracts, TODAY).length;
  samples.push(performance.now() - t0);
}
report(`remindersFor ${N} contracts (${count} reminders)`, samples, { stat: 'p95', belowMs: 50 });
