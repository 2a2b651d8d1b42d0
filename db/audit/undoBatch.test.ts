import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../test-support/openTestContext.ts';
import { importFile } from '../../test-support/import/importTestKit.ts';
import { rawOf } from '../handle.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

const customerId = async (name: string): Promise<string> => (await t.call('customers:list', { search: name })).items[0].id;

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
  rawOf(t.ctx.db).prepare('UPDATE customers SET version = version + 1 WHERE id = ?').run(c.id);
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
    const undoRows = rawOf(t.ctx.db).prepare("SELECT count(*) AS n FROM audit_log WHERE action IN ('undo', 'undone')").get();
    expect(undoRows).toEqual({ n: 0 });
  });
});
