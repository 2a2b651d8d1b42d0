import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { isLinkVetoed, linkVetoesFor } from '../../../db/repositories/renewalLinkVetoesRepo.ts';

let t: TestContext;
let customerId: string;
beforeEach(async () => {
  t = await openTestContext('2027-01-20T02:00:00.000Z');
  customerId = (await t.call('customers:create', { name: '杭州云启科技有限公司', tier: 'normal' })).id;
});
afterEach(async () => {
  await t.close();
});

async function renewedPair() {
  const a = await t.call('contracts:create', { customerId, number: 'A', startsOn: '2026-01-01', endsOn: '2026-12-31', cycle: 'year' });
  const r = await t.call('renewals:renew', { contractId: a.id, number: 'B', startsOn: '2027-01-01', endsOn: '2027-12-31' });
  return { a: a.id as string, b: r.newContractId as string };
}

describe('取消关联 and 不是续约', () => {
  it('unlinking makes the earlier term undecided again, clears the link, and vetoes the pair', async () => {
    const { a, b } = await renewedPair();
    expect(await t.call('contracts:get', { id: a })).toMatchObject({ status: 'renewed', stage: 'renewed' });
    const out = await t.call('renewals:unlink', { contractId: b });
    expect(out).toEqual({ contractId: b, earlierId: a });
    expect(await t.call('contracts:get', { id: a })).toMatchObject({ status: 'active', stage: null });
    expect((await t.call('contracts:get', { id: b })).renewalOf).toBeNull();
    expect(await isLinkVetoed(t.ctx.db, { earlierId: a, laterId: b })).toBe(true);
    expect(await linkVetoesFor(t.ctx.db, [b])).toEqual([{ earlierId: a, laterId: b }]);
    // A is overdue and undecided again, so it is back in the 已逾期 tab.
    expect((await t.call('renewals:list', { window: 'overdue' })).items.map((i: any) => i.contractNo)).toEqual(['A']);
    expect((await t.call('renewals:chain', { contractId: b })).terms.map((k: any) => k.number)).toEqual(['B']);
    // Nothing is left to unlink.
    expect(await t.envelope('renewals:unlink', { contractId: b })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('不是续约 unlinks as 取消关联 does, and a pair is vetoed once however often it is refused', async () => {
    const { a, b } = await renewedPair();
    await t.call('renewals:unlink', { contractId: b, reason: 'notRenewal' });
    await t.call('renewals:vetoLink', { earlierId: a, laterId: b });
    expect(await linkVetoesFor(t.ctx.db, [a, b])).toHaveLength(1);
  });

  it('vetoLink on a pair that is not linked only records the veto', async () => {
    const a = await t.call('contracts:create', { customerId, number: 'A', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const c = await t.call('contracts:create', { customerId, number: 'C', startsOn: '2027-01-01', endsOn: '2027-12-31' });
    await t.call('renewals:vetoLink', { earlierId: a.id, laterId: c.id });
    expect(await isLinkVetoed(t.ctx.db, { earlierId: a.id, laterId: c.id })).toBe(true);
    expect(await isLinkVetoed(t.ctx.db, { earlierId: c.id, laterId: a.id })).toBe(false);
    expect((await t.call('contracts:get', { id: a.id })).status).toBe('active');
    expect((await t.envelope('renewals:vetoLink', { earlierId: a.id, laterId: a.id })).ok).toBe(false);
  });
});

describe('renewal events for the follow-up timeline', () => {
  it('lists stage changes, losses and renewals newest first, and leaves out a bulk action since undone', async () => {
    const { a } = await renewedPair();
    const k = await t.call('contracts:create', { customerId, number: 'K', startsOn: '2026-02-01', endsOn: '2027-01-31' });
    t.setNow('2027-01-21T02:00:00.000Z');
    await t.call('renewals:setStage', { contractId: k.id, stage: 'contacted' });
    t.setNow('2027-01-22T02:00:00.000Z');
    await t.call('renewals:setStage', { contractId: k.id, stage: 'lost', lostReason: '价格', lostNote: '改用本地服务商' });
    t.setNow('2027-01-23T02:00:00.000Z');
    const bulk = await t.call('renewals:bulk', { action: 'stage', stage: 'negotiating', contractIds: [k.id] });
    await t.call('renewals:undoBulk', { undoToken: bulk.undoToken });
    const events = (await t.call('renewals:events', { customerId })).items;
    expect(events.map((e: any) => [e.contractNo, e.fromStage, e.toStage, e.lostReason, e.lostNote])).toEqual([
      ['K', 'contacted', 'lost', '价格', '改用本地服务商'],
      ['K', null, 'contacted', null, null],
      ['A', null, 'renewed', null, null],
    ]);
    expect(events[2].contractId).toBe(a);
  });
});
