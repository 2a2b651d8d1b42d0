import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../test-support/openTestContext.ts';
import { importFile } from '../../test-support/import/importTestKit.ts';
import { sql } from 'kysely';
import { q } from '../handle.ts';
import { newId } from '../newId.ts';
import { readSetting, writeSetting } from '../repositories/settingsRepo.ts';
import { withTransaction } from '../withTransaction.ts';
import { undoBatch } from './undoBatch.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

const customerId = async (name: string): Promise<string> =>
  (await q(t.ctx.db).selectFrom('customers').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

/** The error the import's undo gives when the customer it created was edited afterwards. */
async function importUndoRefusal(name: string) {
  const file = path.join(t.dir, 'sheet.csv');
  fs.writeFileSync(file, `客户名称,合同编号,到期日期\n${name},HT-1,2026-12-31\n`);
  const r = await importFile(t, file);
  const id = await customerId(name);
  const { version } = await t.call('customers:get', { id });
  await t.call('customers:update', { id, version, notes: '导入之后改过' });
  return (await t.envelope('import:undo', { batchId: r.batchId })).error;
}

/** The error the undo of a deleted customer gives when the deleted row was written afterwards. */
async function undoDeleteRefusal(name: string) {
  const c = await t.call('customers:create', { name });
  const { undoToken } = await t.call('customers:delete', { id: c.id });
  // Nothing in the app edits a deleted row; this stands in for a writer that did.
  await sql`UPDATE customers SET version = version + 1 WHERE id = ${c.id}`.execute(q(t.ctx.db));
  return (await t.envelope('customers:undoDelete', { undoToken })).error;
}

describe('the one undo engine', () => {
  it('refuses a row changed since with the same error, whether undoing an import or a deleted customer', async () => {
    const viaImport = await importUndoRefusal('甲公司');
    await t.close();
    t = await openTestContext();
    const viaDelete = await undoDeleteRefusal('甲公司');
    expect(viaImport).toEqual({
      code: 'UNDO_CONFLICT',
      field: null,
      key: 'errors.undoChangedSince',
      params: { label: '甲公司' },
      message: '无法撤销：「甲公司」在此之后又被修改过',
    });
    expect(viaDelete).toEqual(viaImport);
  });

  it('changes nothing when it refuses', async () => {
    await undoDeleteRefusal('乙公司');
    expect((await t.call('customers:list', {})).total).toBe(0);
    const undoRows = await q(t.ctx.db).selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', 'in', ['undo', 'undone']).execute();
    expect(undoRows).toEqual([{ n: 0 }]);
  });

  it('puts a deleted customer back with its search entry and next expiry, and refuses a second undo', async () => {
    const c = await t.call('customers:create', { name: '丙公司' });
    await t.call('contracts:create', { customerId: c.id, number: 'HT-9', endsOn: '2026-12-31', amountFen: 100000 });
    const { undoToken } = await t.call('customers:delete', { id: c.id });
    const searchText = async () => (await q(t.ctx.db).selectFrom('customer_search').select('text').where('customer_id', '=', c.id).executeTakeFirst())?.text;
    expect(await searchText()).toBeUndefined();
    await t.call('customers:undoDelete', { undoToken });
    expect(await searchText()).toContain('丙公司');
    const row = await q(t.ctx.db).selectFrom('customers').select('next_expiry_on').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.next_expiry_on).toBe('2026-12-31');
    expect((await t.envelope('customers:undoDelete', { undoToken })).error.key).toBe('errors.undoAlreadyDone');
  });

  it('refuses, naming the customer, when its name was taken again since the delete', async () => {
    const c = await t.call('customers:create', { name: '丁公司' });
    const { undoToken } = await t.call('customers:delete', { id: c.id });
    await t.call('customers:create', { name: '丁公司' });
    const error = (await t.envelope('customers:undoDelete', { undoToken })).error;
    expect(error).toMatchObject({ code: 'UNDO_CONFLICT', key: 'errors.undoNameTaken', params: { label: '丁公司' } });
  });

  it('removes a setting the batch wrote first (settings have no soft delete), and puts back one it changed', async () => {
    const at = '2026-11-23T02:00:00.000Z';
    const first = newId();
    await withTransaction(t.ctx.db, (tx) => writeSetting(tx, 'undoProbe', { n: 1 }, { at, actor: 'local', batchId: first, action: 'update' }));
    const second = newId();
    await withTransaction(t.ctx.db, (tx) => writeSetting(tx, 'undoProbe', { n: 2 }, { at, actor: 'local', batchId: second, action: 'update' }));
    const undo = (batchId: string) => withTransaction(t.ctx.db, (tx) => undoBatch(t.ctx.db, tx, batchId, { batchId: newId(), at, actor: 'local' }, { field: 'undoToken' }));
    await undo(second);
    expect(await readSetting(t.ctx.db, 'undoProbe')).toEqual({ n: 1 });
    await undo(first);
    expect(await readSetting(t.ctx.db, 'undoProbe')).toBeUndefined();
  });
});
