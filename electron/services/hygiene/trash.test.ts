import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { q } from '../../../db/handle.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

describe('回收站', () => {
  it('lists deleted customers and contracts and restores one at a time, a contract of a deleted customer only with it', async () => {
    const a = await t.call('customers:create', { name: '甲公司', primaryContact: { name: '张三', phone: '13800000001' } });
    const b = await t.call('customers:create', { name: '乙公司' });
    const gone = await t.call('contracts:create', { customerId: a.id, number: 'HT-1', endsOn: '2027-01-31', amountFen: 100 });
    await t.call('contracts:create', { customerId: a.id, number: 'HT-2', endsOn: '2027-06-30', amountFen: 100 });
    await t.call('contracts:delete', { id: gone.id });
    t.setNow('2026-11-23T03:00:00.000Z');
    await t.call('customers:delete', { id: a.id });
    await t.call('customers:merge', { from: b.id, into: (await t.call('customers:create', { name: '丙公司' })).id });

    const trash = await t.call('hygiene:trash', {});
    // The merged 乙公司 is not listed: its undo is the merge's.
    expect(trash.customers.map((c: any) => c.name)).toEqual(['甲公司']);
    expect(trash.contracts.map((k: any) => [k.number, k.customerDeleted])).toEqual([['HT-2', true], ['HT-1', true]]);

    const refused = await t.envelope('hygiene:restore', { kind: 'contract', id: gone.id });
    expect(refused.error).toMatchObject({ code: 'CONFLICT', field: 'withCustomer', message: '合同 HT-1 所属的客户“甲公司”已删除：请连同客户一起恢复' });

    await t.call('hygiene:restore', { kind: 'contract', id: gone.id, withCustomer: true });
    const detail = await t.call('customers:get', { id: a.id });
    // The customer came back with what its delete took (HT-2, the contact), and HT-1 on its own.
    expect(detail.contracts.map((k: any) => k.number).sort()).toEqual(['HT-1', 'HT-2']);
    expect(detail.contacts.map((c: any) => c.name)).toEqual(['张三']);
    expect((await t.call('customers:list', { search: '张三' })).items.map((c: any) => c.name)).toEqual(['甲公司']);
    expect((await t.call('hygiene:trash', {})).contracts).toEqual([]);

    await t.call('customers:delete', { id: a.id });
    await t.call('customers:create', { name: '甲公司' });
    const taken = await t.envelope('hygiene:restore', { kind: 'customer', id: a.id });
    expect(taken.error).toMatchObject({ code: 'CONFLICT', message: '已有名为“甲公司”的客户，不能恢复同名客户；请先改名' });
  });
});

describe('负责人交接', () => {
  it('hands every customer, contract and follow-up of one owner to another in one batch, and undo gives them back', async () => {
    const li = await t.call('owners:create', { name: '李雷' });
    const han = await t.call('owners:create', { name: '韩梅梅' });
    const a = await t.call('customers:create', { name: '甲公司', ownerId: li.id });
    const b = await t.call('customers:create', { name: '乙公司', ownerId: han.id });
    await t.call('contracts:create', { customerId: a.id, number: 'HT-1', endsOn: '2027-01-31', ownerId: li.id });
    await t.call('contracts:create', { customerId: b.id, number: 'HT-2', endsOn: '2027-01-31', ownerId: li.id });
    await t.call('followups:create', { customer: a.id, summary: '回访', ownerId: li.id });
    const owners = async () =>
      (
        await sql<{ k: string; owner_id: string | null }>`SELECT 'customer' AS k, owner_id FROM customers UNION ALL SELECT 'contract', owner_id FROM contracts
          UNION ALL SELECT 'followup', owner_id FROM follow_ups ORDER BY 1, 2`.execute(q(t.ctx.db))
      ).rows;
    const before = await owners();
    const done = await t.call('hygiene:handover', { fromOwnerId: li.id, toOwnerId: han.id });
    expect(done).toMatchObject({ customers: 1, contracts: 2, followUps: 1 });
    expect((await owners()).every((r) => r.owner_id === han.id)).toBe(true);
    await t.call('hygiene:undoHandover', { undoToken: done.undoToken });
    expect(await owners()).toEqual(before);
    expect((await t.envelope('hygiene:handover', { fromOwnerId: li.id, toOwnerId: li.id })).error).toMatchObject({ code: 'VALIDATION', field: 'toOwnerId' });
  });
});
