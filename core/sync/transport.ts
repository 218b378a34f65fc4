// HTTP to the sync server. Every failure becomes a SyncTransportError saying whether we are offline or what the
// server refused, in Chinese, with what to do.
import type { z } from 'zod';
import {
  API_PREFIX,
  BLOB_LENGTH_HEADER,
  BLOB_OFFSET_HEADER,
  loginResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  serverErrorSchema,
  type LoginRequest,
  type LoginResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type ServerErrorKind,
} from '../../shared/sync/protocol.js';

export type TransportFailure = 'offline' | 'timeout' | 'bad-response' | ServerErrorKind;

export class SyncTransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    message: string,
    readonly status = 0,
    readonly extra: { expectedSeq?: number; offset?: number } = {},
  ) {
    super(message);
    this.name = 'SyncTransportError';
  }

  /** Worth retrying later by itself (network, server hiccup), as opposed to needing the user. */
  get transient(): boolean {
    return ['offline', 'timeout', 'bad-response', 'internal', 'rate-limited', 'seq-gap', 'offset-mismatch', 'busy'].includes(this.failure);
  }
}

export interface SyncHttpOptions {
  baseUrl: string;
  token?: string | null;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export class SyncHttp {
  constructor(private readonly options: SyncHttpOptions) {}

  private url(path: string): string {
    return `${this.options.baseUrl.replace(/\/+$/, '')}${API_PREFIX}${path}`;
  }

  private async request(path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.options.token) headers.set('authorization', `Bearer ${this.options.token}`);
    const signal = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
    let res: Response;
    try {
      res = await (this.options.fetchImpl ?? fetch)(this.url(path), { ...init, headers, signal });
    } catch (e) {
      const name = (e as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new SyncTransportError('timeout', '连接同步服务器超时：网络可能不稳定，稍后会自动重试。');
      }
      throw new SyncTransportError('offline', '无法连接同步服务器：当前离线或服务器未启动。修改已保存在本机，联网后会自动同步。');
    }
    if (!res.ok) {
      let body: unknown = null;
      try {
        body = await res.json();
      } catch {
        /* not JSON: a proxy's error page */
      }
      const parsed = serverErrorSchema.safeParse(body);
      if (parsed.success) {
        const { kind, message, ...extra } = parsed.data.error;
        throw new SyncTransportError(kind, message, res.status, extra);
      }
      if (res.status === 401) throw new SyncTransportError('unauthorized', '登录已失效：请在“设置 → 同步”中重新登录。', 401);
      throw new SyncTransportError('internal', `同步服务器暂时出错（HTTP ${res.status}），稍后会自动重试。`, res.status);
    }
    return res;
  }

  /** POSTs `body` (a value, or JSON text made already) and parses the answer with `schema`. */
  private async json<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await this.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    let data: unknown;
    try {
      data = await res.json();
    } catch {
      throw new SyncTransportError('bad-response', '同步服务器的回复不完整（连接中断），稍后会自动重试。');
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new SyncTransportError('bad-response', '同步服务器的回复格式不对：请确认服务器地址是否正确。');
    return parsed.data;
  }

  async health(): Promise<boolean> {
    try {
      const res = await this.request('/health', { method: 'GET' });
      const body = (await res.json()) as { service?: string };
      return body.service === 'workbench-sync';
    } catch {
      return false;
    }
  }

  login(input: LoginRequest): Promise<LoginResponse> {
    return this.json('/login', input, loginResponseSchema);
  }

  async clientIdentity(clientId: string): Promise<void> {
    await this.request('/client-identity', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId }) });
  }

  /** A batch, or its JSON as the sync engine writes it from the outbox (core/sync/push-batch.ts). */
  push(body: PushRequest | string): Promise<PushResponse> {
    return this.json('/push', body, pushResponseSchema);
  }

  pull(cursor: number, limit: number): Promise<PullResponse> {
    return this.json('/pull', { cursor, limit }, pullResponseSchema);
  }

  /** Bytes the server already holds of a blob, or null when it has none; `complete` when it verified it. */
  async blobStatus(sha256: string): Promise<{ offset: number; complete: boolean } | null> {
    try {
      const res = await this.request(`/blobs/${sha256}`, { method: 'HEAD' });
      return { offset: Number(res.headers.get(BLOB_OFFSET_HEADER) ?? 0), complete: res.headers.get('x-blob-complete') === '1' };
    } catch (e) {
      if (e instanceof SyncTransportError && e.status === 404) return null;
      throw e;
    }
  }

  async putBlobChunk(sha256: string, size: number, offset: number, chunk: Uint8Array): Promise<{ offset: number; complete: boolean }> {
    const res = await this.request(`/blobs/${sha256}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', [BLOB_LENGTH_HEADER]: String(size), [BLOB_OFFSET_HEADER]: String(offset) },
      // A copy on its own ArrayBuffer: the DOM's fetch types (the renderer's tests compile this file too) take
      // no views of shared buffers.
      body: new Uint8Array(chunk),
    });
    try {
      return (await res.json()) as { offset: number; complete: boolean };
    } catch {
      throw new SyncTransportError('bad-response', '上传附件时连接中断，稍后会从断点继续。');
    }
  }

  async getBlob(sha256: string): Promise<Buffer> {
    const res = await this.request(`/blobs/${sha256}`, { method: 'GET' });
    return Buffer.from(await res.arrayBuffer());
  }
}
