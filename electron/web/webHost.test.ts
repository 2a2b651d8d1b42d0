import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../services/backend/backend.ts';
import { startBackendWorker } from '../services/backend/startBackendWorker.ts';
import { silentLogger } from '../services/logger.ts';
import { SseHub } from './sseHub.ts';
import { startWebHost, type WebHost } from './webHost.ts';

let dir: string;
let backend: Backend;
let host: WebHost;
let hub: SseHub;
let offEvents: () => void;
const TOKEN = 'test-token-123';

// One real backend worker (the bundle users run) for the file; a fresh host per test.
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-webhost-'));
  const dist = path.join(dir, 'dist');
  fs.mkdirSync(dist);
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>续约管家</title>');
  backend = await startBackendWorker(
    {
      file: path.join(dir, 'test.db'),
      workerScript: path.resolve(import.meta.dirname, '..', '..', 'dist', 'node', 'backend.mjs'),
      actor: 'test',
      tickIntervalMs: null,
      notifier: 'none',
      appName: 'renewal-desk-test',
      autoBackup: false,
      threads: 'split',
    },
    { logger: silentLogger },
  );
});
afterAll(async () => {
  await backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  hub = new SseHub();
  offEvents = backend.on(hub.emit);
  host = await startWebHost({ backend, logger: silentLogger, hub, token: TOKEN, distDir: path.join(dir, 'dist'), port: 0 });
});
afterEach(async () => {
  offEvents();
  await host.close();
});

function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string; hostHeader?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { Host: opts.hostHeader ?? `127.0.0.1:${host.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const api = (name: string, input: unknown, headers: Record<string, string> = { Authorization: `Bearer ${TOKEN}` }) =>
  request({ method: 'POST', path: `/api/${name}`, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(input) });

describe('web host', () => {
  it('binds 127.0.0.1 only and prints a token URL', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=${TOKEN}$`));
  });

  it('answers 401 without a token or with a wrong one', async () => {
    expect((await api('customers:list', {}, {})).status).toBe(401);
    expect((await api('customers:list', {}, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await request({ path: '/' })).status).toBe(401);
    expect((await request({ path: '/?token=wrong' })).status).toBe(401);
  });

  it('sets an HttpOnly SameSite=Strict cookie from ?token= and then serves the app and the API with it', async () => {
    const login = await request({ path: `/?token=${TOKEN}` });
    expect(login.status).toBe(302);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/rd_token=.+; HttpOnly; SameSite=Strict; Path=\//);
    const cookieHeader = { Cookie: cookie.split(';')[0]! };
    const page = await request({ path: '/', headers: cookieHeader });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const created = JSON.parse((await api('customers:create', { name: '杭州云启科技有限公司' }, cookieHeader)).body);
    expect(created).toMatchObject({ ok: true, data: { name: '杭州云启科技有限公司' } });
  });

  it('rejects a foreign Host or Origin (DNS rebinding)', async () => {
    expect((await request({ path: `/?token=${TOKEN}`, hostHeader: 'evil.example:80' })).status).toBe(403);
    const foreign = await api('customers:list', {}, { Authorization: `Bearer ${TOKEN}`, Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const own = await api('customers:list', {}, { Authorization: `Bearer ${TOKEN}`, Origin: `http://127.0.0.1:${host.port}` });
    expect(own.status).toBe(200);
  });

  it('returns the envelope with a typed error, and refuses bad JSON and unknown operations', async () => {
    const invalid = JSON.parse((await api('customers:create', { name: '' })).body);
    expect(invalid).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'name', key: 'validation.nameBlank', params: { label: { key: 'label.customerName', params: {} } }, message: '客户名称不能为空' } });
    const unknown = JSON.parse((await api('customers:drop', {})).body);
    expect(unknown.error.code).toBe('UNKNOWN_OPERATION');
    const bad = await request({ method: 'POST', path: '/api/customers:list', headers: { Authorization: `Bearer ${TOKEN}` }, body: '{oops' });
    expect(bad.status).toBe(400);
  });

  it('answers a malformed %-escape in the path or the cookie with 400, before the token check', async () => {
    const bearer = { Authorization: `Bearer ${TOKEN}` };
    for (const p of ['/api/customers%3Alist%E0%A4%A', '/%E0%A4%A', '/assets/%ZZ.js']) {
      for (const headers of [bearer, {}]) {
        const r = await request({ method: p.startsWith('/api/') ? 'POST' : 'GET', path: p, headers });
        expect(r.status, `${p} ${JSON.stringify(headers)}`).toBe(400);
        expect(r.body).not.toMatch(/URIError|at .*\.ts/);
      }
    }
    expect((await request({ path: '/', headers: { Cookie: 'rd_token=%E0%A4%A' } })).status).toBe(400);
    expect((await api('customers:list', {}, { Cookie: 'other=%; rd_token=%E0%A4%A' })).status).toBe(400);
  });

  it('does not serve files outside the renderer directory', async () => {
    const res = await request({ path: '/..%2f..%2ftest.db', headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(404);
  });

  it('streams service events as Server-Sent Events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: host.port, path: '/api/events', headers: { Authorization: `Bearer ${TOKEN}` } },
        (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream');
          let buf = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            buf += c;
            if (buf.includes('event: data:changed')) {
              resolve(buf);
              req.destroy();
            }
          });
        },
      );
      req.on('error', (e) => (String(e).includes('socket hang up') ? undefined : reject(e)));
    });
    await new Promise((r) => setTimeout(r, 50));
    await api('customers:create', { name: '甲公司' });
    const text = await received;
    expect(text).toMatch(/event: data:changed\ndata: \{"domains":\["customers","contacts","tags","system"\]\}/);
  });
});
