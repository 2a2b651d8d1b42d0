import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadFixture } from '../../test-support/import/importTestKit.ts';
import { openTestContext, type TestContext } from '../../test-support/openTestContext.ts';
import { testDatabaseForFile } from '../../test-support/postgres/testDatabaseForFile.ts';
import type { TestDatabase } from '../../test-support/postgres/testPostgres.ts';
import { sqlRows } from '../../test-support/sqlRows.ts';
import { attachmentsDirFor } from '../attachmentStore.ts';
import { openDatabase } from '../openDatabase.ts';
import { openPostgres, type OpenedPostgres } from '../postgres/openPostgres.ts';
import { ArchiveCopyMismatch, copyArchive, type TableCopyReport } from './copyArchive.ts';

// migrate-to's attachments: an SQLite archive's files (its folder, and its backups' store for a removed one) go
// into a team archive's attachment_blobs table, and from there back out into a new SQLite file's folder, each
// checked by its SHA-256. Opens both engines itself, so it runs in the unit project only (postgresProjectFiles.ts).
const NOW = '2026-11-23T02:00:00.000Z';
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const scans = { kept: Buffer.concat([pdf('合同扫描件'), crypto.randomBytes(200_000)]), removed: pdf('删除后仍可撤销'), lost: pdf('本机已丢失的文件') };

let src: TestContext;
let database: TestDatabase;
let team: OpenedPostgres;
let fromSqlite: TableCopyReport[];

async function attach(contractId: string, bytes: Buffer, fileName: string) {
  const file = path.join(fs.mkdtempSync(path.join(src.dir, 'scan-')), fileName);
  fs.writeFileSync(file, bytes);
  return (await src.call('contracts:attachmentsAdd', { contractId, uploadId: await uploadFixture(src, file) })).attachment as { id: string };
}
const blobRow = (report: readonly TableCopyReport[]) => report.find((r) => r.table === 'attachment_blobs');

beforeAll(async () => {
  src = await openTestContext(NOW);
  const customerId = (await src.call('customers:create', { name: '杭州云启科技有限公司' })).id;
  const contractId = (await src.call('contracts:create', { customerId, number: 'HT-001', endsOn: '2027-06-30' })).id;
  await attach(contractId, scans.kept, '合同.pdf');
  const removed = await attach(contractId, scans.removed, 'removed.pdf');
  await attach(contractId, scans.lost, 'lost.pdf');
  await src.call('contracts:attachmentsRemove', { id: removed.id });
  // The backup moves the removed file out of the live folder into the backups' store; the lost one is nowhere.
  await src.call('system:backup');
  for (const dir of [src.ctx.attachmentsDir, path.join(src.ctx.backupsDir, 'attachments')]) fs.rmSync(path.join(dir, sha(scans.lost).slice(0, 2), sha(scans.lost)));
  expect(fs.existsSync(path.join(src.ctx.attachmentsDir, sha(scans.removed).slice(0, 2), sha(scans.removed)))).toBe(false);

  database = await testDatabaseForFile();
  team = await openPostgres({ url: database.url, now: () => new Date(NOW) });
  fromSqlite = await copyArchive(src.ctx.db, team.db);
}, 120_000);
afterAll(async () => {
  await team?.close();
  await src?.close();
  await database?.drop();
});

describe('attachments in an archive copy', () => {
  it('SQLite → PostgreSQL uploads every referenced file (a removed one from the backups store) into the table', async () => {
    const expected = [scans.kept, scans.removed].map(sha).sort();
    expect(blobRow(fromSqlite)).toMatchObject({ sourceRows: 2, targetRows: 2, missing: 1, ok: true });
    const rows = await sqlRows<{ sha256: string; bytes: Buffer }>(team.db, 'SELECT sha256, bytes FROM attachment_blobs ORDER BY sha256');
    expect(rows.map((r) => r.sha256)).toEqual(expected);
    expect(rows.map((r) => sha(Buffer.from(r.bytes)))).toEqual(expected);
  });

  it('PostgreSQL → SQLite writes the bytes out into the new file\'s attachments folder, with the same hash list', async () => {
    const file = path.join(src.dir, 'back', 'archive.db');
    const back = await openDatabase({ file, now: () => new Date(NOW) });
    try {
      const report = await copyArchive(team.db, back.db);
      expect(blobRow(report)).toMatchObject({ sourceRows: 2, targetRows: 2, missing: 1, ok: true, sourceSha256: blobRow(fromSqlite)!.targetSha256 });
      const folder = attachmentsDirFor(file);
      for (const bytes of [scans.kept, scans.removed]) {
        expect(sha(fs.readFileSync(path.join(folder, sha(bytes).slice(0, 2), sha(bytes))))).toBe(sha(bytes));
      }
      // The SQLite archive keeps its folder: its own table stays empty.
      expect(await sqlRows(back.db, 'SELECT sha256 FROM attachment_blobs')).toEqual([]);
    } finally {
      await back.close();
    }
  });

  it('a byte that does not read back the same fails the copy and rolls it back (a damaged file already in the folder)', async () => {
    const file = path.join(src.dir, 'stale', 'archive.db');
    const stale = path.join(attachmentsDirFor(file), sha(scans.kept).slice(0, 2), sha(scans.kept));
    fs.mkdirSync(path.dirname(stale), { recursive: true });
    fs.writeFileSync(stale, 'bit rot');
    const back = await openDatabase({ file, now: () => new Date(NOW) });
    try {
      const failure = await copyArchive(team.db, back.db).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ArchiveCopyMismatch);
      expect(blobRow((failure as ArchiveCopyMismatch).tables)).toMatchObject({ sourceRows: 2, targetRows: 1, ok: false });
      expect(await sqlRows(back.db, 'SELECT id FROM contract_attachments')).toEqual([]);
    } finally {
      await back.close();
    }
  });
});
