// A team archive (PostgreSQL): system:backup is a pg_dump of its database, listed like the file backups, and a
// restore from a file is refused with the way a team archive is restored. The file backups' own tests (restore and
// swap of an SQLite file) are in system.test.ts, restoreBackup.test.ts and withSafetyBackup.test.ts. A team
// archive's attachments are bytes in its database (migration 0042): its dumps and its encrypted export carry them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentsDirFor, storeAttachmentBytes } from '../../../db/attachmentStore.ts';
import { snapshotArchive } from '../../../db/openDatabase.ts';
import { runPostgresTool } from '../../../db/postgresDump.ts';
import { sqlRow } from '../../../test-support/sqlRows.ts';
import { uploadFixture } from '../../../test-support/import/importTestKit.ts';
import { uploadBytes } from '../../../test-support/import/uploadBytes.ts';
import { buildHandlerTable } from '../allHandlers.ts';
import { dispatch } from '../handlerTable.ts';
import { silentLogger } from '../logger.ts';
import { openServiceContext } from '../openServiceContext.ts';
import { withSafetyBackup } from './withSafetyBackup.ts';
import { openTestContext, testEngine, type TestContext } from '../../../test-support/openTestContext.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** A contract of the customer with a scan attached through the handler table; its bytes. */
async function attachScan(customerId: string): Promise<Buffer> {
  const contractId = (await t.call('contracts:create', { customerId, number: 'HT-001', endsOn: '2027-06-30' })).id;
  const scan = Buffer.concat([Buffer.from('%PDF-1.7\n合同扫描件\n'), crypto.randomBytes(100_000), Buffer.from('\n%%EOF\n')]);
  const file = path.join(fs.mkdtempSync(path.join(t.dir, 'scan-')), '合同.pdf');
  fs.writeFileSync(file, scan);
  await t.call('contracts:attachmentsAdd', { contractId, uploadId: await uploadFixture(t, file) });
  return scan;
}

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
    const customerId = (await t.call('customers:create', { name: '备份前的客户' })).id;
    await t.call('customers:create', { name: '另一个客户' });
    const scan = await attachScan(customerId);
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
      // The attachment's bytes live in the database, so the dump carries them (migration 0042).
      const blobs = await onDatabase(urlOf(t.file, restored), (c) => c.query<{ sha256: string; bytes: Buffer }>('SELECT sha256, bytes FROM attachment_blobs'));
      expect(blobs.rows.map((r) => [r.sha256, sha(r.bytes)])).toEqual([[sha(scan), sha(scan)]]);
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
    const customerId = (await t.call('customers:create', { name: '甲公司', tier: 'vip' })).id;
    await t.call('customers:create', { name: '乙公司' });
    const scan = await attachScan(customerId);
    const target = path.join(t.dir, 'snapshot.db');
    await snapshotArchive(t.ctx.db, target, t.ctx.now);
    expect(fs.readdirSync(t.dir).filter((f) => f.startsWith('snapshot')).sort()).toEqual(['snapshot-attachments', 'snapshot.db']);
    // The table's bytes were written out beside the file, where an SQLite archive keeps them.
    expect(sha(fs.readFileSync(path.join(attachmentsDirFor(target), sha(scan).slice(0, 2), sha(scan))))).toBe(sha(scan));
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
    expect([sealed.attachments, sealed.attachmentsMissing]).toEqual([1, 0]);
    // This computer's folder never held the scan: the export carried it from the table. A desktop restores it.
    expect(fs.existsSync(t.ctx.attachmentsDir) ? fs.readdirSync(t.ctx.attachmentsDir) : []).toEqual([]);
    const laptop = await openServiceContext({ file: path.join(t.dir, 'laptop', 'archive.db'), now: t.ctx.now, logger: silentLogger });
    try {
      const table = buildHandlerTable();
      const call = (name: string, input: unknown) => dispatch(table, laptop.ctx, name, input);
      const uploaded = await uploadBytes(call, sealed.fileName, Buffer.from(sealed.contentBase64, 'base64'));
      if (!uploaded.ok) throw new Error(uploaded.error.message);
      const restored = await call('system:restoreUpload', { uploadId: uploaded.data.uploadId, passphrase: 'correct horse battery' });
      expect(restored).toMatchObject({ ok: true, data: { attachmentsMissing: 0 } });
      const [contract] = ((await call('contracts:list', { limit: 5 })) as any).data.items;
      const [attachment] = ((await call('contracts:attachmentsList', { contractId: contract.id })) as any).data.items;
      const read = (await call('contracts:attachmentsRead', { id: attachment.id })) as any;
      expect(sha(Buffer.from(read.data.contentBase64, 'base64'))).toBe(sha(scan));
    } finally {
      await laptop.close();
    }
  });

  it("seals bytes an earlier version left only in this computer's folder (not yet uploaded into the table)", async () => {
    const customerId = (await t.call('customers:create', { name: '旧版本的客户' })).id;
    const scan = await attachScan(customerId);
    await sqlRow(t.ctx.db, 'DELETE FROM attachment_blobs WHERE sha256 = ?', sha(scan));
    storeAttachmentBytes(t.ctx.attachmentsDir, scan);
    const sealed = await t.call('system:exportEncrypted', { passphrase: 'correct horse battery' });
    expect([sealed.attachments, sealed.attachmentsMissing]).toEqual([1, 0]);
    fs.rmSync(t.ctx.attachmentsDir, { recursive: true, force: true });
    const gone = await t.call('system:exportEncrypted', { passphrase: 'correct horse battery' });
    expect([gone.attachments, gone.attachmentsMissing]).toEqual([0, 1]);
  });
});
