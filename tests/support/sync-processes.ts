// Real child processes for the kill tests: the sync server and a sync client, bundled once with esbuild (fast
// start), run with the repository's node_modules, killed with SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { ESM_SHIM, NATIVE_PACKAGES, SERVER_EXTERNAL_PACKAGES } from '../../scripts/native-packages.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'tests', 'artifacts', 'sync-bundles');

const built = new Map<string, Promise<string>>();

const SERVER_ENTRY = 'server/main.ts';

/**
 * Bundles a TypeScript entry into tests/artifacts, once per test process, carrying its npm packages as the real
 * builds do (scripts/build-node.mjs): a child then starts without Node resolving drizzle-orm's ~450 files one by
 * one, which cost seconds per start on a busy machine (the CLI test starts about fifteen) and, for the server,
 * the memory measured. Client entries keep only the native packages external; the server the packages of
 * SERVER_EXTERNAL_PACKAGES.
 */
export function bundle(entry: string, name: string): Promise<string> {
  let p = built.get(name);
  if (!p) {
    mkdirSync(OUT, { recursive: true });
    const outfile = join(OUT, `${name}-${process.pid}.mjs`);
    p = build({
      entryPoints: [join(ROOT, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      external: entry === SERVER_ENTRY ? SERVER_EXTERNAL_PACKAGES : [...NATIVE_PACKAGES, 'electron'],
      banner: { js: ESM_SHIM },
      define: { __APP_VERSION__: '"test"' },
      logLevel: 'error',
    }).then(() => {
      process.once('exit', () => rmSync(outfile, { force: true }));
      return outfile;
    });
    built.set(name, p);
  }
  return p;
}

export interface Child {
  proc: ChildProcess;
  output: () => string;
  /** Resolves with the first stdout line matching `re`. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): void;
}

export function startChild(file: string, args: string[], env: Record<string, string>): Child {
  const proc = spawn(process.execPath, [file, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  const waiters: { re: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const w of [...waiters]) {
      const m = out.match(w.re);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return {
    proc,
    output: () => out,
    exited,
    waitFor(re, timeoutMs = 30_000) {
      const m = out.match(re);
      if (m) return Promise.resolve(m);
      return new Promise((resolvePromise, reject) => {
        const timer = setTimeout(() => reject(new Error(`timeout waiting for ${re} in:\n${out}`)), timeoutMs);
        waiters.push({
          re,
          resolve: (x) => {
            clearTimeout(timer);
            resolvePromise(x);
          },
        });
        void exited.then(() => setTimeout(() => reject(new Error(`process exited before ${re}:\n${out}`)), 50));
      });
    },
    kill(signal = 'SIGKILL') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    },
  };
}

/** Starts `server/main.ts` (bundled) on a free loopback port; resolves with its URL. */
export async function startServerProcess(env: Record<string, string>): Promise<{ child: Child; url: string }> {
  const file = await bundle(SERVER_ENTRY, 'sync-server');
  const child = startChild(file, [], { PORT: '0', LOG_LEVEL: 'warn', ...env });
  const m = await child.waitFor(/同步服务器已启动：(http:\/\/127\.0\.0\.1:\d+)/);
  return { child, url: m[1]! };
}
