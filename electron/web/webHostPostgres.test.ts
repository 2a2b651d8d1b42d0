import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '../../test-support/postgres/testDatabaseForFile.ts';
import type { TestDatabase } from '../../test-support/postgres/testPostgres.ts';
import { spawnWebHost, type WebHostChild } from '../../test-support/webHostChild.ts';

// The real web host (its bundle, as `npm run web` runs it) serving a team archive on PostgreSQL: two of them on one
// database, as two colleagues' machines would be, and a write through one reaching the other's open event stream.

let dir: string;
let database: TestDatabase;
let a: WebHostChild | undefined;
let b: WebHostChild | undefined;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-web-pg-'));
  database = await testDatabaseForFile();
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The next `data:changed` event whose domains include `domain`, heard on the host's /api/events stream. */
function nextChange(host: WebHostChild, domain: string): { connected: Promise<void>; heard: Promise<string[]>; close(): void } {
  let close = () => {};
  let connected: () => void = () => {};
  const connectedP = new Promise<void>((resolve) => (connected = resolve));
  const heard = new Promise<string[]>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { Authorization: `Bearer ${host.token}` } }, (res) => {
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        if (buf.includes(': connected')) connected();
        for (const m of buf.matchAll(/event: data:changed\ndata: (.+)\n\n/g)) {
          const domains = (JSON.parse(m[1]!) as { domains: string[] }).domains;
          if (domains.includes(domain)) resolve(domains);
        }
      });
    });
    req.on('error', reject);
    close = () => req.destroy();
  });
  heard.catch(() => {});
  return { connected: connectedP, heard, close: () => close() };
}

describe('the web host on a PostgreSQL archive', () => {
  it("serves it, and another host's write reaches this one's open pages within seconds", { timeout: 180_000 }, async () => {
    const env = { HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'), RENEWAL_DESK_DB: '' };
    [a, b] = await Promise.all([spawnWebHost({ db: database.url, args: ['--no-build'], env }), spawnWebHost({ db: database.url, args: ['--no-build'], env })]);

    const info = await a.call('system:info');
    expect(info.ok, a.output()).toBe(true);
    expect(JSON.stringify(info.data)).toContain('postgres://postgres@/');

    const onB = nextChange(b, 'owners');
    await onB.connected;
    const created = await a.call('owners:create', { name: '王芳' });
    expect(created.ok, a.output()).toBe(true);
    const started = Date.now();
    try {
      expect(await onB.heard).toContain('owners');
    } finally {
      onB.close();
    }
    expect(Date.now() - started).toBeLessThan(5000);
    const listed = await b.call('owners:list', {});
    expect(listed.data.items.map((o: { name: string }) => o.name)).toEqual(['王芳']);
  });
});
