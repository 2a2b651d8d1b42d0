import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { buildDemoCustomers } from './demoData.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

describe("system:demo's today", () => {
  it('refuses a date past 2199 on the today field, instead of an internal error', async () => {
    expect(await t.envelope('system:demo', { today: '9999-12-31' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'today', key: 'inputLimits.dateRange' },
    });
    expect(await t.call('customers:list', {})).toMatchObject({ total: 0 });
  });

  it('refuses a today whose demo dates would leave the range, naming the days it takes', async () => {
    const late = await t.envelope('system:demo', { today: '2199-12-01' });
    expect(late).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'today', key: 'inputLimits.demoTodayRange' } });
    const early = await t.envelope('system:demo', { today: '1900-01-05' });
    expect(early).toMatchObject({ ok: false, error: { field: 'today', key: 'inputLimits.demoTodayRange' } });
    expect(late.error.params).toEqual(early.error.params);
    const { min, max } = late.error.params as { min: string; max: string };
    expect(late.error.message).toContain(`${min} 至 ${max}`);
    expect(await t.call('customers:list', {})).toMatchObject({ total: 0 });

    // The days it names are exact: at either end the demo's dates reach the range's end and no further
    // (contract dates reach furthest; follow-ups stay within weeks of today).
    const dates = (today: string) =>
      buildDemoCustomers(today)
        .flatMap((d) => d.contracts.flatMap((c) => [c.signedOn, c.startsOn, c.endsOn]))
        .filter((d): d is string => d !== null)
        .sort();
    expect(dates(max).at(-1)).toBe('2199-12-31');
    expect(dates(min)[0]).toBe('1900-01-01');
  });
});

describe('the demo is not news', () => {
  it('leaves one summary notification and fires nothing that was due before it existed; a later step still fires', async () => {
    const today = '2026-11-23';
    await t.call('system:demo', { today });
    const first = await t.call('reminders:run', { now: '2026-11-23T02:05:00.000Z' });
    expect(first.fired).toEqual([]);
    const notes = await t.call('notifications:list', { limit: 50 });
    expect(notes.items.map((n: any) => n.kind)).toEqual(['summary']);
    expect(notes.items[0].subjectUrl).toBe('/renewals?tab=overdue');
    const overdue = (await t.call('renewals:flagged', { today })).overdue.length;
    expect(overdue).toBeGreaterThan(5);
    expect(notes.items[0].title).toContain(String(overdue));
    // Loading again adds nothing, not even a second summary.
    await t.call('system:demo', { today });
    expect((await t.call('notifications:list', { limit: 50 })).total).toBe(1);
    // Steps that fall due after the load fire as usual.
    const later = await t.call('reminders:run', { now: '2026-12-24T02:05:00.000Z' });
    expect(later.fired.length).toBeGreaterThan(0);
  });
});
