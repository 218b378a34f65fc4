import { afterEach, describe, expect, it } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL } from '../../shared/contract/index.js';
import { mountRouterOnIpc } from './ipc-bridge.js';
import { openTestWorkbench, type TestWorkbench } from '../../tests/support/workbench-fixture.js';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** Records what main registers on ipcMain; the router behind it is the real one on a real temp database. */
function recordingIpcMain(): { ipcMain: IpcMain; handlers: Map<string, Handler> } {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, h: Handler) => handlers.set(channel, h) } as unknown as IpcMain;
  return { ipcMain, handlers };
}

const event = (url: string) => ({ senderFrame: { url } }) as unknown as IpcMainInvokeEvent;
const APP = 'file:///opt/workbench/dist/renderer/';

describe('the router on IPC', () => {
  let t: TestWorkbench;
  afterEach(() => t.cleanup());

  it('answers the app page through the one channel, and refuses any other page', async () => {
    t = openTestWorkbench();
    const { ipcMain, handlers } = recordingIpcMain();
    mountRouterOnIpc(ipcMain, t.router, (url) => url.startsWith(APP));
    expect([...handlers.keys()]).toEqual([IPC_CHANNEL]);
    const handle = handlers.get(IPC_CHANNEL)!;

    await expect(handle(event(`${APP}index.html`), 'demo.load', {})).resolves.toEqual({ ok: true, value: { created: 5, skipped: 0 } });
    const listed = (await handle(event(`${APP}index.html`), 'incubators.list', { query: '' })) as { ok: boolean; value: unknown[] };
    expect(listed.value).toHaveLength(5);

    const foreign = (await handle(event('https://evil.example/'), 'incubators.list', {})) as { ok: boolean; error: { kind: string } };
    expect(foreign).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    const unknown = (await handle(event(`${APP}index.html`), 'fs.readFile', {})) as { ok: boolean; error: { kind: string } };
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'bad-request' } });
  });
});
