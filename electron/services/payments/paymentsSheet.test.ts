import { afterEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

// `import --kind payments` and `export payments` through the real handler table, on real SQLite files.

const opened: TestContext[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});

/** An archive with the same two contracts each time. */
async function archive(): Promise<{ t: TestContext; ids: Record<string, string> }> {
  const t = await openTestContext('2026-12-05T02:00:00.000Z');
  opened.push(t);
  const customerId = (await t.call('customers:create', { name: '杭州云启科技有限公司' })).id;
  const ids: Record<string, string> = {};
  for (const number of ['HT-001', 'HT-002']) ids[number] = (await t.call('contracts:create', { customerId, number, endsOn: '2027-06-30', amountFen: 300_000 })).id;
  return { t, ids };
}

async function importText(t: TestContext, text: string | Buffer, fileName = 'payments.csv') {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const { uploadId } = await t.call('import:upload', { fileName, offset: 0, dataBase64: bytes.toString('base64') });
  return t.envelope('payments:import', { uploadId });
}

describe('the payments sheet', () => {
  it('imports by (合同编号, 应收日期): a later row sets the paid amount and latest paid date; an unknown contract is a row issue', async () => {
    const { t, ids } = await archive();
    const csv = [
      '合同编号,应收日期,应收金额,实收日期,实收金额,发票号,开票日期',
      'HT-001,2026-11-30,1000.00,2026-12-01,400,FP-7,2026-11-28',
      'HT-001,2027-02-28,2000,,,,',
      'HT-404,2026-11-30,1000,,,,',
      'HT-001,2026/11/30,1000,2026-12-03,1000,,',
      'HT-002,2026-13-01,1000,,,,',
    ].join('\n');
    const res = await importText(t, csv);
    expect(res.ok).toBe(true);
    expect(res.data).toMatchObject({ rows: 5, created: 2, updated: 1, unchanged: 0 });
    expect(res.data.issues.map((i: any) => [i.line, i.column])).toEqual([
      [4, '合同编号'],
      [6, '应收日期'],
    ]);
    expect(res.data.issues[0].message).toContain('HT-404');
    const items = (await t.call('payments:list', { contractId: ids['HT-001'] })).items;
    expect(items.map((i: any) => [i.dueOn, i.dueAmountFen, i.paidAmountFen, i.paidOn, i.invoiceNo, i.delayDays])).toEqual([
      ['2026-11-30', 100_000, 100_000, '2026-12-03', 'FP-7', 3],
      ['2027-02-28', 200_000, 0, null, null, 0],
    ]);
    // One undo token for the whole import.
    await t.call('payments:undo', { undoToken: res.data.undoToken });
    expect((await t.call('payments:list', { contractId: ids['HT-001'] })).total).toBe(0);
  });

  it('round trip: export → fresh archive with the same contracts → import → export is byte-identical (zh and en)', async () => {
    const a = await archive();
    const first = (await a.t.call('payments:set', { contractId: a.ids['HT-001'], dueOn: '2026-11-30', dueAmountFen: 100_050, invoiceNo: 'FP-1', invoiceOn: '2026-11-25' })).instalment;
    await a.t.call('payments:record', { id: first.id, amountFen: 30_000, paidOn: '2026-12-02' });
    await a.t.call('payments:set', { contractId: a.ids['HT-001'], dueOn: '2027-03-01', dueAmountFen: 199_950, note: '尾款' });
    await a.t.call('payments:set', { contractId: a.ids['HT-002'], dueOn: '2026-10-01', dueAmountFen: 300_000, paidAmountFen: 300_000, paidOn: '2026-10-08' });
    for (const headers of ['zh', 'en'] as const) {
      const exported = await a.t.call('export:payments', { headers });
      expect(exported.rows).toBe(3);
      const b = await archive();
      const imported = await importText(b.t, Buffer.from(exported.contentBase64, 'base64'));
      expect(imported.data).toMatchObject({ created: 3, issues: [] });
      const again = await b.t.call('export:payments', { headers });
      expect(again.contentBase64).toBe(exported.contentBase64);
    }
    const text = Buffer.from((await a.t.call('export:payments', {})).contentBase64, 'base64').toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFF合同编号,应收日期,应收金额,实收日期,实收金额,发票号,开票日期');
    expect(text.split('\r\n')[1]).toBe('HT-001,2026-11-30,1000.50,2026-12-02,300.00,FP-1,2026-11-25');
  });
});
