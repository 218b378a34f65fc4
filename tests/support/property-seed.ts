// Random tests print their seed and replay from it: PROPERTY_SEED=<seed> npx vitest run <file>.
// One variable for every unit-level property test, so a failure report is always one copy-paste away from a replay.

/** The seed for one property test: PROPERTY_SEED when set, otherwise a fresh one. Printed either way. */
export function propertySeed(testName: string): number {
  const fromEnv = process.env.PROPERTY_SEED;
  const seed = fromEnv ? Number(fromEnv) : Math.floor(Math.random() * 0x7fffffff);
  if (!Number.isInteger(seed)) throw new Error(`PROPERTY_SEED must be an integer, got ${fromEnv}`);
  console.log(`[property] ${testName}: seed=${seed}${fromEnv ? ' (from PROPERTY_SEED)' : ''}; replay with PROPERTY_SEED=${seed}`);
  return seed;
}
