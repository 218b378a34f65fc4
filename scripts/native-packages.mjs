// Packages that load native binaries or files at run time: never bundled by esbuild (the app's Node build and the
// tests' child-process bundles), always resolved from node_modules (and unpacked from the asar by electron-builder).
export const NATIVE_PACKAGES = ['better-sqlite3', 'sharp', '@resvg/resvg-js'];

// The sync server's bundle keeps only these packages external and bundles the rest (drizzle-orm, zod, dayjs, diff).
// Loaded file by file, drizzle-orm alone had Node re-read its 180 KB package.json for each of its files: ~150 MB of
// garbage at start, which the idle server kept as RSS (docs/sync.md §Throughput). pg may require the optional
// pg-native; PGlite loads its WebAssembly and data files from its own folder; fastify and commander are CommonJS that
// Node loads cheaply.
export const SERVER_EXTERNAL_PACKAGES = ['pg', 'pg-native', '@electric-sql/pglite', 'fastify', 'commander'];

// Bundled CommonJS packages call require() and read __dirname: the banner that gives each ESM bundle or chunk Node's
// own (the app's build and the tests' child-process bundles).
export const ESM_SHIM = [
  "import { createRequire as __wbCreateRequire } from 'node:module';",
  "import { fileURLToPath as __wbFileURLToPath } from 'node:url';",
  "import { dirname as __wbDirname } from 'node:path';",
  'const require = __wbCreateRequire(import.meta.url);',
  'const __filename = __wbFileURLToPath(import.meta.url);',
  'const __dirname = __wbDirname(__filename);',
].join(' ');
