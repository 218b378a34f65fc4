import { resolve } from 'node:path';
import type { ServerDbConfig } from './db/connect.js';

export interface ServerConfig {
  db: ServerDbConfig;
  host: string;
  port: number;
  logLevel: string;
  /** Fastify's trustProxy from TRUST_PROXY: which proxies' X-Forwarded-For names the client (login limits per address). */
  trustProxy: boolean | string | ((address: string, hop: number) => boolean);
}

/**
 * TRUST_PROXY: unset = no proxy trusted (the connecting address counts); `1`/`2`… = that many proxy hops;
 * `loopback`, an address or a comma-separated list of addresses/CIDRs = those proxies (docs/sync.md §Limits).
 */
function parseTrustProxy(value: string | undefined): ServerConfig['trustProxy'] {
  if (value === undefined || value === '' || value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** A warning when the server would serve plain HTTP beyond this machine (passwords and data would cross unencrypted). */
export function plainHttpWarning(host: string): string | null {
  if (LOOPBACK.has(host) || host.startsWith('127.')) return null;
  return `警告：同步服务器正以明文 HTTP 监听 ${host}，密码和数据会不加密地经过网络。请让它只监听 127.0.0.1，并在前面放置 TLS 反向代理（见 server/README.md）。`;
}

/** DATABASE_URL → PostgreSQL; otherwise PGlite in SERVER_DATA_DIR (default ./server-data). */
export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 8787 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${env.PORT}`);
  return {
    db: env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: resolve(env.SERVER_DATA_DIR ?? 'server-data') },
    // Loopback unless told otherwise: to face a network, put it behind a TLS reverse proxy (README).
    host: env.HOST ?? '127.0.0.1',
    port,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}
