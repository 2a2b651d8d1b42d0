// A full disk, simulated with PRAGMA max_page_count (db/pageLimit.ts): a write that runs out of room fails as
// DISK_FULL with words the user can act on, in the archive's language, never as an internal error; nothing of
// it is left behind; reads keep working; and once there is room again, writes work again.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { limitGrowth, liftGrowthLimit } from '../../../db/pageLimit.ts';
import { generateRenewalSheet, renewalSheetCsv } from '../../../test-support/import/renewalSheetGenerator.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { collectIds, digestArchive } from '../../../test-support/torture/archiveDigest.ts';
import { importSheet } from '../../../test-support/torture/importSheet.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

const DISK_FULL_ZH = '磁盘空间已满，本次操作没有保存任何内容。请清理一些磁盘空间后重试。';
const DISK_FULL_EN = 'The disk is full, so nothing was saved. Free some space and try again.';

/** The whole archive as another process would read it now. */
const state = () => digestArchive(t.file, collectIds(t.file)).whole;

/** Creates customers until one write finds no room; returns its envelope, checking it left nothing behind. */
async function writeUntilFull(prefix: string): Promise<{ error: { code: string; key: string; message: string; field: string | null } }> {
  for (let i = 0; i < 2000; i++) {
    const before = state();
    const result = await t.envelope('customers:create', { name: `${prefix}${i}`, notes: '备注'.repeat(200), primaryContact: { name: '王芳', phone: '13800138000' } });
    if (!result.ok) {
      expect(state(), 'a refused write leaves the archive exactly as it was').toBe(before);
      return result;
    }
  }
  throw new Error('the page limit never bit');
}

describe('disk full', () => {
  it('a small write that finds no room fails as DISK_FULL in the archive language, reads go on, and writes resume once there is room', async () => {
    await t.call('customers:create', { name: '磁盘测试客户' });
    limitGrowth(t.ctx.db, 2);
    const full = await writeUntilFull('空间不足客户');
    expect(full.error).toEqual({ code: 'DISK_FULL', field: null, key: 'storage.diskFull', params: {}, message: DISK_FULL_ZH });
    expect((await t.call('customers:list', { search: '磁盘测试' })).total).toBe(1);

    liftGrowthLimit(t.ctx.db);
    await t.call('settings:set', { locale: 'en-US' });
    limitGrowth(t.ctx.db, 2);
    expect((await writeUntilFull('Out of room ')).error).toMatchObject({ code: 'DISK_FULL', message: DISK_FULL_EN });

    liftGrowthLimit(t.ctx.db);
    const created = await t.call('customers:create', { name: '空间恢复后的客户' });
    expect((await t.call('customers:get', { id: created.id })).name).toBe('空间恢复后的客户');
    expect((await t.call('system:info')).integrity).toBe('ok');
  });

  it('an import (one big transaction) that runs out of room is refused whole; after freeing room the same import commits', async () => {
    const sheet = path.join(t.dir, 'sheet.csv');
    fs.writeFileSync(sheet, renewalSheetCsv(generateRenewalSheet({ rows: 3000, seed: 61, customers: 600 })));
    await t.call('customers:create', { name: '导入前已有的客户' });
    const before = state();
    limitGrowth(t.ctx.db, 50);

    const refused = await importSheet(t.envelope, sheet);
    expect(refused).toMatchObject({ ok: false, error: { code: 'DISK_FULL', key: 'storage.diskFull', message: DISK_FULL_ZH } });
    expect(state(), 'no row, audit entry or batch record of the refused import remains').toBe(before);
    expect((await t.call('import:history', {})).total).toBe(0);
    expect((await t.call('customers:list', {})).total).toBe(1);

    liftGrowthLimit(t.ctx.db);
    const done = await importSheet(t.envelope, sheet);
    expect(done).toMatchObject({ ok: true, data: { committed: true } });
    expect(done.ok && (done.data as { contractsCreated: number }).contractsCreated).toBeGreaterThan(2000);
    expect((await t.call('import:history', {})).total).toBe(1);
    expect((await t.call('system:info')).integrity).toBe('ok');
  });
});
