/** Percentile by nearest rank over already-measured durations (ms). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

export function summarize(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    min: s[0] ?? Number.NaN,
    max: s[s.length - 1] ?? Number.NaN,
    mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length),
  };
}

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

/** One line per measurement, for people and for grep: "label  n=…  p50=…  p95=…  …  target …  MET/MISSED". */
export function report(label: string, samples: number[], target?: { stat: 'p50' | 'p95' | 'max' | 'mean'; belowMs: number }): Summary {
  const sum = summarize(samples);
  const verdict = target ? `  target ${target.stat} < ${target.belowMs} ms: ${sum[target.stat] < target.belowMs ? 'MET' : 'MISSED'}` : '';
  console.log(
    `${label.padEnd(58)} n=${String(sum.n).padStart(4)}  p50=${ms(sum.p50).padStart(10)}  p95=${ms(sum.p95).padStart(10)}  max=${ms(sum.max).padStart(10)}${verdict}`,
  );
  return sum;
}

export function machineLine(): string {
  const os = process.getBuiltinModule('node:os');
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return `node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), load average ${load}`;
}
