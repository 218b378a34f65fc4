// Browser mode's host: 127.0.0.1 only, a per-launch token, a bare 401 without it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../core/http-host.js';
import { makeTempDir } from '../../db/testing/test-database.js';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { builtBrowserMain, ensureNodeBuild, rendererBuilt, root } from '../support/built-app.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch, so the Host header can be anything. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request(
      { hostname: u.hostname, port: u.port, path: u.pathname + u.search, method: options.method ?? 'GET', headers: { ...(options.host ? { host: options.host } : {}), ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const rpc = (host: HttpHost, method: string, input: unknown, headers: Record<string, string>) =>
  send(`${host.url}rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });

describe('http-host (in process)', () => {
  let t: TestWorkbench;
  let host: HttpHost;
  let staticDir: string;
  let cleanupStatic: () => void;

  beforeAll(async () => {
    t = openTestWorkbench();
    ({ dir: staticDir, cleanup: cleanupStatic } = makeTempDir('wb-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>工作台</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    mkdirSync(join(staticDir, 'archives'));
    writeFileSync(join(staticDir, 'archives', '南宁孵化器-培育项目档案.zip'), 'PK-archive-bytes');
    host = await startHttpHost({ router: t.router, staticDir, port: 0, archivesDir: join(staticDir, 'archives') });
  });
  afterAll(async () => {
    await host.close();
    t.cleanup();
    cleanupStatic();
  });

  it('serves a project archive as a download with its Chinese name, only with the token, and nothing outside its folder', async () => {
    const auth = { authorization: `Bearer ${host.token}` };
    const name = encodeURIComponent('南宁孵化器-培育项目档案.zip');
    expect((await send(`${host.url}archives/${name}`)).status).toBe(401);
    const r = await send(`${host.url}archives/${name}`, { headers: auth });
    expect(r.status).toBe(200);
    expect(r.body).toBe('PK-archive-bytes');
    expect(r.headers['content-disposition']).toBe(`attachment; filename="archive.zip"; filename*=UTF-8''${name}`);
    for (const path of ['archives/..%2Findex.html', 'archives/%2E%2E%2Findex.html', 'archives/', 'archives/nothing.zip', 'archives/..%5Cindex.html']) {
      expect((await send(`${host.url}${path}`, { headers: auth })).status, path).toBe(404);
    }
  });

  it('binds 127.0.0.1 and puts a long random token in the launch URL', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.launchUrl).toBe(`${host.url}?token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('answers 401 with an empty body without a token, for pages and for /rpc', async () => {
    for (const r of [await send(host.url), await send(`${host.url}assets/app.js`), await rpc(host, 'system.status', {}, {})]) {
      expect(r.status).toBe(401);
      expect(r.body).toBe('');
    }
  });

  it('answers 401 with a wrong token, as Bearer, cookie or launch parameter', async () => {
    const wrong = host.token.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    const replies = [
      await rpc(host, 'system.status', {}, { authorization: `Bearer ${wrong}` }),
      await rpc(host, 'system.status', {}, { authorization: `Bearer ${host.token}x` }),
      await rpc(host, 'system.status', {}, { cookie: `wb_token=${wrong}` }),
      await send(`${host.url}?token=${wrong}`),
      await send(`${host.url}?token=`),
      await rpc(host, 'system.status', {}, { authorization: host.token }),
    ];
    for (const r of replies) {
      expect(r.status).toBe(401);
      expect(r.body).toBe('');
      expect(r.headers['set-cookie']).toBeUndefined();
    }
  });

  it('answers 401 to a wrong Host header even with the right token (DNS rebinding)', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1']) {
      const r = await send(`${host.url}rpc/system.status`, {
        method: 'POST',
        host: hostHeader,
        headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(r.status, hostHeader).toBe(401);
      expect(r.body).toBe('');
    }
    const launch = await send(host.launchUrl, { host: 'evil.example' });
    expect(launch.status).toBe(401);
    expect(launch.headers['set-cookie']).toBeUndefined();
  });

  it('the launch URL sets an HttpOnly, SameSite=Strict cookie and redirects to a URL without the token', async () => {
    const r = await send(host.launchUrl);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    const cookie = ([] as string[]).concat(r.headers['set-cookie'] ?? [])[0] ?? '';
    expect(cookie).toContain(`wb_token=${host.token}`);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\//);

    const page = await send(host.url, { headers: { cookie: `wb_token=${host.token}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('工作台');
    // Only the app's own scripts run: no inline or remote script, nothing loaded from elsewhere.
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|https?:)/);
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('/rpc works with the Bearer token and with the cookie, and answers envelopes', async () => {
    const r = await rpc(host, 'system.status', {}, { authorization: `Bearer ${host.token}` });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { database: { state: 'ready' }, shell: 'test' } });

    const save = await rpc(host, 'incubators.save', { values: { name: '甲', operator: '乙', creditCode: '123' } }, { cookie: `wb_token=${host.token}` });
    const envelope = JSON.parse(save.body) as { ok: boolean; error: { kind: string; field: string } };
    expect(envelope).toMatchObject({ ok: false, error: { kind: 'validation', field: 'creditCode' } });
  });

  it('refuses a GET on /rpc, a non-JSON body type and malformed JSON', async () => {
    const auth = { authorization: `Bearer ${host.token}` };
    expect((await send(`${host.url}rpc/system.status`, { headers: auth })).status).toBe(405);
    expect((await send(`${host.url}rpc/system.status`, { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    const bad = await send(`${host.url}rpc/system.status`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{nope' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { kind: 'bad-request' } });
  });

  it('too large a body gets a 413 envelope in Chinese (not a connection reset)', async () => {
    const small = await startHttpHost({ router: t.router, staticDir, port: 0, maxBodyBytes: 1000 });
    try {
      for (const size of [5_000, 300_000]) {
        const r = await fetch(`${small.url}rpc/system.status`, {
          method: 'POST',
          headers: { authorization: `Bearer ${small.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ pad: 'x'.repeat(size) }),
        });
        expect(r.status).toBe(413);
        expect(await r.json()).toEqual({ ok: false, error: { kind: 'bad-request', message: '请求内容过大。' } });
      }
      const fine = await fetch(`${small.url}rpc/system.status`, { method: 'POST', headers: { authorization: `Bearer ${small.token}`, 'content-type': 'application/json' }, body: '{}' });
      expect(fine.status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('does not serve files outside the renderer folder', async () => {
    const auth = { headers: { authorization: `Bearer ${host.token}` } };
    const r = await send(`${host.url}..%2f..%2f..%2fetc%2fpasswd`, auth);
    // An unknown path gets the app's own page (the renderer routes by #hash), never a file from elsewhere.
    expect(r.status).toBe(200);
    expect(r.body).toBe((await send(host.url, auth)).body);
    expect(r.body).not.toContain('root:');
  });

  it('listens on the loopback address only', () => {
    // Asserted from the socket itself: tests never send traffic to this machine's other interfaces.
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
    expect(host.boundAddress).toBe('127.0.0.1');
  });
});

describe('browser-main (built, as a child process)', () => {
  let proc: ChildProcess | null = null;
  const temps: (() => void)[] = [];
  afterEach(() => {
    proc?.kill('SIGKILL');
    proc = null;
    for (const c of temps.splice(0)) c();
  });

  it('prints a 127.0.0.1 launch URL, answers 401 without the token and works with it', async () => {
    if (!rendererBuilt()) throw new Error('dist/renderer is missing: run npm run build first (scripts/test.sh does).');
    ensureNodeBuild();
    const { dir, cleanup } = makeTempDir('wb-browser-');
    temps.push(cleanup);
    const child = spawn(process.execPath, [builtBrowserMain], {
      cwd: root,
      env: { ...process.env, WORKBENCH_DATA_DIR: dir, WORKBENCH_NO_OPEN: '1', WORKBENCH_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc = child;
    const launchUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      let err = '';
      const timer = setTimeout(() => reject(new Error(`no URL printed; stdout: ${out}; stderr: ${err}`)), 20_000);
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /工作台地址：(\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}; stderr: ${err}`)));
    });
    const u = new URL(launchUrl);
    expect(u.hostname).toBe('127.0.0.1');
    const token = u.searchParams.get('token')!;
    expect(token.length).toBeGreaterThanOrEqual(32);

    const none = await send(`${u.origin}/`);
    expect(none.status).toBe(401);
    expect(none.body).toBe('');
    const launch = await send(launchUrl);
    expect(launch.status).toBe(303);
    const r = await send(`${u.origin}/rpc/incubators.list`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: [] });
  });
});
