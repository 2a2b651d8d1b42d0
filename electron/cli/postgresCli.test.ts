import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '../../test-support/postgres/testDatabaseForFile.ts';
import type { TestDatabase } from '../../test-support/postgres/testPostgres.ts';

// The CLI against a team archive: every command takes `--db postgres://…` (or RENEWAL_DESK_DB) and runs through the
// same handler table as on a file, served by the CLI process itself.

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'renewal-desk.js');
let dir: string;
let database: TestDatabase;

function cli(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
    // HOME in the temp dir: no team database chosen in a real user's settings can leak in.
    env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'), RENEWAL_DESK_DB: '', RENEWAL_DESK_LANG: 'en-US', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-pg-cli-'));
  database = await testDatabaseForFile();
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await database?.drop();
});

describe('the CLI on a PostgreSQL archive', () => {
  it('adds and lists through --db and RENEWAL_DESK_DB, and keeps the password out of what it prints', { timeout: 180_000 }, () => {
    const url = database.url;
    const add = cli({}, '--db', url, 'customers', 'add', '--name', '宁波团队贸易有限公司', '--tier', 'vip', '--json');
    expect(add.code, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ name: '宁波团队贸易有限公司' });

    const customerId = (JSON.parse(add.stdout) as { id: string }).id;
    const contract = cli({ RENEWAL_DESK_DB: url }, 'contracts', 'add', '--customer-id', customerId, '--number', 'TM-1', '--ends-on', '2027-01-01', '--json');
    expect(contract.code, contract.stderr).toBe(0);

    // The test server trusts local connections and ignores the password: enough to see it never printed.
    const withSecret = url.replace('postgres@', 'postgres:hunter2@');
    const owner = cli({}, '--db', withSecret, 'owners', 'create', '--name', '李娜', '--json');
    expect(owner.code, owner.stderr).toBe(0);
    const owners = cli({ RENEWAL_DESK_DB: withSecret }, 'owners', 'list', '--json');
    expect(owners.code, owners.stderr).toBe(0);
    expect((JSON.parse(owners.stdout) as { items: { name: string }[] }).items.map((o) => o.name)).toEqual(['李娜']);

    const info = cli({}, '--db', withSecret, 'info', '--json');
    expect(info.code, info.stderr).toBe(0);
    for (const r of [owner, owners, info]) expect(`${r.stdout}${r.stderr}`).not.toContain('hunter2');
    expect(info.stdout).toContain('postgres:***@');

    const human = cli({}, '--db', url, 'customers', 'get', '--id', customerId);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('宁波团队贸易有限公司');
  });

  it('says plainly that the server cannot be reached, in the user language, and exits 1', { timeout: 60_000 }, () => {
    const dead = `postgres://postgres:hunter2@/nowhere?host=${encodeURIComponent(path.join(dir, 'no-server'))}`;
    const en = cli({}, '--db', dead, 'customers', 'list');
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('The team database server (postgres://postgres:***@/nowhere');
    expect(en.stderr).toContain('cannot be reached: nothing was done and nothing was queued');
    expect(en.stderr).not.toContain('hunter2');
    const zh = cli({ RENEWAL_DESK_LANG: 'zh-CN' }, '--db', dead, 'customers', 'list', '--json');
    expect(zh.code).toBe(1);
    expect(JSON.parse(zh.stderr)).toMatchObject({ error: { code: 'SERVER_UNREACHABLE', key: 'teamDb.serverUnreachable' } });
    expect(zh.stderr).toContain('连不上团队数据库服务器');
  });
});
