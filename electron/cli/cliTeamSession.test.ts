import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '../../test-support/postgres/testDatabaseForFile.ts';
import type { TestDatabase } from '../../test-support/postgres/testPostgres.ts';

// The CLI on a team archive that has accounts: RENEWAL_DESK_USER and RENEWAL_DESK_PASSWORD sign the command in (its
// writes audited as that account, its session ended afterwards); without them it says which variables to set.

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'renewal-desk.js');
let dir: string;
let database: TestDatabase;

function cli(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', database.url, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      HOME: dir,
      XDG_CONFIG_HOME: path.join(dir, 'config'),
      RENEWAL_DESK_DB: '',
      RENEWAL_DESK_USER: '',
      RENEWAL_DESK_PASSWORD: '',
      RENEWAL_DESK_LANG: 'en-US',
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: 'C.UTF-8',
      ...env,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client(database.connection);
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-cli-session-'));
  database = await testDatabaseForFile();
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await database?.drop();
});

describe('the CLI on a team archive with accounts', () => {
  it('signs in from the environment, runs as that account, signs out; without the variables it says which to set', { timeout: 240_000 }, async () => {
    // Before the first account the archive is open, as a new file is.
    const before = cli({}, 'owners', 'list', '--json');
    expect(before.code, before.stderr).toBe(0);
    const admin = cli({}, 'accounts', 'create-first-admin', '--login', 'boss', '--display-name', '老板', '--password', 'admin-pass-1', '--json');
    expect(admin.code, admin.stderr).toBe(0);
    await query('DELETE FROM account_sessions');

    const en = cli({}, 'owners', 'list');
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('set the environment variables RENEWAL_DESK_USER (the login name) and RENEWAL_DESK_PASSWORD');
    const zh = cli({ RENEWAL_DESK_LANG: 'zh-CN', RENEWAL_DESK_USER: 'boss' }, 'owners', 'list', '--json');
    expect(zh.code).toBe(1);
    expect(JSON.parse(zh.stderr)).toMatchObject({ error: { code: 'FORBIDDEN', key: 'cli.teamLoginNeeded' } });
    expect(zh.stderr).toContain('请设置环境变量 RENEWAL_DESK_USER（登录名）和 RENEWAL_DESK_PASSWORD（密码）');

    const wrong = cli({ RENEWAL_DESK_USER: 'boss', RENEWAL_DESK_PASSWORD: 'not-the-password' }, 'owners', 'list');
    expect(wrong.code).toBe(1);
    expect(`${wrong.stdout}${wrong.stderr}`).not.toContain('not-the-password');

    const signedIn = { RENEWAL_DESK_USER: 'boss', RENEWAL_DESK_PASSWORD: 'admin-pass-1' };
    const created = cli(signedIn, 'owners', 'create', '--name', '孙丽', '--json');
    expect(created.code, created.stderr).toBe(0);
    expect(`${created.stdout}${created.stderr}`).not.toContain('admin-pass-1');
    const id = (JSON.parse(created.stdout) as { id: string }).id;
    expect((await query<{ actor: string }>('SELECT actor FROM audit_log WHERE entity_id = $1', [id])).map((r) => r.actor)).toEqual(['boss']);
    const listed = cli(signedIn, 'owners', 'list', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as { items: { name: string }[] }).items.map((o) => o.name)).toEqual(['孙丽']);
    // Each command's session ended with it: no live session is left on the server.
    expect(await query('SELECT 1 FROM account_sessions')).toEqual([]);
  });
});
