import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL } from '../../shared/contract/index.js';
import type { Router } from '../../core/router.js';

/** Mounts the core router on the one IPC channel; only the app's own page may call it. */
export function mountRouterOnIpc(ipcMain: IpcMain, router: Router, isAppUrl: (url: string) => boolean): void {
  ipcMain.handle(IPC_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const senderUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(senderUrl)) {
      return { ok: false, error: { kind: 'unauthorized', message: '拒绝来自非本应用页面的请求。' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { kind: 'bad-request', message: '缺少操作名称。' } };
    return router.dispatch(method, input);
  });
}
