// Every random test prints its seed and replays from it: `<NAME>=<seed> npx vitest run <file>` runs exactly the
// failing case again (fast-check shrinks from there).
import type { Parameters } from 'fast-check';

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
