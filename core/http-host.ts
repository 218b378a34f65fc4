import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp.js';
import type { Router } from './router.js';

export interface HttpHostOptions {
  router: Router;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 = any free port. */
  port: number;
  token?: string;
  maxBodyBytes?: number;
  /** Files the app wrote for the user to take away (project archives), served at /archives/<name> as downloads. */
  archivesDir?: string;
}

export interface HttpHost {
  url: string;
  /** The URL with the launch token, which a browser opens once to receive its session cookie. */
  launchUrl: string;
  port: number;
  /** The address the socket is bound to (always 127.0.0.1). */
  boundAddress: string;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'wb_token';
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return null;
}

function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : null;
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
}

function send(res: ServerResponse, status: number, body = '', type = 'text/plain; charset=utf-8'): void {
  res.statusCode = status;
  if (body) res.setHeader('Content-Type', type);
  res.end(body);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let tooLarge = false;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return; // keep reading and dropping the rest, so the client gets the 413, not a reset
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        reject(new Error('too-large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A path with its percent-encoding decoded, or null when the encoding is malformed (answered 400, never 500). */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * Browser mode: serves the built renderer and the core router on 127.0.0.1. Every request needs the
 * per-launch token (as a cookie set from the launch URL, or a Bearer header); without it the answer is a
 * bare 401. The Host header must name this loopback address, which stops DNS-rebinding pages.
 */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  // 16 MB: a signature or seal image of up to 10 MB (MAX_SIGNATURE_FILE_BYTES) travels as base64, a third larger.
  const maxBody = options.maxBodyBytes ?? 16 * 1024 * 1024;
  let port = options.port;

  const serveStatic = (res: ServerResponse, urlPath: string) => {
    const decoded = decodePath(urlPath);
    if (decoded === null) return send(res, 400);
    const relative = normalize(decoded).replace(/^([/\\])+/, '');
    let file = join(options.staticDir, relative);
    if (!file.startsWith(options.staticDir + sep) && file !== options.staticDir) return send(res, 404);
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(options.staticDir, 'index.html');
    if (!existsSync(file)) return send(res, 500, '界面文件缺失，请先运行 npm run build。');
    res.statusCode = 200;
    res.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', file.endsWith('index.html') ? 'no-store' : 'max-age=3600');
    createReadStream(file).pipe(res);
  };

  /** One file of the archives folder, by its bare name (no folders: nothing outside it can be named). */
  const serveDownload = (res: ServerResponse, encodedName: string) => {
    const name = decodePath(encodedName);
    if (!options.archivesDir || name === null || name === '' || /[/\\]/.test(name) || name.startsWith('.')) return send(res, 404);
    const file = join(options.archivesDir, name);
    if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404);
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Length', String(statSync(file).size));
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="archive.zip"; filename*=UTF-8''${encodeURIComponent(name)}`);
    createReadStream(file).pipe(res);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    securityHeaders(res);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 401);

    const launchToken = url.searchParams.get('token');
    if (req.method === 'GET' && launchToken !== null && sameSecret(launchToken, token)) {
      res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.setHeader('Location', url.pathname);
      return send(res, 303);
    }
    const presented = cookieToken(req) ?? bearerToken(req);
    if (presented === null || !sameSecret(presented, token)) return send(res, 401);

    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return send(res, 405);
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415);
      let input: unknown;
      try {
        const body = await readBody(req, maxBody);
        input = body ? JSON.parse(body) : {};
      } catch (e) {
        const tooLarge = (e as Error).message === 'too-large';
        if (tooLarge) res.setHeader('Connection', 'close');
        const result = { ok: false, error: { kind: 'bad-request', message: tooLarge ? '请求内容过大。' : '请求内容不是合法的 JSON。' } };
        return send(res, tooLarge ? 413 : 400, JSON.stringify(result), 'application/json; charset=utf-8');
      }
      const method = decodePath(url.pathname.slice(5));
      if (method === null) return send(res, 400);
      const result = await options.router.dispatch(method, input);
      res.setHeader('Cache-Control', 'no-store');
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405);
    if (url.pathname.startsWith('/archives/')) return serveDownload(res, url.pathname.slice('/archives/'.length));
    return serveStatic(res, url.pathname);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('[http-host]', e);
      if (!res.headersSent) send(res, 500);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}?token=${token}`,
    port,
    boundAddress: address.address,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
