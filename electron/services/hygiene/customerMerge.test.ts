import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { q } from '../../../db/handle.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { importFile, writeFixture } from '../../../test-support/import/importTestKit.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});


/**
 * Every row a merge can touch, whole, in a stable order: both customers and everything that belongs to them,
 * the aliases, tag links, reminders, notifications, the search index and the report summary. updated_at is left
 * out of the audited tables only: an undo is itself a write and stamps its own instant (as every undo does).
 */
async function dump() {
  const all = async (text: string) => (await sql.raw<Record<string, unknown>>(text).execute(q(t.ctx.db))).rows;
  const stamped = (rows: Record<string, unknown>[]) => rows.map(({ updated_at: _ignored, ...rest }) => rest);
  return {
    customers: stamped(await all('SELECT * FROM customers ORDER BY id')),
    contacts: stamped(await all('SELECT * FROM contacts ORDER BY id')),
    contracts: stamped(await all('SELECT * FROM contracts ORDER BY id')),
    followUps: stamped(await all('SELECT * FROM follow_ups ORDER BY id')),
    renewals: stamped(await all('SELECT * FROM renewals ORDER BY id')),
    aliases: await all('SELECT * FROM customer_aliases WHERE deleted_at IS NULL ORDER BY id'),
    customerTags: await all('SELECT customer_id, tag_id FROM customer_tags ORDER BY customer_id, tag_id'),
    reminders: await all('SELECT * FROM reminders ORDER BY id'),
    notifications: await all('SELECT id, customer_id, customer_name FROM notifications ORDER BY id'),
    search: await all('SELECT * FROM customer_search ORDER BY customer_id'),
    bigrams: await all('SELECT * FROM customer_bigrams ORDER BY bigram, customer_id'),
    bigramDf: await all('SELECT * FROM search_bigram_df ORDER BY bigram'),
    reportTerms: await all('SELECT * FROM report_terms ORDER BY contract_id'),
    surveys: stamped(await all('SELECT * FROM surveys ORDER BY id')),
    surveyTasks: stamped(await all('SELECT * FROM survey_campaign_customers ORDER BY id')),
  };
}

async function twoDuplicates() {
  const into = await t.call('customers:create', {
    name: '杭州云启科技有限公司',
    tags: ['老客户'],
    primaryContact: { name: '欧阳娜娜', phone: '13800138000' },
  });
  const from = await t.call('customers:create', {
    name: '杭州云启科技',
    tags: ['老客户', '华东'],
    primaryContact: { name: '王强', phone: '13900139000', birthday: '1985-12-20' },
  });
  const kept = await t.call('contracts:create', { customerId: into.id, number: 'HT-A1', endsOn: '2027-03-31', amountFen: 12_000_000, cycle: 'year' });
  const moved = await t.call('contracts:create', { customerId: from.id, number: 'HT-B1', endsOn: '2026-12-31', amountFen: 3_600_000, cycle: 'year' });
  await t.call('contracts:create', { customerId: from.id, number: 'HT-B0', endsOn: '2026-11-01', amountFen: 3_000_000, cycle: 'year' });
  await t.call('renewals:setStage', { contractId: moved.id, stage: 'negotiating' });
  await t.call('followups:create', { customer: from.id, contractId: moved.id, summary: '电话沟通续约', nextFollowUpOn: '2026-12-01' });
  // A week on, steps have fired: fired reminders and their notifications move with the duplicate's records too.
  t.setNow('2026-12-02T02:00:00.000Z');
  await t.call('reminders:run', {});
  return { into, from, kept, moved };
}

describe('customers:merge', () => {
  it('moves every record to the survivor, keeps the old name as an alias search finds, and undo restores every row', async () => {
    const { into, from, moved } = await twoDuplicates();
    // A survey of the duplicate, and a campaign that asks both (one task each).
    const survey = await t.call('surveys:save', { customerId: from.id, onDate: '2026-12-01', channel: 'phone', scores: { 'dim-product-quality': 4 } });
    const campaign = await t.call('surveys:createCampaign', { name: '年终调查', onDate: '2026-12-10', selection: { by: 'tier', tiers: ['normal'] } });
    const before = await dump();
    expect(before.reminders.some((r) => r['customer_id'] === from.id && r['fired_at'] !== null)).toBe(true);

    const merged = await t.call('customers:merge', { from: from.id, into: into.id });
    expect(merged.moved).toEqual({ contacts: 1, contracts: 2, followUps: 1, tags: 1, reminders: expect.any(Number) });
    const after = await dump();
    const liveOf = (rows: Record<string, unknown>[], customerId: string) => rows.filter((r) => r['customer_id'] === customerId && r['deleted_at'] === null);
    expect(liveOf(after.contacts, from.id)).toEqual([]);
    expect(liveOf(after.contracts, from.id)).toEqual([]);
    expect(liveOf(after.followUps, from.id)).toEqual([]);
    expect(after.reminders.filter((r) => r['customer_id'] === from.id)).toEqual([]);
    expect(liveOf(after.contracts, into.id).map((r) => r['number']).sort()).toEqual(['HT-A1', 'HT-B0', 'HT-B1']);
    // The survivor keeps its own primary contact; the moved one joins as a plain contact.
    expect(liveOf(after.contacts, into.id).map((r) => [r['name'], r['is_primary']])).toEqual([['欧阳娜娜', 1], ['王强', 0]]);
    expect(after.customerTags.filter((r) => r['customer_id'] === into.id)).toHaveLength(2);
    expect(after.aliases.map((a) => [a['customer_id'], a['name']])).toEqual([[into.id, '杭州云启科技']]);
    expect(after.reportTerms.filter((r) => r['contract_id'] === moved.id)).toHaveLength(1);
    // The survey moved; the survivor keeps its own task in the campaign and the duplicate's went.
    expect(after.surveys.map((r) => [r['id'], r['customer_id']])).toEqual([[survey.survey.id, into.id]]);
    expect(liveOf(after.surveyTasks, from.id)).toEqual([]);
    expect(liveOf(after.surveyTasks, into.id).map((r) => r['campaign_id'])).toEqual([campaign.campaign.id]);

    const names = async (search: string) => (await t.call('customers:list', { search })).items.map((c: any) => c.name);
    // The alias is found by the survivor; the deleted duplicate is gone from the list.
    expect(await names('王强')).toEqual(['杭州云启科技有限公司']);
    expect((await t.call('customers:list', {})).total).toBe(1);
    expect((await t.call('hygiene:list', { kind: 'duplicateCustomer' })).total).toBe(0);

    await t.call('customers:undoMerge', { undoToken: merged.undoToken });
    expect(await dump()).toEqual(before);
    const again = await t.envelope('customers:undoMerge', { undoToken: merged.undoToken });
    expect(again.error).toMatchObject({ code: 'UNDO_CONFLICT' });
  });

  it('refuses the undo, naming the record, when a moved record was edited after the merge', async () => {
    const { into, from, moved } = await twoDuplicates();
    const merged = await t.call('customers:merge', { from: from.id, into: into.id });
    const current = await t.call('contracts:get', { id: moved.id });
    await t.call('contracts:update', { id: moved.id, version: current.version, notes: '合并后修改' });
    const refused = await t.envelope('customers:undoMerge', { undoToken: merged.undoToken });
    expect(refused.error).toMatchObject({ code: 'UNDO_CONFLICT' });
    expect(refused.error.message).toContain('HT-B1');
    expect((await t.call('customers:list', {})).total).toBe(1);
    expect((await t.envelope('customers:merge', { from: into.id, into: into.id })).error).toMatchObject({ code: 'VALIDATION', field: 'into' });
  });
});

describe('an import after a merge', () => {
  it('updates the survivor for rows naming the merged customer, reported as a matched alias', async () => {
    const { into, from } = await twoDuplicates();
    await t.call('customers:merge', { from: from.id, into: into.id });
    const sheet = [
      '客户名称,联系人,电话,合同编号,到期日期,合同金额,续费周期',
      '杭州云启科技,王强,13900139000,HT-B1,2026-12-31,36000,年',
      '杭州云启科技,王强,13900139000,HT-B9,2027-12-31,40000,年',
    ].join('\n');
    const report = await importFile(t, writeFixture(t, sheet));
    expect(report).toMatchObject({ customersCreated: 0, contractsCreated: 1 });
    expect(report.warnings.map((w: any) => w.message)).toContain('匹配别名：“杭州云启科技”已合并到“杭州云启科技有限公司”，本行更新了“杭州云启科技有限公司”');
    const customers = (await t.call('customers:list', {})).items;
    expect(customers.map((c: any) => c.name)).toEqual(['杭州云启科技有限公司']);
    const contracts = await q(t.ctx.db).selectFrom('contracts').select('number').where('customer_id', '=', into.id).where('deleted_at', 'is', null).orderBy('number').execute();
    expect(contracts).toEqual([{ number: 'HT-A1' }, { number: 'HT-B0' }, { number: 'HT-B1' }, { number: 'HT-B9' }]);
    // The old sheet's 联系人 is the moved contact's, not written over the survivor's primary contact.
    const primary = await q(t.ctx.db).selectFrom('contacts').select('name').where('customer_id', '=', into.id).where('is_primary', '=', 1).where('deleted_at', 'is', null).execute();
    expect(primary).toEqual([{ name: '欧阳娜娜' }]);
  });
});

describe('hygiene:list', () => {
  it('lists duplicates by name and by phone, missing phones, dates and amounts, and overdue terms without a decision', async () => {
    const a = await t.call('customers:create', { name: '杭州云启科技有限公司', primaryContact: { name: '甲', phone: '0571-8888-1234' } });
    const b = await t.call('customers:create', { name: '杭州云启科技' });
    const c = await t.call('customers:create', { name: '宁波海湾贸易', primaryContact: { name: '乙', phone: '057188881234' } });
    await t.call('customers:create', { name: '公司' });
    await t.call('contracts:create', { customerId: a.id, number: 'N-1', endsOn: null, cycle: 'once', amountFen: 100 });
    await t.call('contracts:create', { customerId: a.id, number: 'N-2', endsOn: '2026-10-01', cycle: 'year' });
    await t.call('contracts:create', { customerId: c.id, number: 'N-3', endsOn: null, cycle: 'once', amountFen: 100, status: 'terminated' });
    const list = await t.call('hygiene:list', {});
    const of = (kind: string) => list.items.filter((i: any) => i.kind === kind);
    expect(of('duplicateCustomer').map((i: any) => [i.customerId, i.otherCustomerId])).toEqual([
      [a.id, b.id],
      [a.id, c.id],
    ]);
    expect(of('duplicateCustomer')[0].message).toBe('“杭州云启科技”与“杭州云启科技有限公司”去掉后缀后同名（杭州云启）');
    expect(of('customerWithoutPhone').map((i: any) => i.customerName).sort()).toEqual(['公司', '杭州云启科技'].sort());
    expect(of('contractWithoutEndDate').map((i: any) => i.contractNumber)).toEqual(['N-1']);
    expect(of('contractWithoutAmount').map((i: any) => i.contractNumber)).toEqual(['N-2']);
    expect(of('overdueWithoutDecision').map((i: any) => i.contractNumber)).toEqual(['N-2']);
    expect(list.total).toBe(list.items.length);
    expect(list.counts).toEqual({ duplicateCustomer: 2, customerWithoutPhone: 2, contractWithoutEndDate: 1, contractWithoutAmount: 1, overdueWithoutDecision: 1 });
  });
});
