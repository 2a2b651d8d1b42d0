import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '../../test-support/postgres/testDatabaseForFile.ts';
import type { TestDatabase } from '../../test-support/postgres/testPostgres.ts';
import { isMigrateTo, parseMigrateTo } from './migrateToCommand.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'renewal-desk.js');
let dir: string;
let database: TestDatabase;
/** The test server trusts every local connection, so a password is accepted and ignored: enough to see it masked. */
let url: string;

function cli(db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, RENEWAL_DESK_DB: '', RENEWAL_DESK_LANG: 'en-US', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-migrate-cli-'));
  database = await testDatabaseForFile();
  url = database.url.replace('postgres@', 'postgres:hunter2@');
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await database?.drop();
});

describe('migrate-to on the command line', () => {
  it('reads its own command line', () => {
    expect(isMigrateTo(['--db', 'x.db', 'migrate-to', 'postgres://h/db'])).toBe(true);
    expect(isMigrateTo(['customers', 'list'])).toBe(false);
    expect(parseMigrateTo(['migrate-to', 'out.db', '--db=in.db', '--json'])).toEqual({ db: 'in.db', target: 'out.db', json: true });
    expect(() => parseMigrateTo(['migrate-to'])).toThrow(/migrate-to/);
  });

  it('moves the demo archive to PostgreSQL and back, reports every table equal, and never prints the password', { timeout: 300_000 }, () => {
    const demo = path.join(dir, 'demo.db');
    expect(cli(demo, 'demo').code).toBe(0);
    const there = cli(demo, 'migrate-to', url);
    expect(there.stderr).not.toContain('hunter2');
    expect(there.stdout).not.toContain('hunter2');
    expect(there.code, there.stderr).toBe(0);
    expect(there.stdout).toMatch(/^customers \| 200 \| 200 \| [0-9a-f]{16} \| equal$/m);
    expect(there.stdout).toMatch(/every row count and content hash is equal/);

    const backFile = path.join(dir, 'back.db');
    const back = cli(url, 'migrate-to', backFile, '--json');
    expect(back.code, back.stderr).toBe(0);
    const report = JSON.parse(back.stdout) as { ok: boolean; source: string; tables: { table: string; targetRows: number; targetSha256: string; ok: boolean }[] };
    expect(report.ok).toBe(true);
    expect(report.source).toContain('postgres:***@');
    expect(report.tables.find((t) => t.table === 'contracts')?.targetRows).toBe(200);

    // The file that came back is an ordinary archive the CLI opens.
    const listed = cli(backFile, 'customers', 'list', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).total).toBe(200);
  });

  it('refuses a target that already holds an archive and an existing file; other commands then serve the moved archive', { timeout: 120_000 }, () => {
    const demo = path.join(dir, 'demo.db');
    const again = cli(demo, 'migrate-to', url);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not empty/);

    const existing = cli(url, 'migrate-to', demo);
    expect(existing.code).toBe(1);
    expect(existing.stderr).toMatch(/already exists/);

    // Team mode: every command opens a PostgreSQL archive (electron/cli/postgresCli.test.ts has the rest).
    const other = cli(url, 'customers', 'list', '--json');
    expect(other.code).toBe(0);
    expect(JSON.parse(other.stdout).total).toBeGreaterThan(0);
    expect(other.stdout + other.stderr).not.toContain('hunter2');
  });
});
