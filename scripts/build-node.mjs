// Bundles our Node-side TypeScript (core, db, shared, electron) with esbuild. npm packages stay external:
// they are installed beside the app (and packed by electron-builder), and better-sqlite3 is native.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(version) },
};

await Promise.all([
  build({
    ...common,
    format: 'esm',
    packages: 'external',
    entryPoints: { 'browser-main': 'core/browser-main.ts', cli: 'core/cli/main.ts' },
    outdir: 'dist/node',
    outExtension: { '.js': '.mjs' },
  }),
  build({
    ...common,
    format: 'esm',
    packages: 'external',
    entryPoints: { main: 'electron/main/index.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.mjs' },
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
