import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

// Real SQLite file, the real handler table and the injected clock (2026-12-05 unless moved).

let t: TestContext;
let contractId: string;
beforeEach(async () => {
  t = await openTestContext('2026-12-05T02:00:00.000Z');
  const customerId = (await t.call('customers:create', { name: '杭州云启科技有限公司' })).id;
  contractId = (await t.call('contracts:create', { customerId, number: 'HT-001', endsOn: '2027-06-30', amountFen: 300_000 })).id;
});
afterEach(async () => {
  await t.close();
});

const list = () => t.call('payments:list', { contractId });

describe('payments', () => {
  it('sets instalments, records payments, derives outstanding and delay as of the clock', async () => {
    const first = (await t.call('payments:set', { contractId, dueOn: '2026-11-30', dueAmountFen: 100_000, invoiceNo: 'FP-1' })).instalment;
    await t.call('payments:set', { contractId, dueOn: '2027-02-28', dueAmountFen: 200_000 });
    expect(first).toMatchObject({ outstandingFen: 100_000, delayDays: 5, overdue: true, invoiceNo: 'FP-1' });
    const dup = await t.envelope('payments:set', { contractId, dueOn: '2026-11-30', dueAmountFen: 1 });
    expect(dup).toMatchObject({ ok: false, error: { code: 'DUPLICATE', field: 'dueOn' } });

    await t.call('payments:record', { id: first.id, amountFen: 40_000, paidOn: '2026-12-01' });
    const paid = (await t.call('payments:record', { id: first.id, amountFen: 60_000, paidOn: '2026-12-03' })).instalment;
    expect(paid).toMatchObject({ paidAmountFen: 100_000, paidOn: '2026-12-03', outstandingFen: 0, settled: true, delayDays: 3, overdue: false });

    t.setNow('2027-03-10T02:00:00.000Z');
    const later = await list();
    expect(later.items.map((i: any) => [i.dueOn, i.delayDays, i.overdue])).toEqual([
      ['2026-11-30', 3, false],
      ['2027-02-28', 10, true],
    ]);
    expect(later).toMatchObject({ total: 2, dueFen: 300_000, paidFen: 100_000, outstandingFen: 200_000 });
  });

  it('undoes a payment and a removal; a foreign undo token is refused', async () => {
    const inst = (await t.call('payments:set', { contractId, dueOn: '2026-12-31', dueAmountFen: 50_000 })).instalment;
    const pay = await t.call('payments:record', { id: inst.id, amountFen: 50_000, paidOn: '2026-12-05' });
    expect((await t.call('payments:undo', { undoToken: pay.undoToken })).undone).toBe(1);
    expect((await list()).items[0]).toMatchObject({ paidAmountFen: 0, paidOn: null, outstandingFen: 50_000 });

    const removed = await t.call('payments:remove', { id: inst.id });
    expect((await list()).total).toBe(0);
    // The due date is free again while removed.
    const again = await t.envelope('payments:set', { contractId, dueOn: '2026-12-31', dueAmountFen: 1 });
    expect(again.ok).toBe(true);
    await t.call('payments:remove', { id: again.data.instalment.id });
    await t.call('payments:undo', { undoToken: removed.undoToken });
    expect((await list()).items.map((i: any) => i.dueAmountFen)).toEqual([50_000]);

    const customerId = (await t.call('customers:create', { name: '别的客户' })).id;
    const other = await t.call('customers:delete', { id: customerId });
    expect(await t.envelope('payments:undo', { undoToken: other.undoToken })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a paid amount without a paid date', async () => {
    const res = await t.envelope('payments:set', { contractId, dueOn: '2026-12-31', dueAmountFen: 50_000, paidAmountFen: 100 });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'paidOn' } });
  });

  it("the 续约 dialog's plan becomes the new term's instalments: equal split with the remainder last, or typed rows that must add up", async () => {
    const renew = (number: string, instalmentPlan: unknown, amountFen = 100_001) =>
      t.envelope('renewals:renew', { contractId, number, startsOn: '2027-07-01', endsOn: '2028-06-30', amountFen, instalmentNote: '签约付一半', instalmentPlan });
    const wrong = await renew('HT-002', { kind: 'rows', rows: [{ dueOn: '2027-07-01', dueAmountFen: 50_000 }] });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'instalmentPlan' } });
    expect((await t.call('contracts:get', { id: contractId })).status).toBe('active'); // rolled back as a whole

    const done = await renew('HT-002', { kind: 'equal', count: 3, firstDueOn: '2027-07-31', everyMonths: 1 });
    const next = done.data.newContractId;
    const items = (await t.call('payments:list', { contractId: next })).items;
    expect(items.map((i: any) => [i.dueOn, i.dueAmountFen])).toEqual([
      ['2027-07-31', 33_333],
      ['2027-08-31', 33_333],
      ['2027-09-30', 33_335],
    ]);
    // The words typed in the old 分期付款 field stay with the new term, as a note.
    expect((await t.call('contracts:get', { id: next })).notes).toBe('分期：签约付一半');
  });
});
