// Found by the reminder soak: a birthday greeting fires a few days ahead, so near the year end the tick arms next
// year's occurrence while this year's date is still to come. A full recompute must keep that armed row (it did
// not when the fired step had been snoozed, the re-armed row then counting as "this year's, still pending").
import { afterEach, beforeEach, expect, it } from 'vitest';
import { localDueInstant } from '../../../shared/reminders/localDueInstant.ts';
import { reminderFingerprint } from '../../../db/repositories/reminderHealth.ts';
import { remindersOfSubjects } from '../../../db/repositories/remindersRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { recomputeAllReminders } from './recomputeReminders.ts';

let t: TestContext;
let contactId: string;
const at = (date: string, time = '09:00') => localDueInstant(date, time).toISOString();
const remind = async (now: string) => (await t.call('reminders:run', { now })).fired as { kind: string; dueAt: string }[];
const birthdayRows = async () =>
  (await remindersOfSubjects(t.ctx.db, 'birthday', [contactId]))
    .map((r) => ({ occurrenceDate: r.occurrenceDate, pending: r.firedAt === null }))
    .sort((a, b) => a.occurrenceDate.localeCompare(b.occurrenceDate));
const recomputeFromScratch = async (now: string) => {
  t.setNow(now);
  const before = await reminderFingerprint(t.ctx.db);
  await withTransaction(t.ctx.db, (tx) => recomputeAllReminders(t.ctx, tx));
  return { before, after: await reminderFingerprint(t.ctx.db) };
};

beforeEach(async () => {
  t = await openTestContext(at('2027-12-20'));
  const c = await t.call('customers:create', { name: '杭州云启科技有限公司', tier: 'vip' });
  contactId = (await t.call('contacts:create', { customerId: c.id, name: '李娜', birthday: '1990-01-03' })).id;
});
afterEach(async () => {
  await t.close();
});

it('a birthday greeted ahead across the year end keeps next year armed through a full recompute, and fires once', async () => {
  t.setNow(at('2027-12-31'));
  expect(await remind(at('2027-12-31'))).toMatchObject([{ kind: 'birthday', dueAt: at('2027-12-31') }]);
  expect(await birthdayRows()).toEqual([
    { occurrenceDate: '2028-01-03', pending: false },
    { occurrenceDate: '2029-01-03', pending: true },
  ]);
  for (const day of ['2027-12-31', '2028-01-01', '2028-01-03', '2028-01-04']) {
    const { before, after } = await recomputeFromScratch(at(day, '10:00'));
    expect(after).toEqual(before);
  }
  expect(await remind(at('2028-01-04'))).toEqual([]);
  expect(await remind(at('2028-12-30'))).toEqual([]);
  expect(await remind(at('2028-12-31'))).toMatchObject([{ kind: 'birthday', dueAt: at('2028-12-31') }]);
  expect(await remind(at('2029-01-03'))).toEqual([]);
});

it('a greeting snoozed past the year end keeps both its own return and next year armed through a full recompute', async () => {
  t.setNow(at('2027-12-31'));
  expect(await remind(at('2027-12-31'))).toHaveLength(1);
  const [fired] = (await t.call('notifications:list', { limit: 50 })).items;
  await t.call('reminders:snooze', { reminderId: fired.reminderId, until: at('2028-01-02') });
  const { before, after } = await recomputeFromScratch(at('2028-01-01', '10:00'));
  expect(after).toEqual(before);
  expect(await birthdayRows()).toEqual([
    { occurrenceDate: '2028-01-03', pending: true },
    { occurrenceDate: '2029-01-03', pending: true },
  ]);
  // The snoozed greeting comes back once; next year's fires once, at its own time.
  expect(await remind(at('2028-01-02'))).toMatchObject([{ kind: 'birthday', dueAt: at('2028-01-02') }]);
  const again = await recomputeFromScratch(at('2028-01-02', '10:00'));
  expect(again.after).toEqual(again.before);
  expect(await remind(at('2028-12-30'))).toEqual([]);
  expect(await remind(at('2028-12-31'))).toMatchObject([{ kind: 'birthday', dueAt: at('2028-12-31') }]);
  expect(await remind(at('2029-01-03'))).toEqual([]);
});
