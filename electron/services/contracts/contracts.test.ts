import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

let t: TestContext;
let customerId: string;
beforeEach(async () => {
  t = await openTestContext();
  customerId = (await t.call('customers:create', { name: '杭州云启科技有限公司' })).id;
});
afterEach(async () => {
  await t.close();
});

describe('contracts validation names the field of each rejection', () => {
  it.each([
    [{ number: 'A', startsOn: '2026-05-01', endsOn: '2026-04-30' }, 'VALIDATION', 'endsOn'],
    [{ number: 'A', signedOn: '2026-05-01', endsOn: '2026-04-30' }, 'VALIDATION', 'endsOn'],
    [{ number: 'A', endsOn: '2026-02-30' }, 'VALIDATION', 'endsOn'],
    [{ number: 'A', endsOn: '2027-01-01', amountFen: -1 }, 'VALIDATION', 'amountFen'],
    [{ number: 'A', cycle: 'year' }, 'VALIDATION', 'endsOn'],
    [{ number: '  ', endsOn: '2027-01-01' }, 'VALIDATION', 'number'],
    [{ number: 'A', endsOn: '2027-01-01', cycle: 'weekly' }, 'VALIDATION', 'cycle'],
    [{ number: 'A', cycle: null }, 'VALIDATION', 'endsOn'],
  ])('%o → %s on %s', async (input, code, field) => {
    const result = await t.envelope('contracts:create', { customerId, ...input });
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ code, field });
    expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await t.call('contracts:list', { customerId })).total).toBe(0);
  });

  it('allows a once-only contract without an end date, and refuses a duplicate number', async () => {
    await t.call('contracts:create', { customerId, number: 'ONCE-1', cycle: 'once', amountFen: 128000 });
    const dup = await t.envelope('contracts:create', { customerId, number: 'ONCE-1', cycle: 'once' });
    expect(dup.error).toMatchObject({ code: 'DUPLICATE', field: 'number' });
    const list = await t.call('contracts:list', { customerId });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ number: 'ONCE-1', endsOn: null, amountFen: 128000, currency: 'CNY', status: 'active' });
  });

  it('keeps an unknown 续费周期 as null: created so, cleared by null, kept when the update leaves it out', async () => {
    const unknown = await t.call('contracts:create', { customerId, number: 'N-1', endsOn: '2027-03-31', cycle: null });
    expect(unknown.cycle).toBeNull();
    const typed = await t.call('contracts:create', { customerId, number: 'N-2', endsOn: '2027-03-31' });
    expect(typed.cycle).toBe('year'); // a contract typed by hand still starts as 年
    const edited = await t.call('contracts:update', { id: unknown.id, amountFen: 5_000_00 });
    expect(edited).toMatchObject({ cycle: null, amountFen: 5_000_00 });
    const cleared = await t.call('contracts:update', { id: typed.id, cycle: null });
    expect(cleared.cycle).toBeNull();
    expect((await t.call('contracts:update', { id: typed.id, cycle: 'quarter' })).cycle).toBe('quarter');
    // An open-ended contract must be 一次性; an unknown cycle does not qualify.
    const once = await t.call('contracts:create', { customerId, number: 'N-3', cycle: 'once' });
    const unknownOpen = await t.envelope('contracts:update', { id: once.id, cycle: null });
    expect(unknownOpen.error).toMatchObject({ code: 'VALIDATION', field: 'endsOn' });
    expect((await t.call('contracts:get', { id: once.id })).cycle).toBe('once');
  });

  it('validates an update against the stored values it does not change', async () => {
    const k = await t.call('contracts:create', { customerId, number: 'B', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const bad = await t.envelope('contracts:update', { id: k.id, endsOn: '2025-12-31' });
    expect(bad.error).toMatchObject({ code: 'VALIDATION', field: 'endsOn' });
    const clear = await t.envelope('contracts:update', { id: k.id, endsOn: null });
    expect(clear.error).toMatchObject({ field: 'endsOn' });
    expect((await t.call('contracts:get', { id: k.id })).endsOn).toBe('2026-12-31');
  });

  it('assigns an owner and keeps renewal_of links', async () => {
    const owner = await t.call('owners:create', { name: '李娜' });
    const first = await t.call('contracts:create', { customerId, number: 'T1', endsOn: '2026-12-31', ownerId: owner.id });
    const second = await t.call('contracts:create', { customerId, number: 'T2', startsOn: '2027-01-01', endsOn: '2027-12-31', renewalOf: first.id });
    expect(first.ownerName).toBe('李娜');
    expect(second.renewalOf).toBe(first.id);
    const missingOwner = await t.envelope('contracts:create', { customerId, number: 'T3', endsOn: '2027-01-01', ownerId: 'nope' });
    expect(missingOwner.error).toMatchObject({ code: 'NOT_FOUND', field: 'ownerId' });
  });
});
