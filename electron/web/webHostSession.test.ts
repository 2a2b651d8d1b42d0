import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '../../test-support/postgres/testDatabaseForFile.ts';
import type { TestDatabase } from '../../test-support/postgres/testPostgres.ts';
import { spawnWebHost, type WebHostChild } from '../../test-support/webHostChild.ts';

// Team mode through the real web host: the browser's session header reaches dispatch, which resolves it to the
// account, lets the call through and names the account in the audit log; without it, a call is refused.

let dir: string;
let database: TestDatabase;
let host: WebHostChild | undefined;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-web-session-'));
  database = await testDatabaseForFile();
});
afterAll(async () => {
  await host?.stop();
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function auditActors(entityId: string): Promise<string[]> {
  const client = new pg.Client(database.connection);
  await client.connect();
  try {
    const r = await client.query<{ actor: string }>('SELECT actor FROM audit_log WHERE entity_id = $1 ORDER BY id', [entityId]);
    return r.rows.map((row) => row.actor);
  } finally {
    await client.end();
  }
}

describe('the web host on a team archive with accounts', () => {
  it('runs a call that carries the session header as its account, and refuses one without it', { timeout: 180_000 }, async () => {
    host = await spawnWebHost({ db: database.url, args: ['--no-build'], env: { HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'), RENEWAL_DESK_DB: '' } });
    const first = await host.call('accounts:createFirstAdmin', { login: 'boss', displayName: '老板', password: 'admin-pass-1' });
    expect(first.ok, host.output()).toBe(true);
    const login = await host.call('accounts:login', { login: 'boss', password: 'admin-pass-1' });
    expect(login.ok, host.output()).toBe(true);
    const token = login.data.token as string;

    const status = await host.call('accounts:status', {}, token);
    expect(status.data).toMatchObject({ teamMode: true, accountsExist: true, signedIn: { login: 'boss', role: 'admin' } });

    const created = await host.call('owners:create', { name: '周敏' }, token);
    expect(created.ok, host.output()).toBe(true);
    expect(await auditActors(created.data.id as string)).toEqual(['boss']);

    const refused = await host.call('owners:create', { name: '无名' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: 'accounts.signInRequired' } });
    // A header that is no token in shape counts as none: refused the same way, never a query with it.
    const odd = await host.call('owners:list', {}, `${token}'; DROP TABLE owners; --`);
    expect(odd).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: 'accounts.signInRequired' } });
    // A token of the right shape that no session has: the gate says the session ended.
    const unknown = await host.call('owners:list', {}, 'A'.repeat(43));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: 'accounts.sessionExpired' } });

    const listed = await host.call('owners:list', {}, token);
    expect(listed.data.items.map((o: { name: string }) => o.name)).toEqual(['周敏']);

    const out = await host.call('accounts:logout', {}, token);
    expect(out).toMatchObject({ ok: true, data: { signedOut: true } });
    const after = await host.call('owners:list', {}, token);
    expect(after).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: 'accounts.sessionExpired' } });
  });
});
