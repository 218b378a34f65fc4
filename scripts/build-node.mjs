// Bundles our Node-side TypeScript (core, db, shared, electron) with esbuild.
// The app's entries (browser mode, CLI, Electron main) bundle their npm packages too: loading drizzle-orm as
// ~450 separate files cost seconds of start-up. Native or file-loading packages stay external
// (better-sqlite3, electron, and the native image/chart renderers sharp and @resvg/resvg-js). The server bundles all
// but a few of its packages (SERVER_EXTERNAL_PACKAGES): its idle memory depends on it.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { ESM_SHIM, NATIVE_PACKAGES, SERVER_EXTERNAL_PACKAGES } from './native-packages.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(version) },
};

const appBundle = {
  ...common,
  // Minified: less JavaScript to parse at every start (zod alone is ~700 KB unminified). Source maps stay.
  minify: true,
  keepNames: true,
  format: 'esm',
  splitting: true,
  external: [...NATIVE_PACKAGES, 'electron'],
  banner: { js: ESM_SHIM },
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
};

// Chunk names carry content hashes: clear old ones so dist/ holds only this build.
for (const dir of ['dist/node', 'dist/electron']) rmSync(dir, { recursive: true, force: true });

await Promise.all([
  build({
    ...appBundle,
    entryPoints: { 'browser-main': 'core/browser-main.ts', cli: 'core/cli/main.ts' },
    outdir: 'dist/node',
  }),
  build({
    ...common,
    format: 'esm',
    external: SERVER_EXTERNAL_PACKAGES,
    banner: { js: ESM_SHIM },
    entryPoints: { server: 'server/main.ts' },
    outdir: 'dist/node',
    outExtension: { '.js': '.mjs' },
  }),
  build({
    ...appBundle,
    entryPoints: { main: 'electron/main/index.ts' },
    outdir: 'dist/electron',
  }),
  // A sandboxed preload cannot load modules: bundle everything it needs except electron itself.
  build({
    ...common,
    format: 'cjs',
    platform: 'browser',
    external: ['electron'],
    entryPoints: { preload: 'electron/preload/index.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
  }),
]);
