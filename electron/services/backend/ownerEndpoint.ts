// The owner's door for other processes on this machine (a second CLI, a second web host, the desktop while the web
// host owns the archive): POST /call, GET /events (Server-Sent Events), GET /ping, on 127.0.0.1 only,
// with the token from the owner file. No browser may use it: a request with an Origin header is refused.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.ts';
import type { Backend } from './backend.ts';
import { bearerMatches, readBodyText } from './loopbackRequest.ts';

/** A call's body: an upload piece is 8 MiB of base64, so 32 MiB leaves room and still bounds memory. */
export const MAX_CALL_BYTES = 32 * 1024 * 1024;

export interface OwnerEndpoint {
  port: number;
  /** Serves `backend` from now on; calls that arrived while it was starting are answered too. */
  attach(backend: Backend): void;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  return JSON.parse(await readBodyText(req, MAX_CALL_BYTES)) as unknown;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

export async function startOwnerEndpoint(token: string, logger: Logger): Promise<OwnerEndpoint> {
  let attach: (backend: Backend) => void = () => {};
  const backendReady = new Promise<Backend>((resolve) => {
    attach = resolve;
  });
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.headers.host !== `127.0.0.1:${port}` || req.headers.origin !== undefined) return reply(res, 403, { error: 'forbidden' });
      if (!bearerMatches(req, token)) return reply(res, 401, { error: 'unauthorized' });
      const url = req.url ?? '/';
      if (req.method === 'GET' && url === '/ping') return reply(res, 200, { pid: process.pid });
      const backend = await backendReady;
      if (req.method === 'POST' && url === '/call') {
        const body = await readJson(req);
        if (typeof body !== 'object' || body === null || !('name' in body) || typeof body.name !== 'string') return reply(res, 400, { error: 'bad call' });
        return reply(res, 200, await backend.call(body.name, 'input' in body ? body.input : {}));
      }
      if (req.method === 'GET' && url === '/events') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        const off = backend.on((event, payload) => res.write(`data: ${JSON.stringify({ event, payload })}\n\n`));
        res.on('close', () => {
          off();
          streams.delete(res);
        });
        return;
      }
      return reply(res, 404, { error: 'not found' });
    })().catch((e: unknown) => {
      const status = (e as { status?: number }).status ?? 400;
      if (status >= 500) logger.warn('owner endpoint request failed', e);
      if (!res.headersSent) reply(res, status, { error: 'bad request' });
      else res.end();
    });
  });
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    attach: (backend) => attach(backend),
    async close() {
      for (const res of streams) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
