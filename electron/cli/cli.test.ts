import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../test-support/schemaVersion.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'renewal-desk.js');
// No language in the environment: until it opens an archive the CLI speaks its default, zh-CN.
const CHINESE_DEFAULT = { RENEWAL_DESK_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };
let dir: string;
let db: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, RENEWAL_DESK_DB: '', ...CHINESE_DEFAULT } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-cli-'));
  db = path.join(dir, 'x.db');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('renewal-desk CLI', () => {
  it('init creates the database and reports the schema version', () => {
    const r = cli('--db', db, 'init', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ dataFile: db, schemaVersion: LATEST_SCHEMA_VERSION });
  });

  it('demo loads ~200 customers, idempotently, and list --json fetches every page', () => {
    expect(cli('--db', db, 'demo', '--today', '2026-11-23', '--json').code).toBe(0);
    const again = cli('demo', '--db', db, '--today', '2026-11-23', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ customersCreated: 0, alreadyLoaded: true });
    const list = JSON.parse(cli('--db', db, 'customers', 'list', '--json').stdout);
    expect(list.total).toBe(200);
    expect(list.items).toHaveLength(200);
    const onePage = JSON.parse(cli('--db', db, 'customers', 'list', '--limit', '5', '--json').stdout);
    expect(onePage).toMatchObject({ total: 200 });
    expect(onePage.items).toHaveLength(5);
  });

  it('adds a customer with tags by name, a contact and a follow-up, and lists due follow-ups', () => {
    const add = cli('--db', db, 'customers', 'add', '--name', '宁波测试贸易有限公司', '--tier', 'vip', '--tags', '老客户,命令行标签', '--primary-contact.name', '张三', '--primary-contact.phone', '13800138000', '--json');
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ name: '宁波测试贸易有限公司', tier: 'vip' });
    expect(JSON.parse(add.stdout).tags.map((t: any) => t.name).sort()).toEqual(['命令行标签', '老客户'].sort());
    const f = cli('--db', db, 'followups', 'add', '--customer', '宁波测试贸易有限公司', '--summary', '电话回访', '--next-follow-up-on', '2026-11-20', '--at', '2026-11-10T08:00:00+08:00', '--json');
    expect(f.code).toBe(0);
    const due = JSON.parse(cli('--db', db, 'followups', 'due', '--today', '2026-11-23', '--json').stdout);
    expect(due.items.map((x: any) => x.customerName)).toContain('宁波测试贸易有限公司');
    const found = JSON.parse(cli('--db', db, 'customers', 'list', '--search', '测试贸易', '--json').stdout);
    expect(found.items.map((x: any) => x.name)).toEqual(['宁波测试贸易有限公司']);
  });

  it('an empty value clears a contract\'s cycle, which then reads as unknown', () => {
    const customer = JSON.parse(cli('--db', db, 'customers', 'add', '--name', '周期测试有限公司', '--json').stdout);
    const k = JSON.parse(cli('--db', db, 'contracts', 'add', '--customer-id', customer.id, '--number', 'CY-1', '--ends-on', '2027-01-01', '--cycle', 'quarter', '--json').stdout);
    expect(k).toMatchObject({ cycle: 'quarter', version: 1 });
    const cleared = cli('--db', db, 'contracts', 'update', '--id', k.id, '--version', '1', '--cycle', '', '--json');
    expect(cleared.code).toBe(0);
    expect(JSON.parse(cleared.stdout)).toMatchObject({ cycle: null, version: 2 });
  });

  it('prints errors as JSON on stderr with exit 1, and usage errors exit 2', () => {
    const dup = cli('--db', db, 'customers', 'add', '--name', '宁波测试贸易有限公司', '--json');
    expect(dup.code).toBe(1);
    expect(dup.stdout).toBe('');
    expect(JSON.parse(dup.stderr)).toEqual({
      error: { code: 'DUPLICATE', field: 'name', key: 'errors.customerNameTaken', params: { name: '宁波测试贸易有限公司' }, message: '客户名称「宁波测试贸易有限公司」已存在' },
    });
    expect(cli('--db', db, 'customers', 'fly').code).toBe(2);
    expect(cli('--db', db, 'customers', 'list', '--colour', 'red').code).toBe(2);
    expect(cli('--db', db, 'customers', 'list', '--expiring-within-days', 'soon').code).toBe(2);
  });

  it('backs up and restores', () => {
    const backup = JSON.parse(cli('--db', db, 'backup', '--json').stdout);
    expect(fs.existsSync(path.join(dir, 'x-backups', backup.name))).toBe(true);
    cli('--db', db, 'customers', 'add', '--name', '备份之后的客户');
    const restored = cli('--db', db, 'restore', backup.name, '--json');
    expect(restored.code).toBe(0);
    const list = JSON.parse(cli('--db', db, 'customers', 'list', '--search', '备份之后', '--json').stdout);
    expect(list.total).toBe(0);
  });

  it('refuses a database from a newer version and leaves it alone', async () => {
    const Database = (await import('better-sqlite3')).default;
    const newer = path.join(dir, 'newer.db');
    const raw = new Database(newer);
    raw.pragma('user_version = 999');
    raw.close();
    const before = fs.readFileSync(newer);
    const r = cli('--db', newer, 'customers', 'list', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr).error.code).toBe('DB_NEWER');
    expect(fs.readFileSync(newer).equals(before)).toBe(true);
  });
});
