// The sync server's HTTP API (Fastify). Every route but health and login needs a device token; every query is
// scoped to that device's agency.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { z } from 'zod';
import {
  API_PREFIX,
  BLOB_LENGTH_HEADER,
  BLOB_OFFSET_HEADER,
  MAX_BLOB_BYTES,
  clientIdentityRequestSchema,
  loginRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
  type LoginResponse,
} from '../shared/sync/protocol.js';
import { defaultSchemaVersion } from './schema-version.js';
import type { ServerDb } from './db/connect.js';
import { authenticate, login, rebindClient, type AuthedDevice } from './auth/accounts.js';
import { readServerId } from './db/server-identity.js';
import { REDACTED_LOG_PATHS, safeError } from './log-safety.js';
import { DEFAULT_LOGIN_LIMITS, clearAccountFailures, loginBlocked, recordFailedLogin, type LoginLimits } from './auth/login-limits.js';
import { SyncServerError } from './sync/errors.js';
import { prepareWireSchemas } from '../shared/sync/field-schemas.js';
import { applyPush } from './sync/push.js';
import { readPull } from './sync/pull.js';
import { blobStatus, putBlobChunk, readBlob } from './sync/blobs.js';

export interface SyncServerOptions {
  db: ServerDb;
  schemaVersion?: number;
  logger?: FastifyServerOptions['logger'];
  /** Failed logins allowed per account and per address (kept in PostgreSQL, shared by every instance). */
  loginLimits?: LoginLimits;
  /** Fastify's trustProxy: which proxies' X-Forwarded-For names the client address (TRUST_PROXY, docs/sync.md §Limits). */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** JSON body limit (push batches). */
  bodyLimit?: number;
  now?: () => Date;
  /** Test hook, see PushContext.checkpoint. */
  checkpoint?: (name: string, device: AuthedDevice) => Promise<void> | void;
}

declare module 'fastify' {
  interface FastifyRequest {
    device: AuthedDevice | null;
  }
}

const sha256Param = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** Every logger the server runs with redacts values, passwords, hashes and tokens (log-safety.ts). */
function withRedaction(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === false || logger === undefined) return false;
  const base = logger === true ? {} : logger;
  return { ...base, redact: { paths: REDACTED_LOG_PATHS, censor: '[已隐藏]' } };
}

/** PostgreSQL gave up waiting (lock_timeout, statement_timeout, idle-in-transaction) or no pooled connection came. */
function isDatabaseTimeout(error: unknown): boolean {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: string } | null)?.code;
  if (code === '55P03' || code === '57014' || code === '25P03') return true;
  return cause instanceof Error && /timeout exceeded when trying to connect/.test(cause.message);
}

function fail(reply: FastifyReply, e: SyncServerError) {
  return reply.status(e.status).send(e.body());
}

export async function buildSyncServer(options: SyncServerOptions): Promise<FastifyInstance> {
  const { db } = options;
  const schemaVersion = options.schemaVersion ?? defaultSchemaVersion();
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: withRedaction(options.logger ?? false),
    bodyLimit: options.bodyLimit ?? 8 * 1024 * 1024,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    // A URL with malformed percent-encoding: our 400 body, as for any bad request.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply).status(400).send({ error: { kind: 'bad-request', message: `请求地址无效（${error.code}）。` } });
    },
  });
  app.decorateRequest('device', null);
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_BLOB_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof SyncServerError) return fail(reply, error);
    if (isDatabaseTimeout(error)) {
      request.log.warn({ err: safeError(error) }, 'database busy');
      return fail(reply.header('retry-after', '5'), new SyncServerError('busy', '同步服务器繁忙（数据库暂时没有响应），稍后会自动重试；修改已保存在本机。'));
    }
    if (error instanceof z.ZodError) {
      return reply.status(400).send({ error: { kind: 'bad-request', message: `请求格式无效：${error.issues[0]?.message ?? ''}` } });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) return reply.status(429).send({ error: { kind: 'rate-limited', message: '登录尝试过于频繁，请一分钟后再试。' } });
    if (status === 413) return reply.status(413).send({ error: { kind: 'too-large', message: '一次上传的内容过大（可能有字段内容过长）。请缩短过长的内容后再同步；修改已保存在本机。' } });
    if (status < 500) return reply.status(status).send({ error: { kind: 'bad-request', message: (error as Error).message } });
    request.log.error({ err: safeError(error) }, 'request failed');
    return reply.status(500).send({ error: { kind: 'internal', message: '同步服务器内部错误，请稍后重试；如持续出现请联系管理员。' } });
  });

  const requireDevice = async (request: FastifyRequest) => {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const device = token ? await authenticate(db, token) : null;
    if (!device) throw new SyncServerError('unauthorized', '登录已失效或此设备已被停用：请在“设置 → 同步”中重新登录。');
    request.device = device;
  };

  const serverId = await readServerId(db);
  // Every document kind's schemas are registered by now (the registry is imported above): built once, at start.
  prepareWireSchemas();
  app.get(`${API_PREFIX}/health`, async () => ({ ok: true, service: 'workbench-sync', schemaVersion, serverId }));

  const limits = options.loginLimits ?? DEFAULT_LOGIN_LIMITS;
  app.post(
    `${API_PREFIX}/login`,
    async (request, reply) => {
      const input = loginRequestSchema.parse(request.body);
      if (await loginBlocked(db, limits, input.login, request.ip)) {
        request.log.warn({ login: input.login, address: request.ip }, 'login blocked by the failed-attempt limit');
        throw new SyncServerError('rate-limited', `登录失败次数过多，请 ${Math.ceil(limits.windowMs / 60_000)} 分钟后再试；如忘记密码请联系管理员重设。`);
      }
      const result = await login(db, input);
      if (!result) {
        await recordFailedLogin(db, limits, input.login, request.ip);
        request.log.warn({ login: input.login, address: request.ip }, 'login refused');
        return reply.status(401).send({ error: { kind: 'unauthorized', message: '登录名或密码不正确。' } });
      }
      await clearAccountFailures(db, input.login);
      request.log.info({ login: input.login, deviceId: result.deviceId }, 'device logged in');
      const body: LoginResponse = { ...result, login: input.login, serverId };
      return body;
    },
  );

  app.register(async (authed) => {
    authed.addHook('preHandler', requireDevice);

    authed.post(`${API_PREFIX}/push`, async (request) => {
      const device = request.device!;
      const body = pushRequestSchema.parse(request.body);
      if (body.clientId !== device.clientId) throw new SyncServerError('forbidden', '此设备的令牌不属于该客户端，请重新登录。');
      const started = Date.now();
      const response = await applyPush(
        db,
        {
          agencyId: device.agencyId,
          clientId: device.clientId,
          schemaVersion,
          now,
          ...(options.checkpoint ? { checkpoint: (name: string) => options.checkpoint!(name, device) } : {}),
        },
        body.ops,
      );
      const counts: Record<string, number> = {};
      for (const r of response.results) counts[r.status] = (counts[r.status] ?? 0) + 1;
      request.log.info({ clientId: device.clientId, ops: body.ops.length, lastSeq: response.lastSeq, counts, ms: Date.now() - started }, 'push');
      return response;
    });

    authed.post(`${API_PREFIX}/client-identity`, async (request) => {
      const { clientId } = clientIdentityRequestSchema.parse(request.body);
      await rebindClient(db, request.device!, clientId);
      request.log.info({ deviceId: request.device!.deviceId }, 'device took a new client identity');
      return { ok: true };
    });

    authed.post(`${API_PREFIX}/pull`, async (request) => {
      const device = request.device!;
      const body = pullRequestSchema.parse(request.body);
      return readPull(db, device.agencyId, body.cursor, body.limit, now());
    });

    authed.head(`${API_PREFIX}/blobs/:sha256`, async (request, reply) => {
      const { sha256 } = sha256Param.parse(request.params);
      const status = await blobStatus(db, request.device!.agencyId, sha256);
      if (!status) return reply.status(404).send();
      return reply
        .header(BLOB_OFFSET_HEADER, String(status.offset))
        .header(BLOB_LENGTH_HEADER, String(status.size))
        .header('x-blob-complete', status.complete ? '1' : '0')
        .status(200)
        .send();
    });

    authed.put(`${API_PREFIX}/blobs/:sha256`, async (request) => {
      const { sha256 } = sha256Param.parse(request.params);
      const size = Number(request.headers[BLOB_LENGTH_HEADER]);
      const offset = Number(request.headers[BLOB_OFFSET_HEADER] ?? 0);
      if (!Number.isSafeInteger(size) || size < 0 || size > MAX_BLOB_BYTES || !Number.isSafeInteger(offset) || offset < 0) {
        throw new SyncServerError('bad-request', '附件大小或上传位置无效。');
      }
      const chunk = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return putBlobChunk(db, request.device!.agencyId, sha256, size, offset, chunk);
    });

    authed.get(`${API_PREFIX}/blobs/:sha256`, async (request, reply) => {
      const { sha256 } = sha256Param.parse(request.params);
      const data = await readBlob(db, request.device!.agencyId, sha256);
      if (!data) throw new SyncServerError('not-found', '服务器上没有这个附件。');
      return reply.type('application/octet-stream').send(data);
    });
  });

  return app;
}
