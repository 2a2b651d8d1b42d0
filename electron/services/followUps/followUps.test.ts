import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext('2026-11-23T02:00:00.000Z');
});
afterEach(async () => {
  await t.close();
});

describe('follow-up log', () => {
  it('records follow-ups by customer name or id and shows a newest-first timeline per customer and contract', async () => {
    const c = await t.call('customers:create', { name: '杭州云启科技有限公司' });
    const k = await t.call('contracts:create', { customerId: c.id, number: 'HT-1', endsOn: '2027-01-01' });
    await t.call('followups:create', { customer: '杭州云启科技有限公司', summary: '第一次电话', at: '2026-11-01T02:00:00Z', channel: 'phone', kind: 'revisit' });
    await t.call('followups:create', { customer: c.id, contractId: k.id, summary: '续约报价', at: '2026-11-10T02:00:00Z', channel: 'wechat', kind: 'renewal' });
    const timeline = await t.call('followups:list', { customerId: c.id });
    expect(timeline.items.map((f: any) => f.summary)).toEqual(['续约报价', '第一次电话']);
    expect(timeline.items[0]).toMatchObject({ contractNo: 'HT-1', channel: 'wechat', kind: 'renewal', customerName: '杭州云启科技有限公司' });
    const byContract = await t.call('followups:list', { contractId: k.id });
    expect(byContract.items.map((f: any) => f.summary)).toEqual(['续约报价']);
    const detail = await t.call('customers:get', { id: c.id });
    expect(detail.lastFollowUpAt).toBe('2026-11-10T02:00:00.000Z');
  });

  it('lists follow-ups due today or overdue, and a new contact closes the open ones', async () => {
    const a = await t.call('customers:create', { name: '甲公司' });
    const b = await t.call('customers:create', { name: '乙公司' });
    await t.call('followups:create', { customer: a.id, summary: '约下周回访', at: '2026-11-10T02:00:00Z', nextFollowUpOn: '2026-11-17' });
    await t.call('followups:create', { customer: b.id, summary: '今天再联系', at: '2026-11-20T02:00:00Z', nextFollowUpOn: '2026-11-23' });
    await t.call('followups:create', { customer: b.id, summary: '以后再说', at: '2026-11-20T03:00:00Z', nextFollowUpOn: '2026-12-01' });
    let due = await t.call('followups:due', { today: '2026-11-23' });
    // Logging b's second contact closed b's first open date, so only a's and none of b's remain due.
    expect(due.items.map((f: any) => [f.customerName, f.overdueDays])).toEqual([['甲公司', 6]]);
    due = await t.call('followups:due', { today: '2026-12-01' });
    expect(due.items.map((f: any) => f.summary)).toEqual(['约下周回访', '以后再说']);
    await t.call('followups:complete', { id: due.items[0].id });
    expect((await t.call('followups:due', { today: '2026-12-01' })).total).toBe(1);
  });

  it('rejects a follow-up for an unknown customer, an empty summary, or a contract of another customer', async () => {
    const a = await t.call('customers:create', { name: '甲公司' });
    const b = await t.call('customers:create', { name: '乙公司' });
    const k = await t.call('contracts:create', { customerId: b.id, number: 'B-1', endsOn: '2027-01-01' });
    expect((await t.envelope('followups:create', { customer: '不存在', summary: 'x' })).error).toMatchObject({ code: 'NOT_FOUND', field: 'customer' });
    expect((await t.envelope('followups:create', { customer: a.id, summary: ' ' })).error).toMatchObject({ field: 'summary' });
    expect((await t.envelope('followups:create', { customer: a.id, contractId: k.id, summary: 'x' })).error).toMatchObject({ field: 'contractId' });
    expect((await t.envelope('followups:create', { customer: a.id, summary: 'x', channel: 'fax' })).error).toMatchObject({ field: 'channel' });
    expect((await t.call('followups:list', {})).total).toBe(0);
  });
});
