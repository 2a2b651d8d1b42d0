// A team archive (PostgreSQL): system:backup is a pg_dump of its database, listed like the file backups, and a
// restore from a file is refused with the way a team archive is restored. The file backups' own tests (restore and
// swap of an SQLite file) are in system.test.ts, restoreBackup.test.ts and withSafetyBackup.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotArchive } from '../../../db/openDatabase.ts';
import { runPostgresTool } from '../../../db/postgresDump.ts';
import { sqlRow } from '../../../test-support/sqlRows.ts';
import { withSafetyBackup } from './withSafetyBackup.ts';
import { openTestContext, testEngine, type TestContext } from '../../../test-support/openTestContext.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

/** The same server's URL for another database. */
const urlOf = (url: string, database: string) => url.replace(/^(postgres(?:ql)?:\/\/[^/]*\/)[^?]+/, `$1${database}`);

async function onDatabase<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe.runIf(testEngine() === 'postgres')('backups of a team archive', () => {
  it('system:backup dumps the database with pg_dump; the dump is listed and pg_restore brings the same rows back', async () => {
    await t.call('customers:create', { name: '备份前的客户' });
    await t.call('customers:create', { name: '另一个客户' });
    const backup = await t.call('system:backup');
    expect(backup).toMatchObject({ name: expect.stringMatching(/^renewal-desk-\d{8}-\d{6}-\d{3}-manual\.pgdump$/), reason: 'manual' });
    const file = path.join(t.ctx.backupsDir, backup.name);
    expect(fs.statSync(file).size).toBe(backup.sizeBytes);
    expect((await t.call('system:listBackups')).items.map((b: { name: string }) => b.name)).toEqual([backup.name]);
    expect(await runPostgresTool('pg_restore', t.file, ['--list', file])).toContain('TABLE DATA public customers');

    const restored = `r_${Date.now().toString(36)}`;
    await onDatabase(t.file, (c) => c.query(`CREATE DATABASE ${restored}`));
    try {
      await runPostgresTool('pg_restore', urlOf(t.file, restored), ['--no-owner', '--exit-on-error', `--dbname=${restored}`, file]);
      const counts = (url: string) =>
        onDatabase(url, async (c) => {
          const { rows } = await c.query<{ customers: string; audit: string }>(
            'SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM audit_log) AS audit',
          );
          return rows[0];
        });
      expect(await counts(urlOf(t.file, restored))).toEqual(await counts(t.file));
      expect((await counts(urlOf(t.file, restored)))?.customers).toBe('2');
    } finally {
      await onDatabase(t.file, (c) => c.query(`DROP DATABASE ${restored}`));
    }
  });

  it('takes no local copy before a risky operation: the server backs the archive up, the operation is one transaction', async () => {
    const result = await withSafetyBackup(t.ctx, 'pre-import', async () => (await t.call('customers:create', { name: '甲' })).name);
    expect(result).toBe('甲');
    expect((await t.call('system:listBackups')).items).toEqual([]);
    expect(fs.existsSync(t.ctx.backupsDir) ? fs.readdirSync(t.ctx.backupsDir) : []).toEqual([]);
  });

  it('refuses a restore from a listed backup or an upload, saying how a team archive is restored, and changes nothing', async () => {
    await t.call('customers:create', { name: '甲' });
    const backup = await t.call('system:backup');
    await t.call('customers:create', { name: '乙' });
    const refused = await t.envelope('system:restore', { name: backup.name });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatchObject({ code: 'VALIDATION', field: 'name', key: 'backups.restoreTeamArchive' });
    expect(refused.error.message).toContain('pg_restore');
    expect(await sqlRow(t.ctx.db, 'SELECT count(*) AS n FROM customers')).toEqual({ n: 2 });
  });

  it('snapshots a team archive into a self-contained SQLite file with the same rows (what the encrypted export seals)', async () => {
    await t.call('customers:create', { name: '甲公司', tier: 'vip' });
    await t.call('customers:create', { name: '乙公司' });
    const target = path.join(t.dir, 'snapshot.db');
    await snapshotArchive(t.ctx.db, target, t.ctx.now);
    expect(fs.readdirSync(t.dir).filter((f) => f.startsWith('snapshot'))).toEqual(['snapshot.db']);
    const copy = new Database(target, { readonly: true, fileMustExist: true });
    try {
      expect(copy.prepare('SELECT name, tier FROM customers ORDER BY name').all()).toEqual([
        { name: '乙公司', tier: 'normal' },
        { name: '甲公司', tier: 'vip' },
      ]);
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      copy.close();
    }
    const sealed = await t.call('system:exportEncrypted', { passphrase: 'correct horse battery' });
    expect(sealed.sizeBytes).toBeGreaterThan(0);
  });
});
