import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeArchiveAttachment } from '../../../db/archiveAttachments.ts';
import { storeAttachmentBytes } from '../../../db/attachmentStore.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { uploadFixture } from '../../../test-support/import/importTestKit.ts';
import { openTestContext, testEngine, type TestContext } from '../../../test-support/openTestContext.ts';
import { sqlRow, sqlRows } from '../../../test-support/sqlRows.ts';
import { buildHandlerTable } from '../allHandlers.ts';
import { dispatch } from '../handlerTable.ts';
import { silentLogger } from '../logger.ts';
import { openPostgresServiceContext } from '../openPostgresServiceContext.ts';
import type { OpenContext } from '../openServiceContext.ts';

// Team mode (issue 15): a team archive keeps its attachments' bytes in its own table (migration 0042), so a
// second desktop on the same PostgreSQL database, with its own empty folder, opens what the first one added. On
// SQLite there is one desktop per file and its folder: attachments.test.ts.
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

describe.skipIf(testEngine() !== 'postgres')('attachments of a team archive', () => {
  let t: TestContext;
  let other: OpenContext;
  let otherDir: string;
  let contractId: string;
  const table = buildHandlerTable();

  /** The second desktop's call through the real handler table; throws on an error envelope. */
  async function onOther<T = any>(name: string, input: unknown): Promise<T> {
    const result = await dispatch(table, other.ctx, name, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.data as T;
  }
  async function attach(bytes: Buffer, fileName: string) {
    const file = path.join(fs.mkdtempSync(path.join(t.dir, 'scan-')), fileName);
    fs.writeFileSync(file, bytes);
    return (await t.call('contracts:attachmentsAdd', { contractId, uploadId: await uploadFixture(t, file) })) as { attachment: { id: string }; undoToken: string };
  }
  const readOn = async (read: (name: string, input: unknown) => Promise<any>, id: string) => sha(Buffer.from((await read('contracts:attachmentsRead', { id })).contentBase64, 'base64'));
  const blobs = () => sqlRows(t.ctx.db, 'SELECT sha256, size_bytes FROM attachment_blobs ORDER BY sha256');
  const filesUnder = (dir: string) => (fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()) : []);

  beforeEach(async () => {
    t = await openTestContext();
    otherDir = fs.mkdtempSync(path.join(t.dir, 'other-desktop-'));
    other = await openPostgresServiceContext({ url: t.file, localDir: otherDir, now: t.ctx.now, serverClock: t.ctx.now, logger: silentLogger });
    const customerId = (await t.call('customers:create', { name: '杭州云启科技有限公司' })).id;
    contractId = (await t.call('contracts:create', { customerId, number: 'HT-001', endsOn: '2027-06-30' })).id;
  });
  afterEach(async () => {
    await other.close();
    await t.close();
  });

  it('a second desktop with its own empty folder opens the scan the first one added; neither folder holds it', async () => {
    const scan = Buffer.concat([pdf('合同扫描件'), crypto.randomBytes(300_000)]);
    const added = await attach(scan, '合同.pdf');
    expect(await readOn((n, i) => onOther(n, i), added.attachment.id)).toBe(sha(scan));
    expect(await readOn((n, i) => t.call(n, i), added.attachment.id)).toBe(sha(scan));
    expect(await blobs()).toEqual([{ sha256: sha(scan), size_bytes: scan.length }]);
    expect([...filesUnder(t.ctx.attachmentsDir), ...filesUnder(other.ctx.attachmentsDir)]).toEqual([]);
    // The same bytes on a second contract are stored once.
    const customerId = (await t.call('customers:create', { name: '第二家客户' })).id;
    contractId = (await t.call('contracts:create', { customerId, number: 'HT-002', endsOn: '2027-06-30' })).id;
    await attach(scan, 'copy.pdf');
    expect(await blobs()).toHaveLength(1);
  });

  it('keeps the bytes of a removed attachment, so undoing the remove (on either desktop) opens it again', async () => {
    const scan = pdf('将被删除又撤销');
    const added = await attach(scan, 'scan.pdf');
    const removed = await onOther<{ undoToken: string }>('contracts:attachmentsRemove', { id: added.attachment.id });
    expect((await t.envelope('contracts:attachmentsRead', { id: added.attachment.id })).error.code).toBe('NOT_FOUND');
    expect(await blobs()).toHaveLength(1);
    await t.call('contracts:attachmentsUndo', { undoToken: removed.undoToken });
    expect(await readOn((n, i) => onOther(n, i), added.attachment.id)).toBe(sha(scan));
    // An add undone leaves the bytes too (its row is only soft-deleted); a refused duplicate writes none.
    await t.call('contracts:attachmentsUndo', { undoToken: added.undoToken });
    expect(await blobs()).toHaveLength(1);
  });

  it('bytes go in with the add\'s transaction: an add that fails after storing them leaves none behind', async () => {
    const scan = pdf('一份');
    await attach(scan, 'a.pdf');
    const file = path.join(fs.mkdtempSync(path.join(t.dir, 'dup-')), 'b.pdf');
    fs.writeFileSync(file, scan);
    expect((await t.envelope('contracts:attachmentsAdd', { contractId, uploadId: await uploadFixture(t, file) })).error.code).toBe('DUPLICATE');
    // New bytes stored, then the transaction fails: the table's row rolls back with it.
    const fresh = pdf('从未落地的一份');
    const failed = withTransaction(t.ctx.db, async (tx) => {
      await storeArchiveAttachment(tx, t.ctx, fresh, t.ctx.now().toISOString());
      throw new Error('the add failed after its bytes were stored');
    });
    await expect(failed).rejects.toThrow('the add failed');
    expect(await blobs()).toEqual([{ sha256: sha(scan), size_bytes: scan.length }]);
  });

  it("uploads bytes an earlier version kept in this computer's folder the first time they are read here", async () => {
    const scan = pdf('旧版本存在本机文件夹里的扫描件');
    const added = await attach(scan, 'old.pdf');
    // As the previous version left it: the row, and the bytes only in the adding computer's folder.
    await sqlRow(t.ctx.db, 'DELETE FROM attachment_blobs WHERE sha256 = ?', sha(scan));
    storeAttachmentBytes(t.ctx.attachmentsDir, scan);
    const missing = await dispatch(table, other.ctx, 'contracts:attachmentsRead', { id: added.attachment.id });
    expect(missing.ok ? 'read' : missing.error.key).toBe('attachmentErrors.fileGone');
    // Read on the computer that has it: uploaded, and from then on every desktop opens it.
    expect(await readOn((n, i) => t.call(n, i), added.attachment.id)).toBe(sha(scan));
    expect(await blobs()).toEqual([{ sha256: sha(scan), size_bytes: scan.length }]);
    expect(await readOn((n, i) => onOther(n, i), added.attachment.id)).toBe(sha(scan));
  });

  it('a damaged file in the local folder is not uploaded in place of the missing bytes', async () => {
    const scan = pdf('原件');
    const added = await attach(scan, 'x.pdf');
    await sqlRow(t.ctx.db, 'DELETE FROM attachment_blobs WHERE sha256 = ?', sha(scan));
    const stored = storeAttachmentBytes(t.ctx.attachmentsDir, scan);
    fs.writeFileSync(path.join(t.ctx.attachmentsDir, ...stored.storedName.split('/')), 'bit rot');
    const read = await t.envelope('contracts:attachmentsRead', { id: added.attachment.id });
    expect(read.ok ? 'read' : read.error.key).toBe('attachmentErrors.fileGone');
    expect(await blobs()).toEqual([]);
  });
});
