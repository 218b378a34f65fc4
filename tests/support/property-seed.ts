// Every random test prints its seed and replays from it: `<NAME>=<seed> npx vitest run <file>` runs exactly the
// failing case again (fast-check shrinks from there).
import type { Parameters } from 'fast-check';

/** The seed for one property test: PROPERTY_SEED when set, otherwise a fresh one. Printed either way. */
export function propertySeed(testName: string): number {
  const fromEnv = process.env.PROPERTY_SEED;
  const seed = fromEnv ? Number(fromEnv) : Math.floor(Math.random() * 0x7fffffff);
  if (!Number.isInteger(seed)) throw new Error(`PROPERTY_SEED must be an integer, got ${fromEnv}`);
  console.log(`[property] ${testName}: seed=${seed}${fromEnv ? ' (from PROPERTY_SEED)' : ''}; replay with PROPERTY_SEED=${seed}`);
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
