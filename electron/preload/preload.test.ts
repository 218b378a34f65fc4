import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL, METHOD_NAMES, PRELOAD_GLOBAL } from '../../shared/contract/index.js';

// Electron's runtime cannot start on this machine (no binary), so the two Electron objects the preload
// touches are recorded here; everything else is the real preload module.
const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke },
}));

describe('the preload', () => {
  beforeEach(async () => {
    await import('./index.js');
  });

  it('exposes exactly the contract methods, and no raw ipcRenderer', () => {
    const api = exposed[PRELOAD_GLOBAL] as { shell: string; methods: Record<string, unknown> };
    expect(Object.keys(exposed)).toEqual([PRELOAD_GLOBAL]);
    expect(Object.keys(api)).toEqual(['shell', 'methods']);
    expect(Object.keys(api.methods).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.isFrozen(api.methods)).toBe(true);
    expect(JSON.stringify(Object.keys(api))).not.toContain('ipcRenderer');
  });

  it('sends each call on the one channel with its method name', async () => {
    const api = exposed[PRELOAD_GLOBAL] as { methods: Record<string, (input: unknown) => Promise<unknown>> };
    await expect(api.methods['incubators.list']!({ query: 'nn' })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(invoke).toHaveBeenCalledWith(IPC_CHANNEL, 'incubators.list', { query: 'nn' });
  });
});
