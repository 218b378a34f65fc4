import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
export const builtCli = join(root, 'dist', 'node', 'cli.mjs');
export const builtBrowserMain = join(root, 'dist', 'node', 'browser-main.mjs');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Makes sure dist/node holds a build of the current sources (CI runs `npm run build` first; a developer may not
 * have). Rebuilds only the Node bundles (esbuild, about a second), under a lock so parallel test files do not
 * write dist/ at the same time.
 */
export function ensureNodeBuild(): void {
  const outputs = [builtCli, builtBrowserMain];
  const fresh = () => {
    if (!outputs.every((f) => existsSync(f))) return false;
    const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
    return built >= Math.max(...['core', 'db', 'shared', 'templates'].map((d) => newestSource(join(root, d))));
  };
  if (fresh()) return;
  const lock = join(root, 'tests', 'artifacts', 'build-node.lock');
  mkdirSync(join(root, 'tests', 'artifacts'), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 60_000) throw new Error(`stale lock ${lock}: remove it and rerun`);
      sleep(200);
    }
  }
  try {
    if (fresh()) return;
    const r = spawnSync(process.execPath, ['scripts/build-node.mjs'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`node scripts/build-node.mjs failed:\n${r.stdout}${r.stderr}`);
  } finally {
    rmdirSync(lock);
  }
}

export function rendererBuilt(): boolean {
  return existsSync(join(root, 'dist', 'renderer', 'index.html'));
}
