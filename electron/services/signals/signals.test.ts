import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { usageDrop } from '../../../shared/domain/riskSignals.ts';
import { countServiceInteractionsByMonth } from '../../../db/repositories/signalsRepo.ts';

let t: TestContext;
let customerId: string;
let contractId: string;
beforeEach(async () => {
  t = await openTestContext('2026-05-20T02:00:00.000Z');
  customerId = (await t.call('customers:create', { name: '杭州云启科技有限公司' })).id;
  contractId = (await t.call('contracts:create', { customerId, number: 'HT-001', endsOn: '2027-06-30', amountFen: 1280000 })).id;
});
afterEach(async () => {
  await t.close();
});

describe('usage figures', () => {
  it('keeps one figure per customer and period (any day of it names it), undoes a set, and feeds the drop rule', async () => {
    await t.call('usage:setUnit', { unit: '席位' });
    for (const [day, value] of [['2026-01-15', 100], ['2026-02-01', 120], ['2026-03-31', 80], ['2026-04-02', 90]] as const) {
      expect(await t.call('usage:set', { customerId, periodOn: day, value })).toMatchObject({ created: true });
    }
    const replaced = await t.call('usage:set', { customerId, periodOn: '2026-04-30', value: 70 });
    expect(replaced).toMatchObject({ created: false, figure: { periodKind: 'month', periodStart: '2026-04-01', value: 70, unit: '席位' } });
    await t.call('usage:set', { customerId, periodKind: 'week', periodOn: '2026-05-20', value: 5, unit: '订单' });

    const monthly = await t.call('usage:list', { customerId, periodKind: 'month' });
    expect(monthly.unit).toBe('席位');
    expect(monthly.items.map((f: { periodStart: string; value: number }) => [f.periodStart, f.value])).toEqual([['2026-04-01', 70], ['2026-03-01', 80], ['2026-02-01', 120], ['2026-01-01', 100]]);
    expect(usageDrop(monthly.items.map((f: { periodStart: string; value: number }) => ({ period: f.periodStart, value: f.value })))).toMatchObject({ kind: 'measured', average: 100, dropPercent: 30 });
    expect((await t.call('usage:list', { customerId })).items[0]).toMatchObject({ periodKind: 'week', periodStart: '2026-05-18', unit: '订单' });

    // Undo the replacement: April is 90 again. Undo a remove: the figure is back.
    expect(await t.call('signals:undo', { undoToken: replaced.undoToken })).toEqual({ undone: 1 });
    const april = (await t.call('usage:list', { customerId, periodKind: 'month' })).items[0];
    expect(april).toMatchObject({ periodStart: '2026-04-01', value: 90 });
    const removed = await t.call('usage:remove', { id: april.id });
    expect((await t.call('usage:list', { customerId, periodKind: 'month' })).total).toBe(3);
    await t.call('signals:undo', { undoToken: removed.undoToken });
    expect((await t.call('usage:list', { customerId, periodKind: 'month' })).total).toBe(4);

    await expect(t.call('usage:set', { customerId, periodOn: '2026-04-01', value: -1 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(t.call('usage:remove', { id: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('competitor events', () => {
  it('adds, lists latest first with the contract number, removes, and undoes only signal batches', async () => {
    const first = await t.call('competitorEvents:add', { customerId, happenedOn: '2026-03-02', text: '竞品报价' });
    const second = await t.call('competitorEvents:add', { customerId, happenedOn: '2026-04-10', text: '竞品上线新版本', contractId });
    expect(second.event).toMatchObject({ contractNo: 'HT-001', happenedOn: '2026-04-10' });
    expect((await t.call('competitorEvents:list', { customerId })).items.map((e: { text: string }) => e.text)).toEqual(['竞品上线新版本', '竞品报价']);
    await t.call('competitorEvents:remove', { id: first.event.id });
    expect((await t.call('competitorEvents:list', { customerId })).total).toBe(1);
    await t.call('signals:undo', { undoToken: second.undoToken });
    expect((await t.call('competitorEvents:list', { customerId })).total).toBe(0);

    const other = (await t.call('customers:create', { name: '宁波海曙物流' })).id;
    await expect(t.call('competitorEvents:add', { customerId: other, happenedOn: '2026-04-10', text: 'x', contractId })).rejects.toMatchObject({ code: 'VALIDATION' });
    const deleted = await t.call('customers:delete', { id: other });
    await expect(t.call('signals:undo', { undoToken: deleted.undoToken })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('service interactions per month', () => {
  it('counts 咨询 and 工单 follow-ups per month (zeros included) and flags a sudden rise', async () => {
    const log = (at: string, kind: 'inquiry' | 'ticket' | 'revisit') => t.call('followups:create', { customer: customerId, at, kind, channel: 'sms', summary: kind });
    await log('2026-02-10T02:00:00.000Z', 'inquiry');
    await log('2026-03-10T02:00:00.000Z', 'ticket');
    await log('2026-03-11T02:00:00.000Z', 'revisit');
    for (const day of ['01', '02', '03', '04']) await log(`2026-05-${day}T02:00:00.000Z`, day === '01' ? 'inquiry' : 'ticket');
    const r = await t.call('usage:interactions', { customerId, months: 6 });
    expect(r.months.map((m: { month: string; inquiries: number; tickets: number }) => [m.month, m.inquiries, m.tickets])).toEqual([
      ['2025-12', 0, 0], ['2026-01', 0, 0], ['2026-02', 1, 0], ['2026-03', 0, 1], ['2026-04', 0, 0], ['2026-05', 1, 3],
    ]);
    // Previous 3 months 1, 1, 0: mean 0.7, threshold 2; May's 4 is a rise.
    expect(r.change).toEqual({ kind: 'rise', latest: 4, mean: 0.7 });
  });

  it('counts per customer and local month for all customers in one query, deleted follow-ups left out', async () => {
    const other = (await t.call('customers:create', { name: '宁波海曙物流' })).id;
    await t.call('followups:create', { customer: other, at: '2026-03-31T17:00:00.000Z', kind: 'ticket', channel: 'phone', summary: 'a' });
    const gone = await t.call('followups:create', { customer: other, at: '2026-03-02T02:00:00.000Z', kind: 'inquiry', channel: 'phone', summary: 'b' });
    await t.call('followups:delete', { id: gone.id });
    await t.call('followups:create', { customer: customerId, at: '2026-03-02T02:00:00.000Z', kind: 'inquiry', channel: 'phone', summary: 'c' });
    // 2026-03-31T17:00Z is April 1st at 01:00 in UTC+8.
    const rows = await countServiceInteractionsByMonth(t.ctx.db, { sinceInstant: '2026-01-01T00:00:00.000Z', offsetMinutes: 480 });
    expect(rows.map((r) => [r.customerId === other ? 'other' : 'this', r.month, r.inquiries, r.tickets]).sort()).toEqual([
      ['other', '2026-04', 0, 1],
      ['this', '2026-03', 1, 0],
    ]);
  });
});
