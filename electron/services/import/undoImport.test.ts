import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { undoBatch } from '../../../db/audit/undoBatch.ts';
import { rebuildSearchIndex } from '../../../db/repositories/customerSearchIndex.ts';
import { rebuildPostgresSearchIndex } from '../../../db/repositories/customerSearchIndexPostgres.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { generateRenewalSheet, renewalSheetCsv } from '../../../test-support/import/renewalSheetGenerator.ts';
import { importFile, writeFixture } from '../../../test-support/import/importTestKit.ts';
import { sqlRows } from '../../../test-support/sqlRows.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

const TABLES = ['owners', 'customers', 'contacts', 'contracts', 'follow_ups'];
/** Every live row with every column but the bookkeeping an undo necessarily moves (version, updated_at). */
async function liveState() {
  const db = t.ctx.db;
  const state: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    state[table] = (await sqlRows(db, `SELECT * FROM ${table} WHERE deleted_at IS NULL ORDER BY id`)).map(
      ({ version: _v, updated_at: _u, ...rest }) => rest,
    );
  }
  state['customer_search'] = await sqlRows(db, 'SELECT * FROM customer_search ORDER BY customer_id');
  state['customer_bigrams'] = await sqlRows(db, 'SELECT * FROM customer_bigrams ORDER BY bigram, customer_id');
  state['search_bigram_df'] = await sqlRows(db, 'SELECT * FROM search_bigram_df WHERE n > 0 ORDER BY bigram');
  state['customer_bigram_sets'] = await sqlRows(db, 'SELECT * FROM customer_bigram_sets ORDER BY customer_id');
  return state;
}

/** A rebuild of the whole search index on the archive's engine (each engine has its own bulk rebuild). */
const rebuildIndex = async () => {
  if (t.engine === 'postgres') await rebuildPostgresSearchIndex(t.ctx.db);
  else rebuildSearchIndex(t.ctx.db);
};

const HEADER = '客户名称,联系人,职务,电话,合同编号,签订日期,到期日期,合同金额,服务内容,续费周期,客户等级,负责人,备注';

describe('undo of an import', () => {
  it('restores the exact previous state, including every field the import updated', async () => {
    await importFile(t, writeFixture(t, renewalSheetCsv(generateRenewalSheet({ rows: 600, seed: 21, duplicateShare: 0.05 })), 'csv', 'gb18030'));
    const manual = await t.call('customers:create', { name: '手工录入公司', tier: 'vip', primaryContact: { name: '王五', phone: '010-1234567' } });
    await t.call('contracts:create', { customerId: manual.id, number: 'M-1', endsOn: '2026-05-01', amountFen: 100, notes: '手工' });
    const before = await liveState();

    const second = [
      HEADER,
      // updates: contact renamed and re-phoned, tier and owner changed, contract dates/amount/notes changed
      '手工录入公司,赵六,经理,020-7654321,M-1,2025-05-01,2027-05-01,"¥2,000",新服务,季,重要,新负责人,改了备注',
      // creates: a new customer with a contract, and a new contract for an existing customer
      '新客户有限公司,孙七,,13900000000,N-1,,2026-09-30,1.5万,,年,,新负责人,',
      '手工录入公司,,,,M-2,,2026-01-31,100,,月,,,',
      // a contract from the first import, updated twice in this file (the later row wins)
      `${(before['customers'] as any[])[0].name},,,,XF000001,,2030-01-01,1,,,,,`,
      `${(before['customers'] as any[])[0].name},,,,XF000001,,2030-01-02,2,,,,,`,
    ].join('\n');
    const r = await importFile(t, writeFixture(t, second));
    expect(r).toMatchObject({ committed: true, contractsCreated: 2, customersCreated: 1, duplicates: [{ line: 5, supersededBy: 6 }] });
    expect(r.contractsUpdated).toBeGreaterThanOrEqual(1);
    expect(await liveState()).not.toEqual(before);

    const undone = await t.call('import:undo', { batchId: r.batchId });
    expect(undone).toMatchObject({ batchId: r.batchId });
    expect(await liveState()).toEqual(before);
    expect((await t.call('customers:get', { id: manual.id })).nextExpiryOn).toBe('2026-05-01');
    expect((await t.call('customers:list', { search: '赵六' })).total).toBe(0);
    expect((await t.call('customers:list', { search: '王五' })).total).toBe(1);
    expect((await t.call('customers:list', { search: '新客户' })).total).toBe(0);

    const history = await t.call('import:history', {});
    expect(history.items[0]).toMatchObject({ batchId: r.batchId, undoneAt: expect.any(String), rows: 5 });
    expect(await t.envelope('import:undo', { batchId: r.batchId })).toMatchObject({ ok: false, error: { code: 'UNDO_CONFLICT' } });
  });

  it('undoes a whole first import, leaving an empty archive', async () => {
    const empty = await liveState();
    const r = await importFile(t, writeFixture(t, renewalSheetCsv(generateRenewalSheet({ rows: 300, seed: 3 })), 'csv', 'gb18030'));
    await t.call('import:undo', { batchId: r.batchId });
    expect(await liveState()).toEqual(empty);
    expect((await t.call('customers:list', {})).total).toBe(0);
  });

  it('refuses, changing nothing, when a row of the batch was edited after the import', async () => {
    const r = await importFile(t, writeFixture(t, `${HEADER}\n甲公司,张三,,,HT-1,,2026-12-31,100,,年,,,\n乙公司,李四,,,HT-2,,2026-12-31,100,,年,,,\n`));
    const k = (await t.call('contracts:list', {})).items.find((x: any) => x.number === 'HT-2');
    await t.call('contracts:update', { id: k.id, amountFen: 999 });
    const state = await liveState();
    const refused = await t.envelope('import:undo', { batchId: r.batchId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNDO_CONFLICT', message: '无法撤销：「HT-2」在此之后又被修改过' } });
    expect(await liveState()).toEqual(state);
    expect((await t.call('import:history', {})).items[0].undoneAt).toBeNull();
  });

  it('writes audit rows the undo of a deleted customer replays too (one per record; creates without an after-image)', async () => {
    await importFile(t, writeFixture(t, `${HEADER}\n甲公司,张三,,,HT-1,,2026-12-31,100,,年,VIP,刘洋,\n`));
    const before = await liveState();
    const r = await importFile(t, writeFixture(t, `${HEADER}\n甲公司,李四,,,HT-1,,2027-12-31,100,,年,重要,,\n甲公司,,,,HT-2,,2027-06-30,,,年,,,\n`));
    const meta = { actor: 'test', at: new Date().toISOString(), batchId: 'u1' };
    await withTransaction(t.ctx.db, (tx) => undoBatch(t.ctx.db, tx, r.batchId, meta, { field: 'undoToken' }));
    // The one undo redoes the search index and next expiry too, so the whole state is as before.
    expect(await liveState()).toEqual(before);
  });

  it('reports an unknown batch', async () => {
    expect(await t.envelope('import:undo', { batchId: '01900000-0000-7000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'batchId' },
    });
  });
  it('keeps the search index equal to a rebuild when a customer created in one chunk is renamed in a later one, and after undo', async () => {
    // Rows 2–501 fill the first chunk; the customer's contact changes twice after it, so pairs staged for the
    // first name are taken back from the stage, not from the index.
    const filler = Array.from({ length: 500 }, (_, i) => `填充公司${i},${i % 2 ? `联系人${i}` : ''},,${i % 3 ? `139${i}` : ''},F-${i},,2027-01-01,,,,,,`);
    const sheet = [
      HEADER,
      '欧阳科技有限公司,诸葛亮,经理,13900000000,OY-1,,2027-02-01,,,,,,',
      ...filler,
      '欧阳科技有限公司,司马懿,,13911111111,OY-2,,2027-03-01,,,,,,',
      '欧阳科技有限公司,上官婉儿,,,OY-3,,2027-04-01,,,,,,',
    ].join('\n');
    const r = await importFile(t, writeFixture(t, sheet));
    expect(r).toMatchObject({ committed: true, customersCreated: 501, contractsCreated: 503 });
    const imported = await liveState();
    expect((await t.call('customers:list', { search: '婉儿' })).total).toBe(1);
    expect((await t.call('customers:list', { search: '诸葛' })).total).toBe(0);
    await rebuildIndex();
    expect(await liveState()).toEqual(imported);

    await t.call('import:undo', { batchId: r.batchId });
    const undone = await liveState();
    expect(undone['customer_bigrams']).toEqual([]);
    await rebuildIndex();
    expect(await liveState()).toEqual(undone);
  });
});
