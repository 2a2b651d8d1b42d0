import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { sql } from 'kysely';
import { q } from '../../../db/handle.ts';
import { isLinkVetoed } from '../../../db/repositories/renewalLinkVetoesRepo.ts';

// A contract entered by hand: the app offers the link the chain rule would make and applies it only on 关联.

let t: TestContext;
let customerId: string;
beforeEach(async () => {
  t = await openTestContext('2026-12-01T02:00:00.000Z');
  customerId = (await t.call('customers:create', { name: '杭州云启科技有限公司', tier: 'normal' })).id;
});
afterEach(async () => {
  await t.close();
});

const contract = (number: string, startsOn: string, endsOn: string, more: Record<string, unknown> = {}) =>
  t.call('contracts:create', { customerId, number, startsOn, endsOn, cycle: 'year', service: '云主机', ...more }).then((k: any) => k.id as string);
const suggestion = async (contractId: string) => (await t.call('renewals:linkSuggestion', { contractId })).suggestion;
/** The earlier term's reminder steps still to fire. */
const pendingReminders = (contractId: string) =>
  q(t.ctx.db)
    .selectFrom('reminders')
    .select('step')
    .where('kind', '=', 'expiry')
    .where('subject_id', '=', contractId)
    .where('outcome', 'is', null)
    .where('fired_at', 'is', null)
    .orderBy('step')
    .execute();

describe('renewals:linkSuggestion', () => {
  it('offers the earlier term of the same customer and service, with what the user needs to decide', async () => {
    const a = await contract('HT-2026', '2026-01-01', '2026-12-31', { amountFen: 1_200_000 });
    await contract('HT-OTHER', '2026-01-01', '2026-12-31', { service: '短信包' });
    const b = await contract('HT-2027', '2027-01-01', '2027-12-31', { amountFen: 1_500_000 });
    expect(await suggestion(b)).toEqual({
      earlierId: a,
      laterId: b,
      number: 'HT-2026',
      service: '云主机',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      amountFen: 1_200_000,
      currency: 'CNY',
    });
    // Nothing is linked by asking.
    expect((await t.call('contracts:get', { id: b })).renewalOf).toBeNull();
    expect(await t.call('contracts:get', { id: a })).toMatchObject({ status: 'active', stage: null });
    // The earlier term is not the renewal of the later one.
    expect(await suggestion(a)).toBeNull();
  });

  it('offers nothing for another service, a gap over 92 days, a lost or terminated earlier term, or a linked one', async () => {
    const a = await contract('A', '2025-01-01', '2025-12-31');
    expect(await suggestion(await contract('GAP', '2026-04-03', '2027-04-02'))).toBeNull();
    expect(await suggestion(await contract('SVC', '2026-01-01', '2026-12-31', { service: '短信包' }))).toBeNull();
    await t.call('renewals:setStage', { contractId: a, stage: 'lost', lostReason: '价格' });
    expect(await suggestion(await contract('WINBACK', '2026-01-15', '2027-01-14'))).toBeNull();
    const c = await contract('C', '2026-02-01', '2027-01-31', { service: '备份' });
    await t.call('contracts:update', { id: c, status: 'terminated' });
    expect(await suggestion(await contract('D', '2027-02-01', '2028-01-31', { service: '备份' }))).toBeNull();
    // A term that already renews an earlier one is offered nothing more.
    const e = await contract('E', '2026-01-01', '2026-12-31', { service: 'CDN' });
    const renewed = await t.call('renewals:renew', { contractId: e, number: 'E2', startsOn: '2027-01-01', endsOn: '2027-12-31' });
    expect(await suggestion(renewed.newContractId)).toBeNull();
    // …and an earlier term with a successor is offered to no one else: the next one renews the latest term.
    expect((await suggestion(await contract('E3', '2027-12-20', '2028-12-19', { service: 'CDN' })))?.number).toBe('E2');
  });

  it('offers nothing for a pair marked 不是续约, and a re-dated contract may be offered a link', async () => {
    const a = await contract('A', '2026-01-01', '2026-12-31');
    const b = await contract('B', '2027-01-01', '2027-12-31');
    await t.call('renewals:vetoLink', { earlierId: a, laterId: b });
    expect(await suggestion(b)).toBeNull();
    const c = await contract('C', '2029-01-01', '2029-12-31');
    expect(await suggestion(c)).toBeNull();
    const k = await t.call('contracts:get', { id: c });
    await t.call('contracts:update', { id: c, version: k.version, startsOn: '2028-01-01', endsOn: '2028-12-31' });
    expect((await suggestion(c))?.earlierId).toBe(b);
  });
});

describe('renewals:link', () => {
  it('links as an import does: 已续约, renewed on the later start with its amount, reminders stop; 取消关联 undoes it', async () => {
    const a = await contract('A', '2026-01-01', '2026-12-31', { amountFen: 1_000_000 });
    expect((await pendingReminders(a)).length).toBeGreaterThan(0);
    const b = await contract('B', '2027-01-01', '2027-12-31', { amountFen: 1_300_000 });
    expect(await t.call('renewals:link', { earlierId: a, laterId: b })).toEqual({ earlierId: a, laterId: b });
    expect((await t.call('contracts:get', { id: b })).renewalOf).toBe(a);
    expect(await t.call('contracts:get', { id: a })).toMatchObject({ status: 'renewed', stage: 'renewed' });
    const record = await q(t.ctx.db)
      .selectFrom('renewals')
      .select(['stage', 'outcome_on', 'outcome_amount_fen', 'new_contract_id'])
      .where('contract_id', '=', a)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    expect(record).toEqual({ stage: 'renewed', outcome_on: '2027-01-01', outcome_amount_fen: 1_300_000, new_contract_id: b });
    expect(await pendingReminders(a)).toEqual([]);
    expect((await t.call('renewals:chain', { contractId: b })).terms.map((k: any) => k.number)).toEqual(['A', 'B']);
    expect(await suggestion(b)).toBeNull();
    // The app's way back is 取消关联: the earlier term is undecided again and its reminders return.
    await t.call('renewals:unlink', { contractId: b });
    expect(await t.call('contracts:get', { id: a })).toMatchObject({ status: 'active', stage: null });
    expect((await pendingReminders(a)).length).toBeGreaterThan(0);
  });

  it('keeps a renewal date and amount the record already has', async () => {
    const a = await contract('A', '2025-12-01', '2026-11-30', { signedOn: '2025-11-20' });
    await sql`INSERT INTO renewals (id, contract_id, stage, outcome_on, outcome_amount_fen, created_at, updated_at, version)
      VALUES ('r1', ${a}, 'negotiating', '2026-11-25', 990000, '2026-11-25', '2026-11-25', 1)`.execute(q(t.ctx.db));
    const b = await contract('B', '2026-12-05', '2027-12-04', { amountFen: 1_300_000 });
    await t.call('renewals:link', { earlierId: a, laterId: b });
    expect(await q(t.ctx.db).selectFrom('renewals').select(['stage', 'outcome_on', 'outcome_amount_fen']).where('contract_id', '=', a).execute()).toEqual([{
      stage: 'renewed',
      outcome_on: '2026-11-25',
      outcome_amount_fen: 990000,
      },
    ]);
  });

  it('refuses a pair the rule or the user rules out, with a clear message, and changes nothing', async () => {
    const a = await contract('A', '2026-01-01', '2026-12-31');
    const gap = await contract('GAP', '2027-06-01', '2028-05-31');
    const refused = await t.envelope('renewals:link', { earlierId: a, laterId: gap });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'earlierId' } });
    expect(JSON.stringify(refused.error)).toContain('errors.linkNotRenewal');
    // Backwards, vetoed, another customer's term.
    const b = await contract('B', '2027-01-01', '2027-12-31');
    expect((await t.envelope('renewals:link', { earlierId: b, laterId: a })).ok).toBe(false);
    await t.call('renewals:vetoLink', { earlierId: a, laterId: b });
    expect(await isLinkVetoed(t.ctx.db, { earlierId: a, laterId: b })).toBe(true);
    expect(JSON.stringify((await t.envelope('renewals:link', { earlierId: a, laterId: b })).error)).toContain('errors.linkVetoed');
    const other = (await t.call('customers:create', { name: '另一家公司', tier: 'normal' })).id;
    const x = await t.call('contracts:create', { customerId: other, number: 'X', startsOn: '2027-01-01', endsOn: '2027-12-31', service: '云主机' });
    expect(JSON.stringify((await t.envelope('renewals:link', { earlierId: a, laterId: x.id })).error)).toContain('errors.linkOtherCustomer');
    expect(await t.call('contracts:get', { id: a })).toMatchObject({ status: 'active', stage: null });
  });
});
