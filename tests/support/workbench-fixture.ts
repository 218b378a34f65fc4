import { Workbench } from '../../core/workbench.js';
import { createWorkbenchRouter } from '../../core/create-handlers.js';
import type { Router } from '../../core/router.js';
import type { Input, MethodName, Output } from '../../shared/contract/index.js';
import { makeTempDir } from '../../db/testing/test-database.js';
import type { RpcError } from '../../shared/rpc/result.js';

export interface TestWorkbench {
  wb: Workbench;
  router: Router;
  dir: string;
  /** Calls a method through the router and returns its value; throws with the envelope's message on failure. */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  /** Calls a method (with any input, even a malformed one) that must fail, and returns the envelope's error. */
  failure(method: string, input: unknown): Promise<RpcError>;
  cleanup(): void;
}

/** A workbench on a temp data folder (a real SQLite file made by the real migrations), driven through the router. */
export function openTestWorkbench(options: { now?: () => Date; dailyBackups?: boolean } = {}): TestWorkbench {
  const { dir, cleanup } = makeTempDir();
  const wb = new Workbench({ dataDir: dir, shell: 'test', dailyBackups: options.dailyBackups ?? false, ...(options.now ? { now: options.now } : {}) }).open();
  const router = createWorkbenchRouter(wb);
  return {
    wb,
    router,
    dir,
    async call(method, input) {
      const r = await router.dispatch(method, input);
      if (!r.ok) throw Object.assign(new Error(r.error.message), { rpc: r.error });
      return r.value as never;
    },
    async failure(method, input) {
      const r = await router.dispatch(method, input);
      if (r.ok) throw new Error(`${method} should have failed`);
      return r.error;
    },
    cleanup() {
      wb.close();
      cleanup();
    },
  };
}
