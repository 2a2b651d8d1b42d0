import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attachmentNamesReferencedBy, attachmentsDirFor, storeAttachmentBytes, sweepAttachmentLeftovers } from '../../../db/attachmentStore.ts';
import { snapshotDatabase } from '../../../db/backups.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { uploadFixture } from '../../../test-support/import/importTestKit.ts';
import { archiveFrames } from './archiveFrames.ts';
import { encryptArchiveStream, encryptBackupFile, type ScryptParams } from './backupEncryption.ts';

// Real SQLite files and real temp data folders: "this machine" with scanned contracts, exported once through the
// handler table (scrypt at full cost, on purpose), and a fresh "new laptop" for each test. Files the tests craft
// themselves use a cheap scrypt, which the reader accepts (it refuses only costlier headers).
const PASSPHRASE = '正确的密码 correct horse';
const CHEAP: ScryptParams = { logN: 10, r: 8, p: 1 };
let here: TestContext;
let there: TestContext;
let sealed: Buffer;
let exportedMeta: { attachments: number; attachmentsMissing: number };
const scans = [pdf('合同扫描件 第一页'), pdf('补充协议'), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(300_000)])];

function pdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.7\n${text}\n${'x'.repeat(2000)}\n%%EOF\n`);
}
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

async function attach(t: TestContext, contractId: string, bytes: Buffer, fileName: string) {
  const file = path.join(fs.mkdtempSync(path.join(t.dir, 'scan-')), fileName);
  fs.writeFileSync(file, bytes);
  return (await t.call('contracts:attachmentsAdd', { contractId, uploadId: await uploadFixture(t, file) })).attachment;
}

/** Two contracts with three scans, one of them on a contract deleted since (its attachment is a live row). */
async function seed(t: TestContext) {
  const customerId = (await t.call('customers:create', { name: '杭州云启科技有限公司' })).id;
  const a = (await t.call('contracts:create', { customerId, number: 'HT-001', endsOn: '2027-06-30', amountFen: 1280000 })).id;
  const b = (await t.call('contracts:create', { customerId, number: 'HT-002', endsOn: '2028-06-30' })).id;
  await attach(t, a, scans[0]!, '合同.pdf');
  await attach(t, a, scans[1]!, '补充协议.pdf');
  await attach(t, b, scans[2]!, 'photo.jpg');
  await t.call('contracts:delete', { id: b });
}

/** Every attachment row with the SHA-256 of the bytes it reads back, by contract number. */
async function attachmentBytes(t: TestContext) {
  const rows = [];
  for (const c of (await t.call('contracts:list', { limit: 50 })).items) {
    for (const a of (await t.call('contracts:attachmentsList', { contractId: c.id })).items) {
      const read = await t.envelope('contracts:attachmentsRead', { id: a.id });
      rows.push({ contract: c.number, fileName: a.fileName, sha256: a.sha256, readSha: read.ok ? sha(Buffer.from(read.data.contentBase64, 'base64')) : read.error.key });
    }
  }
  return rows.sort((x, y) => x.fileName.localeCompare(y.fileName));
}

/** Every file under the live attachments folder, with its bytes' hash. */
function liveFiles(t: TestContext): Record<string, string> {
  const dir = t.ctx.attachmentsDir;
  if (!fs.existsSync(dir)) return {};
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  return Object.fromEntries(files.map((f) => [f, sha(fs.readFileSync(path.join(dir, f)))]));
}

function stagingLeftovers(t: TestContext): string[] {
  if (!fs.existsSync(t.ctx.stagingDir)) return [];
  return (fs.readdirSync(t.ctx.stagingDir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(t.ctx.stagingDir, f)).isFile());
}

async function restoreUploaded(t: TestContext, bytes: Buffer, fileName: string, passphrase = PASSPHRASE) {
  const file = path.join(fs.mkdtempSync(path.join(t.dir, 'user-')), fileName);
  fs.writeFileSync(file, bytes);
  return t.envelope('system:restoreUpload', { uploadId: await uploadFixture(t, file), passphrase });
}

/** `here`'s snapshot and its gzip, as the export makes them, for files a test writes itself. */
async function snapshotOf(t: TestContext) {
  const dir = fs.mkdtempSync(path.join(t.dir, 'craft-'));
  const plain = path.join(dir, 'archive.db');
  await snapshotDatabase(t.ctx.db, plain);
  const gz = `${plain}.gz`;
  await pipeline(fs.createReadStream(plain), zlib.createGzip(), fs.createWriteStream(gz));
  const attachments = attachmentNamesReferencedBy(plain).map((storedName) => ({ storedName, file: path.join(t.ctx.attachmentsDir, ...storedName.split('/')) }));
  return { dir, plain, gz, attachments };
}

beforeAll(async () => {
  here = await openTestContext();
  await seed(here);
  const exported = await here.call('system:exportEncrypted', { passphrase: PASSPHRASE });
  sealed = Buffer.from(exported.contentBase64, 'base64');
  exportedMeta = { attachments: exported.attachments, attachmentsMissing: exported.attachmentsMissing };
});
afterAll(async () => {
  await here.close();
});
beforeEach(async () => {
  there = await openTestContext();
});
afterEach(async () => {
  await there.close();
});

describe('encrypted export with attachments', () => {
  it('export → a new laptop (nothing there) → restore from the file: every attachment reads back the same bytes', async () => {
    expect(exportedMeta).toEqual({ attachments: 3, attachmentsMissing: 0 });
    // The scans are in it, encrypted: none of their bytes shows in clear.
    expect(sealed.length).toBeGreaterThan(scans[2]!.length);
    expect(sealed.includes(scans[2]!.subarray(100, 164))).toBe(false);
    expect(sealed.includes(Buffer.from('%PDF-1.7'))).toBe(false);

    const restored = await restoreUploaded(there, sealed, 'renewal-desk.rdbackup');
    expect(restored.ok).toBe(true);
    expect(restored.data.attachmentsMissing).toBe(0);
    const expected = await attachmentBytes(here);
    expect(expected.map((r) => r.readSha)).toEqual(expected.map((r) => r.sha256));
    expect(await attachmentBytes(there)).toEqual(expected);
    expect(liveFiles(there)).toEqual(liveFiles(here));
    // The deleted contract's scan came too: restoring the contract from the 回收站 shows it again.
    const [deleted] = (await there.call('hygiene:trash')).contracts;
    await there.call('hygiene:restore', { kind: 'contract', id: deleted.id });
    expect((await attachmentBytes(there)).map((r) => r.fileName)).toContain('photo.jpg');
    expect(stagingLeftovers(there)).toEqual([]);
  });

  it('refuses a file whose attachment entry does not match its SHA-256 (tag intact), changing nothing', async () => {
    const customerId = (await there.call('customers:create', { name: '原有客户' })).id;
    const contractId = (await there.call('contracts:create', { customerId, number: 'OLD-1', endsOn: '2027-01-31' })).id;
    await attach(there, contractId, pdf('本机原有的扫描件'), '原有.pdf');
    const before = { customers: (await there.call('customers:list')).items, attachments: await attachmentBytes(there), files: liveFiles(there) };

    // Written with the passphrase, so GCM's tag is right: only the attachment's own hash can catch the changed byte.
    const { dir, gz, attachments } = await snapshotOf(here);
    async function* tampered() {
      let next = false;
      for await (const chunk of archiveFrames(gz, attachments)) {
        if (next) {
          const copy = Buffer.from(chunk);
          copy[copy.length - 1] = copy[copy.length - 1]! ^ 0xff;
          next = false;
          yield copy;
          continue;
        }
        // The frame header of the last attachment ('A', 41 bytes): damage the bytes that follow it.
        if (chunk.length === 41 && chunk[0] === 0x41 && chunk.subarray(9).equals(Buffer.from(attachments.at(-1)!.storedName.slice(3), 'hex'))) next = true;
        yield chunk;
      }
    }
    const out = path.join(dir, 'tampered.rdbackup');
    // archiveFrames hashed the file's own bytes before the copy was changed, so the writer does not notice.
    await encryptArchiveStream(tampered, out, PASSPHRASE, CHEAP);
    const refused = await restoreUploaded(there, fs.readFileSync(out), 'tampered.rdbackup');
    expect(refused.error).toMatchObject({ code: 'VALIDATION', field: 'uploadId', key: 'backups.attachmentDamaged' });

    expect({ customers: (await there.call('customers:list')).items, attachments: await attachmentBytes(there), files: liveFiles(there) }).toEqual(before);
    expect((await there.call('system:listBackups')).items).toEqual([]);
    expect(stagingLeftovers(there)).toEqual([]);
  });

  it('still restores an old-format file (database only) and says which attachments it did not carry', async () => {
    const { dir, plain } = await snapshotOf(here);
    const old = path.join(dir, 'old.rdbackup');
    await encryptBackupFile(plain, old, PASSPHRASE, CHEAP);
    expect(fs.readFileSync(old)[8]).toBe(1);

    // On a new laptop the files are nowhere: restored, with the count of attachments that cannot open.
    const restored = await restoreUploaded(there, fs.readFileSync(old), 'old.rdbackup');
    expect(restored.ok).toBe(true);
    expect(restored.data.attachmentsMissing).toBe(3);
    expect((await there.call('customers:list')).items.map((c: any) => c.name)).toEqual(['杭州云启科技有限公司']);
    expect((await attachmentBytes(there)).map((r) => r.readSha)).toEqual(['attachmentErrors.fileGone', 'attachmentErrors.fileGone']);
    // On the machine that has them, nothing is missing.
    const same = await restoreUploaded(here, fs.readFileSync(old), 'old.rdbackup');
    expect(same.data.attachmentsMissing).toBe(0);
    expect((await attachmentBytes(here)).every((r) => r.readSha === r.sha256)).toBe(true);
  });

  it('leaves out a file damaged on disk, says so, and the rest restores', async () => {
    const t = await openTestContext();
    try {
      await seed(t);
      const [victim] = Object.keys(liveFiles(t));
      fs.writeFileSync(path.join(t.ctx.attachmentsDir, victim!), 'bit rot');
      const exported = await t.call('system:exportEncrypted', { passphrase: PASSPHRASE });
      expect([exported.attachments, exported.attachmentsMissing]).toEqual([2, 1]);
      const restored = await restoreUploaded(there, Buffer.from(exported.contentBase64, 'base64'), exported.fileName);
      expect(restored.data.attachmentsMissing).toBe(1);
      expect(Object.keys(liveFiles(there))).toHaveLength(2);
    } finally {
      await t.close();
    }
  });
});

describe('attachment sweep at start-up', () => {
  it('removes a .partial over an hour old and keeps a fresh one; removes an unreferenced file only once a backup keeps it', async () => {
    const customerId = (await there.call('customers:create', { name: '甲' })).id;
    const contractId = (await there.call('contracts:create', { customerId, number: 'S-1', endsOn: '2027-01-31' })).id;
    const removed = await attach(there, contractId, pdf('将被删除'), 'removed.pdf');
    const kept = await attach(there, contractId, pdf('留着'), 'kept.pdf');
    await there.call('system:backup');
    const { undoToken } = await there.call('contracts:attachmentsRemove', { id: removed.id });
    // Stored bytes no row references and no backup holds (an add that crashed before its row): kept for a backup.
    const orphan = storeAttachmentBytes(attachmentsDirFor(there.file), pdf('孤儿文件'));

    const live = attachmentsDirFor(there.file);
    const oldPartial = path.join(live, kept.sha256.slice(0, 2), `${kept.sha256}.aaaa.partial`);
    const freshPartial = path.join(live, kept.sha256.slice(0, 2), `${kept.sha256}.bbbb.partial`);
    const storePartial = path.join(there.ctx.backupsDir, 'attachments', 'ab', `${'ab'.repeat(32)}.cccc.partial`);
    for (const f of [oldPartial, freshPartial, storePartial]) {
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, 'half a scan');
    }
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const f of [oldPartial, storePartial]) fs.utimesSync(f, twoHoursAgo, twoHoursAgo);

    expect(sweepAttachmentLeftovers(there.ctx.db, there.ctx.backupsDir)).toEqual({ partialsRemoved: 2, unreferencedRemoved: 1 });
    expect([oldPartial, freshPartial, storePartial].map((f) => fs.existsSync(f))).toEqual([false, true, false]);
    expect(Object.keys(liveFiles(there)).sort()).toEqual([`${kept.sha256.slice(0, 2)}/${kept.sha256}`, orphan.storedName, path.relative(live, freshPartial)].sort());
    // Undoing the remove still reads the bytes: the backups' store has them.
    await there.call('contracts:attachmentsUndo', { undoToken });
    const read = await there.call('contracts:attachmentsRead', { id: removed.id });
    expect(sha(Buffer.from(read.contentBase64, 'base64'))).toBe(removed.sha256);
  });
});
