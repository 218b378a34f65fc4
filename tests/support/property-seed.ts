// Every random test prints its seed and replays from it: `<NAME>=<seed> npx vitest run <file>` runs exactly the
// failing case again (fast-check shrinks from there).
import type { Parameters } from 'fast-check';

/** A small seeded generator (uniform in [0, 1)), for random choices a seed must replay. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of one random test: the environment variable `envName` when set, otherwise a fresh one; printed either way. */
export function propertySeed(envName: string): number {
  const fromEnv = process.env[envName];
  const seed = fromEnv ? Number(fromEnv) : Math.floor(Math.random() * 0x7fffffff);
  if (!Number.isInteger(seed)) throw new Error(`${envName} must be an integer, got ${fromEnv}`);
  console.log(`[property] ${envName}=${seed}${fromEnv ? ' (from the environment)' : ''}: replay with ${envName}=${seed}`);
  return seed;
}

/** fast-check parameters with a seed from `envName` (or a fresh one, printed) and a failure message naming it. */
export function propertyOptions<T = unknown>(envName: string, numRuns: number): Parameters<T> {
  const fromEnv = process.env[envName];
  const seed = fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : Date.now() ^ Math.floor(Math.random() * 0x7fffffff);
  console.log(`[property] ${envName}=${seed} (${numRuns} runs)`);
  return {
    seed,
    numRuns,
    reporter: (details) => {
      if (details.failed) {
        throw new Error(`property failed — replay with ${envName}=${seed}\n${details.counterexample ? JSON.stringify(details.counterexample).slice(0, 2000) : ''}\n${String(details.errorInstance ?? '')}`);
      }
    },
  };
}
