// A stand-in web host that follows the real one's rules except for one planted flaw, so the web host fuzz is
// seen catching each kind of fault: a missing token check, Host check, method check or body limit, a static file
// served from outside its folder, a stack in an answer, an API answer that is not an envelope.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MAX_BODY_BYTES } from './webHostCases.ts';

export const WEB_FLAWS = ['no-token-check', 'no-host-check', 'no-method-check', 'no-body-limit', 'traversal', 'stack', 'not-envelope'] as const;
export type WebFlaw = (typeof WEB_FLAWS)[number];

export interface PlantedWebHost {
  port: number;
  close(): Promise<void>;
}

const envelope = JSON.stringify({ ok: false, error: { code: 'NOT_FOUND', field: null, key: 'errors.internal', params: {}, message: 'planted host' } });

export async function startPlantedWebHost(flaw: WebFlaw, token: string, root: string): Promise<PlantedWebHost> {
  let port = 0;
  const server = http.createServer((req, res) => {
    void (async () => {
      const send = (status: number, body: string) => {
        if (!res.headersSent) res.writeHead(status, { 'Content-Type': 'text/plain' });
        res.end(body);
      };
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
      const host = (req.headers.host ?? '').toLowerCase();
      const origin = req.headers.origin?.toLowerCase();
      if (flaw !== 'no-host-check' && (!allowed.includes(host) || (origin !== undefined && !allowed.map((a) => `http://${a}`).includes(origin)))) return send(403, 'forbidden');
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch (e) {
        return flaw === 'stack' ? send(500, (e as Error).stack ?? '') : send(400, 'bad request');
      }
      if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) return send(url.searchParams.get('token') === token ? 302 : 401, '');
      const cookie = /(?:^|;\s*)rd_token=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
      let cookieToken: string | undefined;
      try {
        cookieToken = cookie === undefined ? undefined : decodeURIComponent(cookie);
      } catch {
        if (req.headers.authorization?.slice(7).trim() !== token) return send(400, 'bad request');
      }
      const authorized = req.headers.authorization?.startsWith('Bearer ') === true && req.headers.authorization.slice(7).trim() === token;
      if (flaw !== 'no-token-check' && !authorized && cookieToken !== token) return send(401, 'unauthorized');
      if (url.pathname === '/api/events') return send(req.method === 'GET' ? 200 : 405, '');
      if (url.pathname.startsWith('/api/')) {
        if (flaw !== 'no-method-check' && req.method !== 'POST') return send(405, 'method not allowed');
        let size = 0;
        const chunks: Buffer[] = [];
        for await (const c of req) {
          size += (c as Buffer).length;
          if (flaw !== 'no-body-limit' && size > MAX_BODY_BYTES) return send(413, 'too large');
          chunks.push(c as Buffer);
        }
        const body = Buffer.concat(chunks).toString('utf8');
        try {
          if (body.trim() !== '') JSON.parse(body);
        } catch {
          return send(400, 'not JSON');
        }
        return send(200, flaw === 'not-envelope' ? '{"answer":42}' : envelope);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
      // The flaw: a path joined onto the folder without checking it stays inside.
      const file = flaw === 'traversal' ? path.join(root, 'dist', pathname) : path.resolve(root, 'dist', `.${path.posix.normalize(pathname)}`);
      const inside = file.startsWith(path.join(root, 'dist') + path.sep);
      if ((flaw === 'traversal' || inside) && fs.existsSync(file) && fs.statSync(file).isFile()) return send(200, fs.readFileSync(file, 'utf8'));
      return send(404, 'not found');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
