import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { writeFixture } from '../../../test-support/import/importTestKit.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

/** Files in `dir` (none when it does not exist), recursively, relative to it. */
function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

/** What SQLite or a restore could leave behind: -wal/-shm/-journal, .restoring, .partial. */
const LEFTOVER = /(-wal|-shm|-journal|\.restoring|\.partial)$/;
function leftovers(): string[] {
  const beside = fs.readdirSync(t.dir).filter((f) => LEFTOVER.test(f) && !/^test\.db-(wal|shm)$/.test(f));
  return [...beside, ...filesIn(t.ctx.backupsDir).filter((f) => LEFTOVER.test(f)), ...filesIn(t.ctx.stagingDir).filter((f) => !f.startsWith('uploads'))];
}

async function customerNames(): Promise<string[]> {
  return (await t.call('customers:list')).items.map((c: any) => c.name).sort();
}

describe('restore by name', () => {
  it('refuses a path, .. or a name not in the list, on the name field, and changes nothing', async () => {
    await t.call('customers:create', { name: '甲' });
    const outside = writeFixture(t, fs.readFileSync(t.file), 'db');
    const backup = await t.call('system:backup');
    for (const name of [outside, `../${path.basename(outside)}`, `../renewal-desk-backups/${backup.name}`, 'renewal-desk-20200101-000000-000-manual.db', '']) {
      const r = await t.envelope('system:restore', { name });
      expect(r.ok, name).toBe(false);
      expect(r.error.field, name).toBe('name');
    }
    expect(await customerNames()).toEqual(['甲']);
    expect((await t.call('system:listBackups')).items.map((b: any) => b.name)).toEqual([backup.name]);
  });

  it('lists names, reasons and sizes, newest first, and nothing else in the folder', async () => {
    const first = await t.call('system:backup');
    t.setNow('2026-11-23T03:00:00.000Z');
    const second = await t.call('system:backup');
    fs.writeFileSync(path.join(t.ctx.backupsDir, 'notes.txt'), 'not a backup');
    const list = await t.call('system:listBackups');
    expect(list.items.map((b: any) => b.name)).toEqual([second.name, first.name]);
    expect(list.items[0]).toEqual({ name: second.name, reason: 'manual', sizeBytes: expect.any(Number), createdAt: '2026-11-23T03:00:00.000Z' });
    expect(Object.keys(list.items[0]).sort()).toEqual(['createdAt', 'name', 'reason', 'sizeBytes']);
  });

  it('makes every backup self-contained: opening one later creates nothing beside it', async () => {
    await t.call('customers:create', { name: '甲' });
    const backup = await t.call('system:backup');
    const file = path.join(t.ctx.backupsDir, backup.name);
    const probe = new Database(file, { readonly: true, fileMustExist: true });
    expect(probe.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(probe.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 1 });
    probe.close();
    expect(filesIn(t.ctx.backupsDir)).toEqual([backup.name]);
  });

  it('leaves nothing beside the backup, the data file or in staging, after a restore and after a failed one', async () => {
    await t.call('customers:create', { name: '甲' });
    const backup = await t.call('system:backup');
    await t.call('customers:create', { name: '乙' });
    await t.call('system:restore', { name: backup.name });
    expect(await customerNames()).toEqual(['甲']);
    expect(leftovers()).toEqual([]);

    // A backup of an older version in WAL mode, as earlier versions wrote them, restores without growing -wal/-shm.
    const walMode = 'renewal-desk-20261123-010000-000-auto.db';
    fs.copyFileSync(path.join(t.ctx.backupsDir, backup.name), path.join(t.ctx.backupsDir, walMode));
    const raw = new Database(path.join(t.ctx.backupsDir, walMode));
    raw.pragma('journal_mode = WAL');
    raw.close();
    await t.call('system:restore', { name: walMode });
    expect(leftovers()).toEqual([]);

    const damaged = 'renewal-desk-20261123-011000-000-auto.db';
    const bytes = fs.readFileSync(path.join(t.ctx.backupsDir, backup.name));
    fs.writeFileSync(path.join(t.ctx.backupsDir, damaged), bytes.subarray(0, 4096 + 100));
    expect((await t.envelope('system:restore', { name: damaged })).ok).toBe(false);
    expect(leftovers()).toEqual([]);
    expect(await customerNames()).toEqual(['甲']);
  });

  it('refuses a backup from a newer version before touching the data', async () => {
    await t.call('customers:create', { name: '甲' });
    const newer = 'renewal-desk-20261101-090000-000-manual.db';
    fs.copyFileSync(path.join(t.ctx.backupsDir, (await t.call('system:backup')).name), path.join(t.ctx.backupsDir, newer));
    const raw = new Database(path.join(t.ctx.backupsDir, newer));
    raw.pragma('user_version = 999');
    raw.close();
    const r = await t.envelope('system:restore', { name: newer });
    expect(r.error).toMatchObject({ code: 'DB_NEWER', field: 'name' });
    expect(await customerNames()).toEqual(['甲']);
  });

  it('puts the data back when the restored file passes the checks but does not open', async () => {
    await t.call('customers:create', { name: '甲' });
    // An old-looking file with only a customers table: the checks pass, the migrations after version 1 fail.
    const odd = 'renewal-desk-20261101-090000-000-manual.db';
    fs.mkdirSync(t.ctx.backupsDir, { recursive: true });
    const raw = new Database(path.join(t.ctx.backupsDir, odd));
    raw.exec('CREATE TABLE customers (id TEXT PRIMARY KEY)');
    raw.pragma('user_version = 1');
    raw.close();
    const r = await t.envelope('system:restore', { name: odd });
    expect(r.error).toMatchObject({ code: 'DB_CORRUPT', key: 'backups.restoreRolledBack' });
    expect(await customerNames()).toEqual(['甲']);
    await t.call('customers:create', { name: '乙' });
    expect(await customerNames()).toEqual(['乙', '甲']);
    expect(leftovers()).toEqual([]);
  });
});

describe('retention', () => {
  it('prunes by the policy as backups are taken, and sweeps what earlier versions left in the folder', async () => {
    fs.mkdirSync(t.ctx.backupsDir, { recursive: true });
    const old = ['renewal-desk-20250101-090000-000-auto.db', 'renewal-desk-20250102-090000-000-auto.db'];
    for (const name of old) fs.writeFileSync(path.join(t.ctx.backupsDir, name), 'x');
    const orphan = 'renewal-desk-20240101-090000-000-auto.db-wal';
    fs.writeFileSync(path.join(t.ctx.backupsDir, orphan), '');
    const abandoned = path.join(t.ctx.backupsDir, 'renewal-desk-20250103-090000-000-auto.db.partial');
    fs.writeFileSync(abandoned, 'x');
    fs.utimesSync(abandoned, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    const young = path.join(t.ctx.backupsDir, 'renewal-desk-20261123-085959-000-auto.db.partial');
    fs.writeFileSync(young, 'x');

    // Two years on, with a backup every few hours over three days: the old ones and all but the newest of each day go,
    // except that the last 24 hours are kept whole (and the newest three).
    const taken: string[] = [];
    for (const [day, hour] of [[21, 9], [21, 13], [22, 9], [22, 13], [23, 9], [23, 13]] as const) {
      t.setNow(new Date(2026, 10, day, hour).toISOString());
      taken.push((await t.call('system:backup')).name);
    }
    const [d1a, d1b, d2a, d2b, d3a, d3b] = taken;
    const names = filesIn(t.ctx.backupsDir);
    // 22nd 13:00 is exactly 24 hours old; the 22nd's 09:00 is neither that day's newest nor of the last 24 hours.
    expect(names).toEqual([d1b, d2b, d3a, d3b, path.basename(young)].sort());
    expect(names).not.toContain(d1a);
    expect(names).not.toContain(d2a);
    for (const name of old) expect(names).not.toContain(name);
  });
});
