import { PRELOAD_GLOBAL } from '../../../shared/contract/bridge-names.js';
import type { Result } from '../../../shared/rpc/result.js';

/** How a call reaches the backend: IPC through the preload in Electron, HTTP in browser mode. */
export interface Transport {
  shell: 'electron' | 'browser';
  call(method: string, input: unknown): Promise<Result<unknown>>;
}

interface PreloadBridge {
  shell: 'electron';
  methods: Record<string, (input: unknown) => Promise<Result<unknown>>>;
}

function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    shell: 'electron',
    call: async (method, input) => {
      const fn = bridge.methods[method];
      if (!fn) return { ok: false, error: { kind: 'bad-request', message: `未知的操作：${method}` } };
      return fn(input);
    },
  };
}

const KEEPALIVE_LIMIT = 60_000;
const HOST_GONE = '无法连接工作台后台：它可能已被关闭。请重新启动工作台；页面上尚未保存的内容仍在，重启后可再次保存。';

function httpTransport(): Transport {
  return {
    shell: 'browser',
    call: async (method, input) => {
      let response: Response;
      try {
        const body = JSON.stringify(input ?? {});
        response = await fetch(`rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
          credentials: 'same-origin',
          // A draft saved as the window closes must still reach the backend. Browsers cap keepalive bodies
          // at 64 KB, so larger requests go without it.
          keepalive: body.length < KEEPALIVE_LIMIT,
        });
      } catch {
        return { ok: false, error: { kind: 'unavailable', message: HOST_GONE } };
      }
      if (response.status === 401) {
        return {
          ok: false,
          error: { kind: 'unauthorized', message: '访问凭据已失效，请使用工作台启动时打印的地址重新打开。' },
        };
      }
      try {
        return (await response.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { kind: 'internal', message: `后台返回了无法识别的内容（HTTP ${response.status}）。` } };
      }
    },
  };
}

export function pickTransport(): Transport {
  const bridge = (window as unknown as Record<string, unknown>)[PRELOAD_GLOBAL] as PreloadBridge | undefined;
  return bridge?.shell === 'electron' ? ipcTransport(bridge) : httpTransport();
}
