import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { q } from '../../../db/handle.ts';
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

const contract = (number: string, endsOn: string, cycle: string | null = 'year') =>
  t.call('contracts:create', { customerId, number, endsOn, cycle, amountFen: 100_000 });

describe('renewal defaults stay within the supported dates (to 2199-12-31)', () => {
  it('refuses a contract ending 9999-12-31 on its end date field, instead of an internal error', async () => {
    const r = await t.envelope('contracts:create', { customerId, number: 'X-1', endsOn: '9999-12-31', cycle: 'year' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'endsOn', key: 'inputLimits.dateRange' } });
    expect(r.error.message).toBe('日期须在 1900-01-01 至 2199-12-31 之间');
  });

  it('suggests a next term ending on the last supported day', async () => {
    const c = await contract('Y-1', '2198-12-31');
    expect(await t.call('renewals:renewDefaults', { contractId: c.id })).toMatchObject({ startsOn: '2199-01-01', endsOn: '2199-12-31' });
  });

  it('says the next term would fall outside the range instead of suggesting 2200-01-01', async () => {
    // The last supported day is a valid end date, and its reminders (some after it) are computed without error.
    const last = await contract('Z-1', '2199-12-31');
    const r = await t.envelope('renewals:renewDefaults', { contractId: last.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'contractId', key: 'inputLimits.nextTermCannotStart' } });
    expect(r.error.message).toContain('2199-12-31');
    const late = await contract('Z-2', '2199-06-30');
    expect(await t.envelope('renewals:renewDefaults', { contractId: late.id })).toMatchObject({
      ok: false,
      error: { field: 'contractId', key: 'inputLimits.nextTermPastRange', params: { min: '1900-01-01', max: '2199-12-31' } },
    });
    // The user may still renew it with dates inside the range; dates past it are refused on their field.
    expect(await t.envelope('renewals:renew', { contractId: late.id, number: 'Z-2-R1', startsOn: '2199-07-01', endsOn: '2200-06-30' })).toMatchObject({
      ok: false,
      error: { field: 'endsOn', key: 'inputLimits.dateRange' },
    });
    expect(await t.call('renewals:renew', { contractId: late.id, number: 'Z-2-R1', startsOn: '2199-07-01', endsOn: '2199-12-31' })).toMatchObject({ number: 'Z-2-R1' });
  });

  it('answers for a contract stored with 9999-12-31 before dates were limited, rather than suggesting 10000-01-01', async () => {
    const c = await contract('OLD-1', '2030-12-31');
    await q(t.ctx.db).updateTable('contracts').set({ ends_on: '9999-12-31' }).where('id', '=', c.id).execute();
    expect(await t.envelope('renewals:renewDefaults', { contractId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', key: 'inputLimits.nextTermCannotStart', params: { endsOn: '9999-12-31' } },
    });
  });
});
