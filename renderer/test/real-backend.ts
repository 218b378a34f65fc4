// The renderer's unit tests run against the real backend: the core router over a real SQLite file made by the
// real migrations, reached through the same bridge the Electron preload exposes (window.workbench), so every
// call is validated and answered exactly as in the app. Nothing is mocked.
import { afterEach, beforeEach } from 'vitest';
import { PRELOAD_GLOBAL } from '../../shared/contract/bridge-names.js';
import type { Result } from '../../shared/rpc/result.js';
import { openTestWorkbench, type TestWorkbench } from '../../tests/support/workbench-fixture.js';

let current: TestWorkbench | null = null;

/** Installs the bridge; called once from the setup file, before any renderer module picks its transport. */
export function installBridge(): void {
  const methods = new Proxy(
    {},
    {
      get: (_target, method) => async (input: unknown): Promise<Result<unknown>> => {
        if (!current) throw new Error('No test backend: call withRealBackend() in the test file.');
        // Like IPC, the answer crosses a structured-clone boundary: the UI never shares objects with the backend.
        return structuredClone(await current.router.dispatch(String(method), structuredClone(input)));
      },
    },
  );
  Object.defineProperty(window, PRELOAD_GLOBAL, { value: { shell: 'electron', methods }, configurable: true });
}

/** A fresh backend (new data folder) for every test of the calling file. */
export function withRealBackend(options: { now?: () => Date } = {}): () => TestWorkbench {
  beforeEach(() => {
    current = openTestWorkbench(options);
  });
  afterEach(() => {
    current?.cleanup();
    current = null;
  });
  return () => {
    if (!current) throw new Error('The test backend exists only inside a test.');
    return current;
  };
}
