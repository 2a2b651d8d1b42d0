import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { ApiEventName } from '../../../shared/api/events.ts';
import { createTestDatabase, startTestPostgres, type TestDatabase, type TestPostgresServer } from '../../../test-support/postgres/testPostgres.ts';
import { silentLogger, stderrLogger } from '../logger.ts';
import type { Backend } from './backend.ts';
import { openPostgresBackend } from './postgresBackend.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-pg-backend-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Heard = { event: ApiEventName; payload: unknown }[];
function listen(backend: Backend): Heard {
  const heard: Heard = [];
  backend.on((event, payload) => heard.push({ event, payload }));
  return heard;
}

async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const open = (url: string, name: string, extra: { retryMs?: number; connectTimeoutMs?: number } = {}) =>
  openPostgresBackend({ url, localDir: path.join(dir, name), actor: 'local', tickIntervalMs: null, logger: process.env['RENEWAL_DESK_TEST_LOG'] ? stderrLogger('test') : silentLogger, ...extra });

const changedDomains = (heard: Heard) => heard.filter((h) => h.event === 'data:changed').map((h) => (h.payload as { domains: string[] }).domains);

describe('two clients of one PostgreSQL archive', () => {
  let database: TestDatabase;
  let a: Backend;
  let b: Backend;
  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresServer'), inject('postgresTemplate'));
    a = await open(database.url, 'a');
    b = await open(database.url, 'b');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it("hears the other client's write as the change event its windows refetch on, and its own write once", async () => {
    const heardA = listen(a);
    const heardB = listen(b);
    const created = await a.call('owners:create', { name: '李雷' });
    expect(created.ok).toBe(true);
    await until('b to hear the change', () => changedDomains(heardB).some((d) => d.includes('owners')));
    // Its own note comes back on the channel too; it is skipped, so a's windows refetch once, not twice.
    await new Promise((r) => setTimeout(r, 300));
    expect(changedDomains(heardA)).toEqual([['owners']]);
    const list = await b.call('owners:list', {});
    expect(list.ok && (list.data as { items: { name: string }[] }).items.map((o) => o.name)).toEqual(['李雷']);
  });

  it('reads no answer of the archive from a failed write: a refused input stays a validation error', async () => {
    const refused = await b.call('owners:create', { name: '' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('VALIDATION');
  });
});

describe('when the server goes away', () => {
  let server: TestPostgresServer;
  let url: string;
  beforeAll(async () => {
    server = startTestPostgres();
    const database = await createTestDatabase(server.connection);
    url = database.url;
    // initdb and a first start take a while on a loaded machine.
  }, 120_000);
  afterAll(() => server?.stop(), 60_000);

  it('says so, fails every call at once with the translated error, and reconnects by itself when it is back', { timeout: 120_000 }, async () => {
    const backend = await open(url, 'away', { retryMs: 200, connectTimeoutMs: 2000 });
    try {
      const heard = listen(backend);
      expect((await backend.call('owners:create', { name: '韩梅梅' })).ok).toBe(true);

      server.halt();
      await until('the offline state', () => heard.some((h) => h.event === 'backend:connection' && (h.payload as { state: string }).state === 'offline'));
      const started = Date.now();
      const write = await backend.call('owners:create', { name: '王芳' });
      const read = await backend.call('owners:list', {});
      expect(Date.now() - started).toBeLessThan(3000);
      for (const answer of [write, read]) {
        expect(answer.ok).toBe(false);
        if (answer.ok) continue;
        expect(answer.error.code).toBe('SERVER_UNREACHABLE');
        expect(answer.error.key).toBe('teamDb.serverUnreachable');
        expect(answer.error.message).toContain('连不上团队数据库服务器');
        expect(answer.error.message).toContain(url);
      }

      server.resume();
      await until('the online state', () => heard.some((h) => h.event === 'backend:connection' && (h.payload as { state: string }).state === 'online'), 30_000);
      // Whatever changed meanwhile was never heard: every list refetches.
      expect(changedDomains(heard).at(-1)).toContain('customers');
      const after = await backend.call('owners:list', {});
      // Nothing was queued while the server was away: 王芳 was never written.
      expect(after.ok && (after.data as { items: { name: string }[] }).items.map((o) => o.name)).toEqual(['韩梅梅']);
    } finally {
      await backend.close();
    }
  });

  it('refuses to open a server that is not there with the same translated error', async () => {
    const dead = `postgres://postgres@/nowhere?host=${encodeURIComponent(path.join(dir, 'no-server-here'))}`;
    await expect(open(dead, 'dead', { connectTimeoutMs: 1000 })).rejects.toMatchObject({ code: 'SERVER_UNREACHABLE' });
  });
});
