// Money: parsing typed amounts, formatting figures and 人民币大写, 10 000 amounts per round. No target in the
// issues; the figures show that a contract with hundreds of amounts converts in well under a millisecond each.
// Run: npx tsx bench/money.bench.ts
import { formatFenWithSymbol, parseYuanToFen, toChineseCapital } from '../shared/money/index.js';
import { machineLine, report } from './support/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const N = 10_000;
const amounts = Array.from({ length: N }, (_, i) => (i * 7_919_117_33) % 99_999_999_999_999);
const typed = amounts.map((fen, i) => (i % 3 === 0 ? formatFenWithSymbol(fen) : (fen / 100).toFixed(2)));

function measure(label: string, work: () => void): void {
  for (let i = 0; i < 3; i++) work();
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    work();
    samples.push(performance.now() - t0);
  }
  report(`${label} × ${N}`, samples);
}

console.log(`# money: ${machineLine()}`);
let sink = 0;
measure('parseYuanToFen', () => {
  for (const t of typed) sink += parseYuanToFen(t).ok ? 1 : 0;
});
measure('formatFenWithSymbol', () => {
  for (const a of amounts) sink += formatFenWithSymbol(a).length;
});
measure('toChineseCapital', () => {
  for (const a of amounts) sink += toChineseCapital(a).length;
});
if (sink === 0) console.log('(nothing converted)');
