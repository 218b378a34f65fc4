// A fault-injecting HTTP proxy on 127.0.0.1 (sync.md test 5): per request it passes, drops the connection before
// forwarding, cuts the answer midway after the server handled it, answers 500, or answers 401.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'pass' | 'drop' | 'cut' | 'cut-request' | 'error500' | 'error401';

export interface FaultProxy {
  url: string;
  /** Chooses the fault of each request; `heal()` makes every request pass. */
  choose: (req: http.IncomingMessage) => Fault;
  heal(): void;
  counts: Record<Fault, number>;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string, choose: (req: http.IncomingMessage) => Fault): Promise<FaultProxy> {
  const upstream = new URL(target);
  const counts: Record<Fault, number> = { pass: 0, drop: 0, cut: 0, 'cut-request': 0, error500: 0, error401: 0 };
  const proxy: FaultProxy = {
    url: '',
    choose,
    heal() {
      proxy.choose = () => 'pass';
    },
    counts,
    close: () => new Promise((r) => server.close(() => r())),
  };
  const server = http.createServer((req, res) => {
    const fault = proxy.choose(req);
    counts[fault] += 1;
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault === 'error500') {
      res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>502 Bad Gateway</h1>');
      return;
    }
    if (fault === 'error401') {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('unauthorized');
      return;
    }
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        if (fault === 'cut') {
          // The server has handled the request; the client gets half an answer.
          res.writeHead(up.statusCode ?? 200, up.headers);
          up.once('data', (chunk: Buffer) => {
            res.write(chunk.subarray(0, Math.max(1, Math.floor(chunk.length / 2))));
            res.socket?.destroy();
          });
          up.on('end', () => res.socket?.destroy());
          return;
        }
        res.writeHead(up.statusCode ?? 200, up.headers);
        up.pipe(res);
      },
    );
    out.on('error', () => res.socket?.destroy());
    if (fault === 'cut-request') {
      // The request body is cut at a random byte: the server sees a short body and the client a dead connection.
      let sent = 0;
      const limit = Math.floor(Math.random() * Number(req.headers['content-length'] ?? 0));
      req.on('data', (chunk: Buffer) => {
        if (sent >= limit) return;
        const part = chunk.subarray(0, Math.max(0, limit - sent));
        sent += part.length;
        out.write(part);
        if (sent >= limit) {
          out.destroy();
          req.socket.destroy();
        }
      });
      req.on('end', () => {
        out.destroy();
        req.socket.destroy();
      });
      return;
    }
    req.pipe(out);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
