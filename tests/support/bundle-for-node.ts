import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { NATIVE_PACKAGES } from '../../scripts/native-packages.mjs';

const root = join(import.meta.dirname, '..', '..');

/**
 * Bundles a TypeScript entry with its npm packages (the native ones of scripts/native-packages.mjs stay external) into
 * tests/artifacts/, inside the project so node_modules and db/migrations are found from it. A child process then
 * starts without tsx's on-the-fly compile and without Node resolving drizzle-orm's ~450 files one by one (each
 * lookup re-reads its 180 KB package.json: seconds on a busy machine). Returns the bundle's path and its cleanup.
 */
export async function bundleForNode(entry: string): Promise<{ file: string; cleanup: () => void }> {
  const dir = join(root, 'tests', 'artifacts', `bundle-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${basename(entry).replace(/\.ts$/, '')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: NATIVE_PACKAGES,
    // CommonJS packages inside an ESM bundle call require(): give them one.
    banner: { js: "import { createRequire as __wbRequire } from 'node:module'; const require = __wbRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
