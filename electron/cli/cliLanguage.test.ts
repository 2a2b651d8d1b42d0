import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environmentLocale } from './cliLocale.ts';
import { CJK } from '../../test-support/cjkCharacters.ts';

// The CLI speaks the environment's language until it has opened the archive, then the archive's setting.
const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'renewal-desk.js');
let dir: string;
let db: string;

function cli(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, RENEWAL_DESK_DB: '', RENEWAL_DESK_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-cli-lang-'));
  db = path.join(dir, 'x.db');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the language of the CLI', { timeout: 120_000 }, () => {
  it('reads RENEWAL_DESK_LANG first, then LC_ALL, LC_MESSAGES and LANG; zh-CN unless one names English', () => {
    expect(environmentLocale({})).toBe('zh-CN');
    expect(environmentLocale({ LANG: 'C.UTF-8' })).toBe('zh-CN');
    expect(environmentLocale({ LANG: 'en_US.UTF-8' })).toBe('en-US');
    expect(environmentLocale({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(environmentLocale({ LANG: 'zh_CN.UTF-8', RENEWAL_DESK_LANG: 'en-US' })).toBe('en-US');
    expect(environmentLocale({ LANG: 'en_GB.UTF-8', RENEWAL_DESK_LANG: '' })).toBe('en-US');
  });

  it('answers --help and usage errors in the environment’s language, without an archive', () => {
    const zh = cli({}, '--help');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('用法 usage: renewal-desk [--db FILE]');
    for (const env of [{ RENEWAL_DESK_LANG: 'en-US' }, { LANG: 'en_US.UTF-8' }] as Record<string, string>[]) {
      const en = cli(env, '--help');
      expect(en.code).toBe(0);
      expect(en.stdout).toContain('usage: renewal-desk [--db FILE] <command> [flags] [--json]');
      expect(en.stdout.split('\n').filter((line) => CJK.test(line))).toEqual([]);
    }
    const usage = cli({ RENEWAL_DESK_LANG: 'en-US' }, '--db', db, 'customers', 'fly');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^Unknown command: customers fly\n\nusage: renewal-desk/);
    expect(cli({}, '--db', db, 'customers', 'fly').stderr).toMatch(/^未知命令：customers fly\n\n用法/);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('words errors, labels and import reasons in the archive’s language once it is open', () => {
    expect(cli({}, '--db', db, 'customers', 'list').stdout).toBe('（无记录）\n');
    expect(cli({}, '--db', db, 'settings', 'set', '--locale', 'en-US', '--json').code).toBe(0);
    // The environment says nothing (zh-CN); the archive says English.
    expect(cli({}, '--db', db, 'customers', 'list').stdout).toBe('(no records)\n');
    expect(cli({}, '--db', db, 'customers', 'add', '--name', 'Contoso Ltd').code).toBe(0);
    const dup = cli({}, '--db', db, 'customers', 'add', '--name', 'Contoso Ltd');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toBe('Error: A customer named “Contoso Ltd” already exists (name)\n');
    const json = cli({}, '--db', db, 'customers', 'add', '--name', 'Contoso Ltd', '--json');
    expect(JSON.parse(json.stderr)).toEqual({
      error: { code: 'DUPLICATE', field: 'name', key: 'errors.customerNameTaken', params: { name: 'Contoso Ltd' }, message: 'A customer named “Contoso Ltd” already exists' },
    });
    expect(cli({}, '--db', db, 'customers', 'list').stdout).toMatch(/^Contoso Ltd {2}normal.*\n1 record in all\n$/);

    const sheet = path.join(dir, 'sheet.csv');
    fs.writeFileSync(sheet, 'Customer,Contract No,End Date,Amount\nFabrikam,F-1,2027-02-30,100\nNorthwind,N-1,2027-03-01,lots\nTailspin,T-1,2027-03-01,100\n');
    const report = cli({}, '--db', db, 'import', sheet);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('\nRejected rows:\n  line 2, End Date: No such date: 2027-02-30\n  line 3, Amount: The amount is not a number: lots');
    expect(report.stdout.split('\n').filter((line) => CJK.test(line))).toEqual([]);
  });
});
