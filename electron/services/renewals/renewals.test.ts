import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

let t: TestContext;
let customerId: string;
beforeEach(async () => {
  t = await openTestContext('2027-01-20T02:00:00.000Z');
  customerId = (await t.call('customers:create', { name: '杭州云启科技有限公司', tier: 'vip' })).id;
});
afterEach(async () => {
  await t.close();
});

async function renewWithDefaults(contractId: string) {
  const d = await t.call('renewals:renewDefaults', { contractId });
  return { defaults: d, result: await t.call('renewals:renew', { contractId, number: d.number, startsOn: d.startsOn, endsOn: d.endsOn }) };
}

describe('renew (续约)', () => {
  it('Jan 31 monthly renews to Feb 28 and then Mar 31, linked by renewal_of', async () => {
    const first = await t.call('contracts:create', { customerId, number: 'M-1', startsOn: '2027-01-01', endsOn: '2027-01-31', cycle: 'month', amountFen: 99_900 });
    const one = await renewWithDefaults(first.id);
    expect(one.defaults).toMatchObject({ number: 'M-1-R1', startsOn: '2027-02-01', endsOn: '2027-02-28', amountFen: 99_900, anchorEndsOn: '2027-01-31' });
    const two = await renewWithDefaults(one.result.newContractId);
    expect(two.defaults).toMatchObject({ number: 'M-1-R2', startsOn: '2027-03-01', endsOn: '2027-03-31' });
    const second = await t.call('contracts:get', { id: one.result.newContractId });
    expect(second).toMatchObject({ renewalOf: first.id, status: 'renewed', endsOn: '2027-02-28', cycle: 'month' });
    expect((await t.call('contracts:get', { id: first.id })).status).toBe('renewed');
    const chain = await t.call('renewals:chain', { contractId: two.result.newContractId });
    expect(chain.terms.map((k: any) => k.endsOn)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
    expect(chain.issues).toEqual([]);
  });

  it('never invents a cycle: an unknown one leaves the end date to the user, or takes the cycle the user picks', async () => {
    const first = await t.call('contracts:create', { customerId, number: 'U-1', startsOn: '2026-02-01', endsOn: '2027-01-31', cycle: null, amountFen: 50_000 });
    const d = await t.call('renewals:renewDefaults', { contractId: first.id });
    expect(d).toMatchObject({ number: 'U-1-R1', startsOn: '2027-02-01', endsOn: null, cycle: null, amountFen: 50_000 });
    expect(await t.call('renewals:renewDefaults', { contractId: first.id, cycle: 'quarter' })).toMatchObject({ endsOn: '2027-04-30', cycle: 'quarter' });
    const listed = await t.call('renewals:list', { window: '30' });
    expect(listed.items.find((i: any) => i.contractNo === 'U-1')).toMatchObject({ cycle: null, endsOn: '2027-01-31' });
    // The list filters by an unknown cycle as by any other.
    const yearly = await t.call('contracts:create', { customerId, number: 'Y-1', startsOn: '2026-02-01', endsOn: '2027-01-20', cycle: 'year' });
    const numbers = async (cycle: string) => (await t.call('renewals:list', { window: '90', cycle })).items.map((i: any) => i.contractNo);
    expect(await numbers('unset')).toEqual(['U-1']);
    expect(await numbers('year')).toEqual(['Y-1']);
    await t.call('contracts:delete', { id: yearly.id });

    const kept = await t.call('renewals:renew', { contractId: first.id, number: d.number, startsOn: d.startsOn, endsOn: '2027-07-31' });
    expect(await t.call('contracts:get', { id: kept.newContractId })).toMatchObject({ cycle: null, endsOn: '2027-07-31', renewalOf: first.id });
    const chain = await t.call('renewals:chain', { contractId: kept.newContractId });
    expect(chain.terms.map((k: any) => k.cycle)).toEqual([null, null]);

    const chosen = await t.call('renewals:renew', { contractId: kept.newContractId, number: 'U-1-R2', startsOn: '2027-08-01', endsOn: '2028-07-31', cycle: 'year' });
    expect((await t.call('contracts:get', { id: chosen.newContractId })).cycle).toBe('year');
    expect((await t.call('contracts:get', { id: kept.newContractId })).cycle).toBeNull();
  });

  it('gives Feb 29 in a leap year', async () => {
    const first = await t.call('contracts:create', { customerId, number: 'L-1', startsOn: '2028-01-01', endsOn: '2028-01-31', cycle: 'month' });
    const one = await renewWithDefaults(first.id);
    expect(one.defaults.endsOn).toBe('2028-02-29');
    expect((await renewWithDefaults(one.result.newContractId)).defaults.endsOn).toBe('2028-03-31');
  });

  it('records amount, discount and instalments, closes the renewal as 已续费 and refuses a second renewal', async () => {
    const k = await t.call('contracts:create', { customerId, number: 'Y-1', startsOn: '2026-02-01', endsOn: '2027-01-31', amountFen: 1_000_000 });
    const r = await t.call('renewals:renew', {
      contractId: k.id,
      number: 'Y-2',
      startsOn: '2027-02-01',
      endsOn: '2028-01-31',
      amountFen: 900_000,
      discountNote: '老客户 9 折',
      instalmentNote: '两期付款：签约 50%，半年后 50%',
      outcomeOn: '2027-01-18',
    });
    const next = await t.call('contracts:get', { id: r.newContractId });
    expect(next).toMatchObject({ amountFen: 900_000, notes: '优惠：老客户 9 折\n分期：两期付款：签约 50%，半年后 50%' });
    const listed = await t.call('renewals:list', { window: 'custom', from: '2027-01-01', to: '2027-02-01', stage: 'renewed' });
    expect(listed.items).toHaveLength(0); // the renewed term is no longer active, so it leaves the pipeline
    const again = await t.envelope('renewals:renew', { contractId: k.id, number: 'Y-3', startsOn: '2027-02-01', endsOn: '2028-01-31' });
    expect(again.error).toMatchObject({ code: 'VALIDATION', field: 'contractId' });
    const dup = await t.envelope('renewals:renew', { contractId: r.newContractId, number: 'Y-1', startsOn: '2028-02-01', endsOn: '2029-01-31' });
    expect(dup.error).toMatchObject({ code: 'DUPLICATE', field: 'number' });
  });

  it('flags gaps and overlaps in a chain', async () => {
    const a = await t.call('contracts:create', { customerId, number: 'G-1', startsOn: '2025-01-01', endsOn: '2025-12-31' });
    const b = await t.call('contracts:create', { customerId, number: 'G-2', startsOn: '2026-02-01', endsOn: '2026-12-31', renewalOf: a.id });
    await t.call('contracts:create', { customerId, number: 'G-3', startsOn: '2026-12-01', endsOn: '2027-12-31', renewalOf: b.id });
    const chain = await t.call('renewals:chain', { contractId: a.id });
    expect(chain.terms.map((k: any) => k.number)).toEqual(['G-1', 'G-2', 'G-3']);
    expect(chain.issues.map((i: any) => [i.kind, i.days])).toEqual([
      ['gap', 31],
      ['overlap', 31],
    ]);
  });
});

describe('the renewal pipeline', () => {
  it('lists by window with totals, filters, stages, sheet status and lost reasons', async () => {
    const owner = await t.call('owners:create', { name: '李娜' });
    const normal = (await t.call('customers:create', { name: '宁波恒达贸易有限公司', tier: 'normal', ownerId: owner.id })).id;
    await t.call('contracts:create', { customerId, number: 'O-1', endsOn: '2027-01-10', amountFen: 500_00 });
    await t.call('contracts:create', { customerId, number: 'W-7', endsOn: '2027-01-25', amountFen: 1_000_00 });
    await t.call('contracts:create', { customerId: normal, number: 'W-30', endsOn: '2027-02-15', amountFen: 2_000_00, cycle: 'quarter' });
    const lost = await t.call('contracts:create', { customerId: normal, number: 'W-90', endsOn: '2027-04-01', amountFen: 4_000_00 });

    expect((await t.call('renewals:list', { window: 'overdue' })).items.map((i: any) => [i.contractNo, i.daysLeft])).toEqual([['O-1', -10]]);
    const in30 = await t.call('renewals:list', { window: '30' });
    expect(in30).toMatchObject({ total: 2, totalAmountFen: 3_000_00, from: '2027-01-20', to: '2027-02-19' });
    expect(in30.items[0]).toMatchObject({ contractNo: 'W-7', stage: 'pending', sheetStatus: '未续费', tier: 'vip' });
    expect((await t.call('renewals:list', { window: '90', ownerId: owner.id })).items.map((i: any) => i.contractNo)).toEqual(['W-30', 'W-90']);
    expect((await t.call('renewals:list', { window: '90', tier: 'normal', cycle: 'quarter' })).total).toBe(1);

    await t.call('renewals:setStage', { contractId: lost.id, stage: 'negotiating' });
    expect((await t.call('renewals:list', { window: '90', stage: 'negotiating' })).items[0]).toMatchObject({ contractNo: 'W-90', sheetStatus: '续费中' });
    const noReason = await t.envelope('renewals:setStage', { contractId: lost.id, stage: 'lost' });
    expect(noReason.error).toMatchObject({ code: 'VALIDATION', field: 'lostReason' });
    await t.call('renewals:setStage', { contractId: lost.id, stage: 'lost', lostReason: '竞品', lostNote: '换了本地服务商' });
    expect((await t.call('renewals:list', { window: '90' })).items.map((i: any) => i.contractNo)).not.toContain('W-90');
    expect((await t.call('renewals:list', { window: '90', stage: 'lost' })).items[0]).toMatchObject({ lostReason: '竞品', lostNote: '换了本地服务商', sheetStatus: '未续费' });

    expect((await t.call('renewals:lostReasons')).items).toEqual(['价格', '竞品', '需求变化', '服务不满', '其他']);
    expect((await t.call('renewals:setLostReasons', { items: ['价格', '预算削减', '价格'] })).items).toEqual(['价格', '预算削减']);
  });

  it('flags overdue terms with no decision and active terms with no end date', async () => {
    await t.call('contracts:create', { customerId, number: 'F-1', endsOn: '2027-01-05' });
    const decided = await t.call('contracts:create', { customerId, number: 'F-2', endsOn: '2027-01-06' });
    await t.call('renewals:setStage', { contractId: decided.id, stage: 'lost', lostReason: '价格' });
    await t.call('contracts:create', { customerId, number: 'F-3', cycle: 'once' });
    const flagged = await t.call('renewals:flagged');
    expect(flagged.overdue.map((f: any) => f.contractNo)).toEqual(['F-1']);
    expect(flagged.noEndDate.map((f: any) => f.contractNo)).toEqual(['F-3']);
  });
});

describe('default wording follows the archive language', () => {
  it('offers English lost reasons and reminder templates while the archive is in English, and keeps what the user wrote', async () => {
    const zhTemplates = (await t.call('reminders:getSettings')).templates;
    expect(zhTemplates.normal).toContain('{客户名称}');
    await t.call('settings:set', { locale: 'en-US' });
    expect((await t.call('renewals:lostReasons')).items).toEqual(['Price', 'Competitor', 'Needs changed', 'Unhappy with service', 'Other']);
    const en = (await t.call('reminders:getSettings')).templates;
    expect(en.normal).toBe('{customer}: contract {contractNo} ends on {endDate}, {daysLeft} days left. Owner: {owner}.');

    await t.call('reminders:setSettings', { templates: { ...en, vip: '{customer} 续约 {daysLeft}' } });
    await t.call('renewals:setLostReasons', { items: ['Budget'] });
    await t.call('settings:set', { locale: 'zh-CN' });
    const back = (await t.call('reminders:getSettings')).templates;
    expect(back.vip).toBe('{customer} 续约 {daysLeft}');
    expect(back.important).toBe(en.important);
    expect((await t.call('renewals:lostReasons')).items).toEqual(['Budget']);
  });
});
