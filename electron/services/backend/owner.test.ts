import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnWebHost, type WebHostChild } from '../../../test-support/webHostChild.ts';
import { ownerFileFor, readOwnerFile } from './ownerFile.ts';

// Processes as users run them: the web host (its bundle) and the CLI (its bundle), on one archive.
const root = path.resolve(import.meta.dirname, '..', '..', '..');
const bin = path.join(root, 'bin', 'renewal-desk.js');
let dir: string;
let db: string;
const hosts: WebHostChild[] = [];

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args, '--json'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, RENEWAL_DESK_DB: '' } });
  return { code: r.status, out: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr };
}

async function webHost(): Promise<WebHostChild> {
  const host = await spawnWebHost({ db, args: ['--no-build'] });
  hosts.push(host);
  return host;
}

const customerNames = (file: string) => {
  const raw = new Database(file, { readonly: true });
  try {
    return (raw.prepare('SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  } finally {
    raw.close();
  }
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-owner-'));
  db = path.join(dir, 'archive.db');
});
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('one owner per archive', { timeout: 120_000 }, () => {
  it('a CLI restore while the web host runs: a write acknowledged after it survives, the writes before it are in the safety backup', async () => {
    const host = await webHost();
    expect((await host.call('customers:create', { name: '甲 备份之前' })).ok).toBe(true);
    const backup = cli('backup');
    expect(backup.code, backup.stderr).toBe(0);
    expect((await host.call('customers:create', { name: '乙 备份之后' })).ok).toBe(true);

    const restored = cli('restore', backup.out.name);
    expect(restored.code, restored.stderr).toBe(0);
    const after = await host.call('customers:create', { name: '丙 恢复之后' });
    expect(after.ok).toBe(true);
    expect((await host.call('customers:list', {})).data.items.map((c: { name: string }) => c.name).sort()).toEqual(['丙 恢复之后', '甲 备份之前']);

    expect(await host.stop()).toBe(0);
    expect(customerNames(db)).toEqual(['丙 恢复之后', '甲 备份之前']);
    expect(customerNames(path.join(dir, 'archive-backups', restored.out.safetyBackup))).toEqual(['乙 备份之后', '甲 备份之前']);
    expect(fs.existsSync(ownerFileFor(db))).toBe(false);
  });

  it('the owner file names the owner (pid, port, token), readable by the user only; a CLI forwards to it', async () => {
    const host = await webHost();
    const owner = readOwnerFile(ownerFileFor(db))?.record;
    expect(owner).toMatchObject({ pid: host.child.pid, kind: 'web', port: expect.any(Number), token: expect.any(String) });
    expect(fs.statSync(ownerFileFor(db)).mode & 0o777).toBe(0o600);

    const events = await fetch(`${host.origin}/api/events`, { headers: { Authorization: `Bearer ${host.token}` } });
    const reader = events.body!.getReader();
    const added = cli('customers', 'add', '--name', '命令行添加的客户');
    expect(added.code, added.stderr).toBe(0);
    // The web host's backend announced the CLI's write: it ran there, not in a second connection of the CLI's.
    let seen = '';
    while (!seen.includes('event: data:changed')) seen += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect((await host.call('customers:list', { search: '命令行' })).data.total).toBe(1);
    expect(readOwnerFile(ownerFileFor(db))?.record?.pid).toBe(host.child.pid);
  });

  it('takes over an owner file left by a process that died', () => {
    const stale = { pid: 2 ** 22 + 12_345, kind: 'web', port: 9, token: 'x'.repeat(32), startedAt: '2026-01-01T00:00:00Z' };
    fs.writeFileSync(ownerFileFor(db), JSON.stringify(stale), { mode: 0o600 });
    const r = cli('customers', 'add', '--name', '接管之后');
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(ownerFileFor(db))).toBe(false);
    expect(customerNames(db)).toEqual(['接管之后']);
  });

  it('a second web host forwards to the first, and takes over when the first stops', async () => {
    const first = await webHost();
    const second = await webHost();
    expect(readOwnerFile(ownerFileFor(db))?.record?.pid).toBe(first.child.pid);
    expect((await second.call('customers:create', { name: '经第二个网页服务' })).ok).toBe(true);
    expect((await first.call('customers:list', {})).data.total).toBe(1);
    await first.stop();
    let created;
    for (let i = 0; i < 50; i++) {
      created = await second.call('customers:create', { name: '第一个停止之后' });
      if (created.ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(created.ok).toBe(true);
    expect(readOwnerFile(ownerFileFor(db))?.record?.pid).toBe(second.child.pid);
    expect((await second.call('customers:list', {})).data.total).toBe(2);
  });
});
