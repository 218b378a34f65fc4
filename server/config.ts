import { resolve } from 'node:path';
import type { ServerDbConfig } from './db/connect.js';

export interface ServerConfig {
  db: ServerDbConfig;
  host: string;
  port: number;
  logLevel: string;
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
  };
}
