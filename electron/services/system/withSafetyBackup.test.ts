import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { importEnvelope, importFile, writeFixture } from '../../../test-support/import/importTestKit.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

const SHEET = '客户名称,合同编号,到期日期\n甲公司,HT-1,2026-12-01\n乙公司,HT-2,2026-12-20\n';
const BAD_ROW = '客户名称,合同编号,到期日期\n丙公司,HT-3,2026-12-01\n丁公司,HT-4,不是日期\n';

async function backups(): Promise<{ name: string; reason: string }[]> {
  return (await t.call('system:listBackups')).items;
}

/** Live customer names inside a backup file, read without touching the archive. */
function customersIn(name: string): string[] {
  const raw = new Database(path.join(t.ctx.backupsDir, name), { readonly: true, fileMustExist: true });
  try {
    return (raw.prepare('SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  } finally {
    raw.close();
  }
}

/** Moves the clock on, so each backup gets a name of its own time. */
let minute = 0;
function tick() {
  t.setNow(new Date(Date.UTC(2026, 10, 23, 2, ++minute)).toISOString());
}

describe('a backup before every bulk action', () => {
  it('backs up before an import commits, not before a dry run, and drops it when --strict refuses the batch', async () => {
    await t.call('customers:create', { name: '原有客户' });
    tick();
    await importFile(t, writeFixture(t, SHEET), { dryRun: true });
    expect(await backups()).toEqual([]);

    tick();
    const r = await importFile(t, writeFixture(t, SHEET));
    expect(r.committed).toBe(true);
    const [pre] = await backups();
    expect(pre).toMatchObject({ reason: 'pre-import', name: expect.stringMatching(/-pre-import\.db$/) });
    expect(customersIn(pre!.name)).toEqual(['原有客户']);

    tick();
    const strict = await importEnvelope(t, writeFixture(t, BAD_ROW), { strict: true });
    expect(strict.data).toMatchObject({ committed: false, strictAborted: true });
    expect((await backups()).map((b) => b.reason)).toEqual(['pre-import']);

    tick();
    await t.call('import:undo', { batchId: r.batchId });
    const [undo] = await backups();
    expect(undo).toMatchObject({ reason: 'pre-undo-import' });
    expect(customersIn(undo!.name)).toEqual(['乙公司', '原有客户', '甲公司'].sort());
    tick();
    // An undo that is refused changes nothing and leaves no backup behind.
    expect((await t.envelope('import:undo', { batchId: r.batchId })).ok).toBe(false);
    expect((await backups()).map((b) => b.reason)).toEqual(['pre-undo-import', 'pre-import']);
  });

  it('backs up before a customer delete and its undo, and not for a customer that does not exist', async () => {
    const c = await t.call('customers:create', { name: '要删除的客户', primaryContact: { name: '王芳' } });
    tick();
    expect((await t.envelope('customers:delete', { id: '0190f1c2-0000-7000-8000-000000000000' })).ok).toBe(false);
    expect(await backups()).toEqual([]);
    const deleted = await t.call('customers:delete', { id: c.id });
    tick();
    await t.call('customers:undoDelete', { undoToken: deleted.undoToken });
    const list = await backups();
    expect(list.map((b) => b.reason)).toEqual(['pre-undo-delete', 'pre-delete-customer']);
    expect(customersIn(list[1]!.name)).toEqual(['要删除的客户']);
    expect(customersIn(list[0]!.name)).toEqual([]);
  });

  it('refuses the action when the backup cannot be taken, and changes nothing', async () => {
    fs.writeFileSync(t.ctx.backupsDir, 'a file where the backups folder should be');
    const r = await importEnvelope(t, writeFixture(t, SHEET));
    expect(r.error).toMatchObject({ code: 'INTERNAL', key: 'backups.preActionFailed' });
    expect((await t.call('customers:list')).total).toBe(0);
    expect((await t.call('import:history')).total).toBe(0);
  });
});
