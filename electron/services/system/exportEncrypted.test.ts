import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { generateRenewalSheet, renewalSheetCsv } from '../../../test-support/import/renewalSheetGenerator.ts';
import { importFile, uploadFixture, writeFixture } from '../../../test-support/import/importTestKit.ts';

// Two archives in two temp folders: "this machine", seeded and exported once (scrypt is slow on purpose), and a
// fresh "other machine" for each test.
let here: TestContext;
let there: TestContext;
let exported: { fileName: string; sizeBytes: number; contentBase64: string };
let sealed: Buffer;
const PASSPHRASE = '正确的密码 correct horse';
beforeAll(async () => {
  here = await openTestContext();
  await seed(here);
  exported = await here.call('system:exportEncrypted', { passphrase: PASSPHRASE });
  sealed = Buffer.from(exported.contentBase64, 'base64');
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

/** Everything a user sees of an archive, without ids and stamps that a restore keeps anyway. */
async function archiveState(t: TestContext) {
  const customers = (await t.call('customers:list', { limit: 500 })).items;
  const details = await Promise.all(customers.map((c: any) => t.call('customers:get', { id: c.id })));
  return {
    customers: details,
    contracts: (await t.call('contracts:list', { limit: 500 })).items,
    renewals: (await t.call('renewals:list', { window: 'custom', from: '2000-01-01', to: '2100-12-31', limit: 500 })).items,
    followUps: (await t.call('followups:list', { limit: 500 })).items,
    owners: await t.call('owners:list'),
    settings: await t.call('settings:get'),
    imports: (await t.call('import:history')).items,
  };
}

/** A small archive with every kind in it: an import (and its history), a follow-up, a lost renewal, a setting. */
async function seed(t: TestContext) {
  await importFile(t, writeFixture(t, renewalSheetCsv(generateRenewalSheet({ rows: 40, seed: 7 }))));
  const customer = (await t.call('customers:list', { limit: 1 })).items[0];
  await t.call('followups:create', { customer: customer.id, summary: '电话回访，客户考虑续费', nextFollowUpOn: '2026-12-01' });
  const contract = (await t.call('contracts:list', { limit: 1 })).items[0];
  await t.call('renewals:setStage', { contractId: contract.id, stage: 'lost', lostReason: '价格' });
  await t.call('settings:set', { locale: 'en-US' });
}

async function restoreUploaded(t: TestContext, bytes: Buffer, fileName: string, passphrase?: string) {
  const file = path.join(fs.mkdtempSync(path.join(t.dir, 'user-')), fileName);
  fs.writeFileSync(file, bytes);
  const uploadId = await uploadFixture(t, file);
  return t.envelope('system:restoreUpload', { uploadId, ...(passphrase === undefined ? {} : { passphrase }) });
}

function stagingLeftovers(t: TestContext): string[] {
  if (!fs.existsSync(t.ctx.stagingDir)) return [];
  return (fs.readdirSync(t.ctx.stagingDir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(t.ctx.stagingDir, f)).isFile());
}

describe('encrypted export', () => {
  it('restores on another machine with the passphrase: the data is equal', async () => {
    expect(exported.fileName).toMatch(/^renewal-desk-\d{8}-\d{4}\.rdbackup$/);
    const bytes = sealed;
    expect(bytes.length).toBe(exported.sizeBytes);
    // The header: magic, format 2, scrypt 2^17 / 8 / 1; nothing of the data shows in clear.
    expect(bytes.subarray(0, 12)).toEqual(Buffer.from([...Buffer.from('RDESKENC'), 2, 17, 8, 1]));
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('杭州云启科技有限公司'))).toBe(false);
    expect(stagingLeftovers(here)).toEqual([]);

    await there.call('customers:create', { name: '另一台电脑上的客户' });
    const restored = await restoreUploaded(there, bytes, exported.fileName, PASSPHRASE);
    expect(restored.ok).toBe(true);
    expect(restored.data).toMatchObject({ restoredFrom: exported.fileName, safetyBackup: expect.stringMatching(/-pre-restore\.db$/) });
    const state = await archiveState(here);
    expect([state.customers.length, state.contracts.length, state.renewals.length, state.followUps.length, state.imports.length]).toEqual([
      expect.any(Number), expect.any(Number), expect.any(Number), 1, 1,
    ]);
    expect(Math.min(state.customers.length, state.contracts.length, state.renewals.length)).toBeGreaterThan(5);
    expect(state.settings).toEqual({ locale: 'en-US' });
    expect(await archiveState(there)).toEqual(state);
    // The upload and the decrypted copy are gone.
    expect(stagingLeftovers(there)).toEqual([]);
  });

  it('refuses a wrong passphrase, a damaged file and a missing passphrase clearly, changing nothing', async () => {
    const bytes = sealed;
    await there.call('customers:create', { name: '原有客户' });
    const before = await archiveState(there);

    const wrong = await restoreUploaded(there, bytes, 'a.rdbackup', 'wrong passphrase');
    expect(wrong.error).toMatchObject({ code: 'VALIDATION', field: 'passphrase', key: 'backups.wrongPassphrase' });

    // One byte of the data changed: the tag no longer matches.
    const damaged = Buffer.from(bytes);
    const at = Math.floor(bytes.length / 2);
    damaged[at] = damaged[at]! ^ 0x01;
    expect((await restoreUploaded(there, damaged, 'a.rdbackup', PASSPHRASE)).error).toMatchObject({ field: 'passphrase', key: 'backups.wrongPassphrase' });
    const truncated = await restoreUploaded(there, bytes.subarray(0, 50), 'a.rdbackup', PASSPHRASE);
    expect(truncated.error).toMatchObject({ field: 'uploadId', key: 'backups.encryptedDamaged' });
    const newer = Buffer.from(bytes);
    newer[8] = 3;
    expect((await restoreUploaded(there, newer, 'a.rdbackup', PASSPHRASE)).error).toMatchObject({ key: 'backups.encryptedNewer', params: { version: 3 } });
    const hungry = Buffer.from(bytes);
    hungry[9] = 30;
    expect((await restoreUploaded(there, hungry, 'a.rdbackup', PASSPHRASE)).error).toMatchObject({ key: 'backups.encryptedDamaged' });
    expect((await restoreUploaded(there, bytes, 'a.rdbackup')).error).toMatchObject({ field: 'passphrase', key: 'backups.passphraseNeeded' });

    expect(await archiveState(there)).toEqual(before);
    expect(stagingLeftovers(there)).toEqual([]);
    expect((await there.call('system:listBackups')).items).toEqual([]);
  });

  it('asks for a passphrase of at least 8 characters', async () => {
    const r = await here.envelope('system:exportEncrypted', { passphrase: 'short' });
    expect(r.error).toMatchObject({ code: 'VALIDATION', field: 'passphrase', key: 'backups.passphraseTooShort', params: { min: 8 } });
  });
});

describe('restore from an uploaded file', () => {
  it('restores a plain backup copied from another machine, backing up the current data first', async () => {
    const backup = await here.call('system:backup');
    const bytes = fs.readFileSync(path.join(here.ctx.backupsDir, backup.name));
    await there.call('customers:create', { name: '原有客户' });

    const r = await restoreUploaded(there, bytes, backup.name);
    expect(r.ok).toBe(true);
    expect(await archiveState(there)).toEqual(await archiveState(here));
    const safety = (await there.call('system:listBackups')).items.find((b: any) => b.reason === 'pre-restore');
    expect(safety).toBeDefined();
    await there.call('system:restore', { name: safety.name });
    expect((await there.call('customers:list')).items.map((c: any) => c.name)).toEqual(['原有客户']);
    expect(stagingLeftovers(there)).toEqual([]);
  });

  it('refuses a file that is no backup, and an upload id that is not one', async () => {
    const r = await restoreUploaded(there, Buffer.from('客户名称,到期日期\n甲,2026-01-01\n'), 'sheet.csv');
    expect(r.error).toMatchObject({ field: 'uploadId', key: 'backups.notABackup', params: { file: 'sheet.csv' } });
    expect((await there.envelope('system:restoreUpload', { uploadId: '../../etc/passwd' })).error).toMatchObject({ field: 'uploadId' });
    expect(stagingLeftovers(there)).toEqual([]);
  });
});
