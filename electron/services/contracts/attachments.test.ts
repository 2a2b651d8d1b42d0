import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneBackups, removeBackup } from '../../../db/backups.ts';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/attachments.contract.ts';
import { openTestContext, testEngine, type TestContext } from '../../../test-support/openTestContext.ts';
import { sqlRows } from '../../../test-support/sqlRows.ts';

// Real SQLite file, real temp data folder, the real handler table: what a contract's page and the CLI call.

let t: TestContext;
let customerId: string;
let contractId: string;
beforeEach(async () => {
  t = await openTestContext();
  customerId = (await t.call('customers:create', { name: '杭州云启科技有限公司' })).id;
  contractId = (await t.call('contracts:create', { customerId, number: 'HT-001', endsOn: '2027-06-30', amountFen: 1280000 })).id;
});
afterEach(async () => {
  await t.close();
});

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** Sends the bytes in pieces under the upload's cap, as the renderer and the CLI do. */
async function upload(bytes: Buffer, fileName: string): Promise<string> {
  const piece = 6 * 1024 * 1024;
  let uploadId: string | undefined;
  let offset = 0;
  do {
    const dataBase64 = bytes.subarray(offset, offset + piece).toString('base64');
    ({ uploadId, receivedBytes: offset } = await t.call('import:upload', { uploadId, fileName, offset, dataBase64 }));
  } while (offset < bytes.length);
  return uploadId ?? '';
}
async function attach(bytes: Buffer, fileName: string, to = contractId) {
  return t.envelope('contracts:attachmentsAdd', { contractId: to, uploadId: await upload(bytes, fileName) });
}
/** Every file under the attachments folder, relative to it. */
function storedFiles(): string[] {
  const dir = t.ctx.attachmentsDir;
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}
const listed = async () => (await t.call('contracts:attachmentsList', { contractId })).items.map((a: any) => a.fileName);
const readSha = async (id: string) => sha(Buffer.from((await t.call('contracts:attachmentsRead', { id })).contentBase64, 'base64'));

// The file backups keep attachments' files in their own store; a team archive keeps the bytes in its own table
// (its pg_dumps carry them): attachmentsTeam.test.ts.
const fileBackups = testEngine() === 'sqlite';

describe('contract attachments', () => {
  it('adds, lists and reads back the bytes; the same scan is stored once; the upload is discarded', async () => {
    const scan = pdf('合同扫描件');
    const added = await attach(scan, '合同.pdf');
    expect(added.ok).toBe(true);
    expect(added.data.attachment).toMatchObject({ contractId, fileName: '合同.pdf', mime: 'application/pdf', sizeBytes: scan.length, sha256: sha(scan) });
    expect(await readSha(added.data.attachment.id)).toBe(sha(scan));
    // The same bytes on a second contract: a second row, one file.
    const other = (await t.call('contracts:create', { customerId, number: 'HT-002', endsOn: '2028-06-30' })).id;
    expect((await attach(scan, 'copy.pdf', other)).ok).toBe(true);
    if (fileBackups) expect(storedFiles()).toEqual([`${sha(scan).slice(0, 2)}/${sha(scan)}`]);
    else expect({ files: storedFiles(), blobs: await sqlRows(t.ctx.db, 'SELECT sha256 FROM attachment_blobs') }).toEqual({ files: [], blobs: [{ sha256: sha(scan) }] });
    // The same bytes twice on one contract are refused, naming the one it has.
    const dup = await attach(scan, 'again.pdf');
    expect(dup.error).toMatchObject({ code: 'DUPLICATE', field: 'uploadId' });
    expect(dup.error.message).toContain('合同.pdf');
    expect(await listed()).toEqual(['合同.pdf']);
    expect(fs.readdirSync(path.join(t.ctx.stagingDir, 'uploads'))).toEqual([]);
  });

  it('judges the type by content and refuses empty and oversized files, with localized messages', async () => {
    expect((await attach(PNG, 'photo.jpg')).data.attachment.mime).toBe('image/png');
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
    expect((await attach(webp, 'a.webp')).data.attachment.mime).toBe('image/webp');
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(12)]);
    expect((await attach(heic, 'IMG_0001.HEIC')).data.attachment.mime).toBe('image/heic');
    const refused = await attach(Buffer.from('MZ not a pdf at all'), 'contract.pdf');
    expect(refused.error).toMatchObject({ code: 'VALIDATION', field: 'uploadId' });
    expect(refused.error.message).toContain('contract.pdf');
    expect(refused.error.message).toMatch(/PDF/);
    const huge = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
    pdf('x').copy(huge);
    const tooLarge = await attach(huge, 'big.pdf');
    expect(tooLarge.error.message).toContain('20 MB');
    expect((await attach(Buffer.alloc(0), 'empty.pdf')).error.field).toBe('uploadId');
    expect(await listed()).toEqual(['photo.jpg', 'a.webp', 'IMG_0001.HEIC']);
  });

  it.runIf(fileBackups)('undoes an add and a remove; a removed file leaves the folder at the next backup and comes back from its store', async () => {
    const scan = pdf('scan');
    const added = (await attach(scan, 'scan.pdf')).data;
    await t.call('contracts:attachmentsUndo', { undoToken: added.undoToken });
    expect(await listed()).toEqual([]);
    expect(storedFiles()).toHaveLength(1);
    await t.call('system:backup');
    expect(storedFiles()).toEqual([]);

    const again = (await attach(scan, 'scan.pdf')).data;
    const removed = await t.call('contracts:attachmentsRemove', { id: again.attachment.id });
    expect(await listed()).toEqual([]);
    expect((await t.envelope('contracts:attachmentsRead', { id: again.attachment.id })).error.code).toBe('NOT_FOUND');
    t.setNow('2026-11-23T03:00:00.000Z');
    await t.call('system:backup');
    expect(storedFiles()).toEqual([]);
    await t.call('contracts:attachmentsUndo', { undoToken: removed.undoToken });
    expect(await listed()).toEqual(['scan.pdf']);
    expect(await readSha(again.attachment.id)).toBe(sha(scan));
    // An undo token that is not an attachment's change is refused.
    const deleted = await t.call('customers:delete', { id: (await t.call('customers:create', { name: '别的客户' })).id });
    expect((await t.envelope('contracts:attachmentsUndo', { undoToken: deleted.undoToken })).error.field).toBe('undoToken');
  });

  it('a deleted contract hides its attachments; restoring it from the 回收站 brings them back', async () => {
    const a = (await attach(pdf('a'), 'a.pdf')).data.attachment;
    await t.call('contracts:delete', { id: contractId });
    expect((await t.envelope('contracts:attachmentsRead', { id: a.id })).ok).toBe(false);
    expect((await t.envelope('contracts:attachmentsList', { contractId })).ok).toBe(false);
    await t.call('system:backup');
    await t.call('hygiene:restore', { kind: 'contract', id: contractId, withCustomer: false });
    expect(await listed()).toEqual(['a.pdf']);
    expect(await readSha(a.id)).toBe(sha(pdf('a')));
  });

  it.runIf(fileBackups)('backup → wipe → restore: the attachment comes back with identical bytes, and pruned backups release the store', async () => {
    const scan = Buffer.concat([pdf('big scan'), crypto.randomBytes(256 * 1024)]);
    const a = (await attach(scan, '扫描件.pdf')).data.attachment;
    const backup = await t.call('system:backup');
    // Kept by a hard link: the backups' store costs no second copy on the same disk.
    expect(fs.statSync(path.join(t.ctx.attachmentsDir, sha(scan).slice(0, 2), sha(scan))).nlink).toBe(2);
    fs.rmSync(t.ctx.attachmentsDir, { recursive: true, force: true });
    await t.call('contracts:attachmentsRemove', { id: a.id });
    const restored = await t.call('system:restore', { name: backup.name });
    expect(await listed()).toEqual(['扫描件.pdf']);
    expect(await readSha(a.id)).toBe(sha(scan));
    expect(storedFiles()).toEqual([`${sha(scan).slice(0, 2)}/${sha(scan)}`]);
    const store = path.join(t.ctx.backupsDir, 'attachments');
    expect(fs.readdirSync(store, { recursive: true })).toHaveLength(2);
    for (const name of [backup.name, restored.safetyBackup]) removeBackup(t.ctx.backupsDir, name);
    pruneBackups(t.ctx.backupsDir, new Date('2026-11-23T02:00:00.000Z'));
    expect(fs.readdirSync(store, { recursive: true })).toHaveLength(1);
  });
});

describe('customer aliases', () => {
  it('lists the names merged into a customer with their date, and removes one (search no longer finds it)', async () => {
    const dup = (await t.call('customers:create', { name: '西湖老店' })).id;
    t.setNow('2026-11-24T02:00:00.000Z');
    await t.call('customers:merge', { from: dup, into: customerId });
    const aliases = await t.call('customers:aliases', { customerId });
    expect(aliases.items).toEqual([{ id: expect.any(String), name: '西湖老店', mergedAt: '2026-11-24T02:00:00.000Z' }]);
    const search = async () => (await t.call('customers:list', { search: '西湖老店' })).total;
    expect(await search()).toBe(1);
    await t.call('customers:removeAlias', { id: aliases.items[0].id });
    expect((await t.call('customers:aliases', { customerId })).total).toBe(0);
    expect((await t.envelope('customers:removeAlias', { id: aliases.items[0].id })).error.code).toBe('NOT_FOUND');
    expect(await search()).toBe(0);
  });
});
