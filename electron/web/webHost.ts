import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy.ts';
import type { Backend } from '../services/backend/backend.ts';
import { readBodyText, sameToken } from '../services/backend/loopbackRequest.ts';
import type { Logger } from '../services/logger.ts';
import { BadRequest, decodeComponent, isAllowedHost, isAuthorized, sessionOf, tokenCookie } from './requestGuards.ts';
import type { SseHub } from './sseHub.ts';
import { ATTACHMENT_ROUTE, serveAttachment } from './attachmentRoute.ts';
import { SessionTickets } from './sessionTickets.ts';
import { issueTicket, openEventStream, requestSession, sweepEndedSessions, TICKET_ROUTE, type SessionRoutes } from './sessionRoutes.ts';

export interface WebHostOptions {
  /** The archive's backend: this process's worker, or the process that owns the archive. */
  backend: Backend;
  logger: Logger;
  hub: SseHub;
  token: string;
  /** The built renderer (vite outDir). */
  distDir: string;
  /** 0 picks a free port. */
  port: number;
  /** How often open event streams have their session checked again (default 30 s). */
  sessionSweepMs?: number;
}

export interface WebHost {
  port: number;
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...SECURITY_HEADERS, ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

const UNAUTHORIZED_PAGE =
  '<!doctype html><meta charset="utf-8"><title>续约管家</title><p>未授权：请使用 <code>npm run web</code> 启动时打印的链接（含 token）打开续约管家。</p>';


function serveStatic(res: ServerResponse, distDir: string, urlPath: string) {
  const root = path.resolve(distDir);
  const rel = decodeComponent(urlPath === '/' ? '/index.html' : urlPath);
  const file = path.resolve(root, `.${rel}`);
  if (file !== root && !file.startsWith(root + path.sep)) return send(res, 404, 'not found');
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return send(res, 404, 'not found');
  const ext = path.extname(file);
  const headers: Record<string, string> = {
    'Content-Type': MIME[ext] ?? 'application/octet-stream',
    ...SECURITY_HEADERS,
    'Cache-Control': ext === '.html' ? 'no-store' : 'private, max-age=3600',
  };
  if (ext === '.html') headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  res.writeHead(200, headers);
  fs.createReadStream(file).pipe(res);
}

async function handleApi(res: ServerResponse, req: IncomingMessage, opts: WebHostOptions, name: string) {
  if (req.method !== 'POST') return send(res, 405, 'method not allowed', undefined, { Allow: 'POST' });
  let input: unknown = {};
  try {
    const body = await readBodyText(req, MAX_BODY_BYTES);
    input = body.trim() === '' ? {} : (JSON.parse(body) as unknown);
  } catch (e) {
    const status = (e as { status?: number }).status ?? 400;
    return sendJson(res, status, { ok: false, error: { code: 'VALIDATION', field: null, message: '请求内容不是有效的 JSON' } });
  }
  const session = sessionOf(req);
  const result = await opts.backend.call(name, input, session);
  // A logout ends the event streams its session opened, at once.
  if (name === 'accounts:logout' && result.ok && session !== null) opts.hub.endSession(session);
  sendJson(res, 200, result);
}

/** The loopback host for `npm run web`: the backend's operations behind a token, on 127.0.0.1 only. */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  let port = opts.port;
  const routes: SessionRoutes = { backend: opts.backend, hub: opts.hub, tickets: new SessionTickets() };
  const sweep = setInterval(() => {
    sweepEndedSessions(routes).catch((e: unknown) => opts.logger.warn('checking the event streams’ sessions failed', e));
  }, opts.sessionSweepMs ?? 30_000);
  sweep.unref();
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!isAllowedHost(req, port)) return send(res, 403, 'forbidden host or origin');
      // A path that cannot be decoded is a bad request for anyone, before the token is even looked at.
      decodeComponent(url.pathname);
      if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
        if (!sameToken(url.searchParams.get('token') ?? undefined, opts.token)) {
          return send(res, 401, UNAUTHORIZED_PAGE, 'text/html; charset=utf-8');
        }
        res.writeHead(302, { Location: '/', 'Set-Cookie': tokenCookie(opts.token), 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
        return res.end();
      }
      if (!isAuthorized(req, opts.token)) {
        return url.pathname.startsWith('/api/')
          ? sendJson(res, 401, { ok: false, error: { code: 'FORBIDDEN', field: null, message: '未授权：缺少或错误的访问令牌' } })
          : send(res, 401, UNAUTHORIZED_PAGE, 'text/html; charset=utf-8');
      }
      if (url.pathname === '/api/events') return openEventStream(req, res, url, routes);
      if (url.pathname === TICKET_ROUTE) return issueTicket(req, res, routes);
      if (url.pathname.startsWith('/api/')) return handleApi(res, req, opts, decodeComponent(url.pathname.slice(5)));
      const attachment = ATTACHMENT_ROUTE.exec(url.pathname);
      if (attachment) {
        const id = decodeComponent(attachment[1] ?? '');
        const who = requestSession(req, url, routes, id);
        if (!who.ok) return send(res, 401, 'sign in required');
        return serveAttachment(res, req, opts.backend, id, SECURITY_HEADERS, who.session);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
      return serveStatic(res, opts.distDir, url.pathname);
    })().catch((e: unknown) => {
      if (e instanceof BadRequest) {
        if (!res.headersSent) send(res, 400, 'bad request');
        else res.end();
        return;
      }
      opts.logger.error('web host request failed', e);
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(opts.token)}`,
    async close() {
      clearInterval(sweep);
      opts.hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
