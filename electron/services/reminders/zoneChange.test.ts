import { afterAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../../test-support/openTestContext.ts';

// This file runs in its own worker process, so it may move the process's zone the way a travelling laptop does.
const savedTz = process.env['TZ'];
afterAll(() => {
  process.env['TZ'] = savedTz;
});

describe('a change of the machine’s time zone', () => {
  it('re-derives every pending due instant so 09:00 stays 09:00 where the user now is; snoozes keep their instant', async () => {
    process.env['TZ'] = 'Asia/Shanghai';
    const t = await openTestContext('2026-11-23T02:00:00.000Z');
    try {
      const customerId = (await t.call('customers:create', { name: '杭州云启科技有限公司', tier: 'normal' })).id;
      await t.call('contracts:create', { customerId, number: 'Z-1', endsOn: '2026-12-31' });
      await t.call('contracts:create', { customerId, number: 'Z-2', endsOn: '2026-12-08' });
      // Z-2's 30-day step (8 November) is already past when the contract is entered: it fires at once.
      expect((await t.call('reminders:run', { now: '2026-11-23T08:59:59+08:00' })).fired).toMatchObject([{ contractNo: 'Z-2', step: 30 }]);
      const before = await t.call('reminders:preview', { contractNo: 'Z-1' });
      expect(before.steps[0]).toMatchObject({ localDate: '2026-12-01', dueAt: '2026-12-01T01:00:00.000Z' });

      // Z-2's 15-day step fires in Shanghai, then gets snoozed to an exact instant.
      const fired = await t.call('reminders:run', { now: '2026-11-23T09:00:00+08:00' });
      expect(fired.fired).toMatchObject([{ contractNo: 'Z-2', step: 15 }]);
      const item = (await t.call('notifications:list')).items.find((n: any) => n.step === 15);
      t.setNow('2026-11-23T01:30:00.000Z');
      await t.call('reminders:snooze', { reminderId: item.reminderId, until: '2026-11-24T06:00:00.000Z' });

      process.env['TZ'] = 'America/New_York';
      expect((await t.call('reminders:run', { now: '2026-11-23T12:00:00.000Z' })).fired).toEqual([]);
      const after = await t.call('reminders:preview', { contractNo: 'Z-1' });
      expect(after.steps[0]).toMatchObject({ localDate: '2026-12-01', dueAt: '2026-12-01T14:00:00.000Z' });
      const snoozed = (await t.call('reminders:preview', { contractNo: 'Z-2' })).steps.find((s: any) => s.step === 15);
      expect(snoozed).toMatchObject({ status: 'snoozed', dueAt: '2026-11-24T06:00:00.000Z' });
      // Not early in the new zone: 09:00 New York, not 09:00 Shanghai.
      expect((await t.call('reminders:run', { now: '2026-12-01T13:59:59.000Z', dryRun: true })).fired.map((f: any) => f.contractNo)).not.toContain('Z-1');
      expect((await t.call('reminders:run', { now: '2026-12-01T14:00:00.000Z', dryRun: true })).fired.map((f: any) => f.contractNo)).toContain('Z-1');
    } finally {
      await t.close();
    }
  });
});
