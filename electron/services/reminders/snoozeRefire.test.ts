// Found by the handler fuzz: a step snoozed to an instant it had already fired at (possible once a tick ran ahead
// of the clock, with `remind --now` or a clock set back) made the next tick fail on the notifications' unique
// claim index, and with it every later tick: no reminder fired again. Now the step fires once more, bringing
// its record back unread, and the other reminders keep firing.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext('2026-11-23T02:00:00.000Z');
});
afterEach(async () => {
  await t.close();
});

it('a step snoozed again to an instant it already fired at fires once more, and later ticks still run', async () => {
  const c = await t.call('customers:create', { name: '甲公司', tier: 'vip' });
  await t.call('contracts:create', { customerId: c.id, number: 'HT-1', endsOn: '2026-12-10' });
  await t.call('reminders:run', { now: '2026-12-20T09:00:00.000Z' });
  const [fired] = (await t.call('notifications:list', { limit: 50 })).items;
  const until = '2026-12-01T09:00:00.000Z';
  await t.call('reminders:snooze', { reminderId: fired.reminderId, until });
  expect((await t.call('reminders:run', { now: '2026-12-02T09:00:00.000Z' })).fired).toHaveLength(1);
  await t.call('notifications:markRead', { all: true });

  await t.call('reminders:snooze', { reminderId: fired.reminderId, until });
  const again = await t.envelope('reminders:run', { now: '2026-12-02T09:00:00.000Z' });
  expect(again).toMatchObject({ ok: true, data: { fired: [{ contractNo: 'HT-1', dueAt: until }] } });
  const records = (await t.call('notifications:list', { limit: 50 })).items.filter((n: { dueAt: string }) => n.dueAt === until);
  expect(records).toHaveLength(1);
  expect(records[0].readAt).toBeNull();

  const d = await t.call('customers:create', { name: '乙公司', tier: 'vip' });
  await t.call('contracts:create', { customerId: d.id, number: 'HT-2', endsOn: '2027-01-05' });
  expect((await t.call('reminders:run', { now: '2026-12-20T09:00:00.000Z' })).fired.map((f: { contractNo: string }) => f.contractNo)).toContain('HT-2');
});
