import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDueInstant } from '../../../shared/reminders/localDueInstant.ts';
import { q } from '../../../db/handle.ts';
import type { NotificationRequest, Notifier } from '../notifier/notifier.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { deliverOutbox } from './deliverOutbox.ts';
import { tickAndDeliver } from './tickScheduler.ts';

// Notifications keep their keys and facts, so the centre and the toast are worded in the archive's language
// when they are shown, not when they fired.
let t: TestContext;
let customerId: string;
const sent: NotificationRequest[] = [];
const recorder: Notifier = { notify: async (r) => void sent.push(r) };
const refusing: Notifier = { notify: () => Promise.reject(new Error('no notification daemon')) };
const at = (date: string, time = '09:00') => localDueInstant(date, time);
const CUSTOMER = '杭州云启科技有限公司';

beforeEach(async () => {
  sent.length = 0;
  t = await openTestContext(at('2026-11-23', '10:00').toISOString());
  customerId = (await t.call('customers:create', { name: CUSTOMER, tier: 'vip', primaryContact: { name: '王建华' } })).id;
  await t.call('contracts:create', { customerId, number: 'HT-1', endsOn: '2027-03-31', amountFen: 12_800_000 });
  await t.call('followups:create', { customer: customerId, summary: '确认续约报价', nextFollowUpOn: '2026-12-31', at: at('2026-11-23', '10:00').toISOString() });
});
afterEach(async () => {
  await t.close();
});

const centre = async () => {
  const items: { kind: string; title: string; body: string }[] = (await t.call('notifications:list')).items;
  return Object.fromEntries(items.map((i) => [i.kind, { title: i.title, body: i.body }]));
};

describe('the language of notifications', () => {
  it('rewords the whole centre when the archive’s language changes, and back; rows from before keep their text', async () => {
    // The 90-day step of HT-1 and the follow-up fall due at the same instant: one tick, two records.
    await tickAndDeliver(t.ctx, recorder, { now: at('2026-12-31') });
    const zh = {
      expiry: {
        title: `${CUSTOMER}：合同 90 天后到期`,
        body: `【VIP】${CUSTOMER}的合同 HT-1（¥128,000.00）将于 2027-03-31 到期，剩余 90 天。请亲自致电 王建华 商谈续约。`,
        // No owner: the owner words are left out (it used to say 「请 负责人 亲自致电」).
      },
      followup: { title: `${CUSTOMER}：该跟进了`, body: '计划于 2026-12-31 跟进：确认续约报价' },
    };
    expect(await centre()).toEqual(zh);

    const announced = t.events.length;
    await t.call('settings:set', { locale: 'en-US' });
    // The centre is among what the language switch changes, so every window refetches it.
    expect(t.events.slice(announced)).toContainEqual({ event: 'data:changed', payload: { domains: expect.arrayContaining(['notifications']) } });
    expect(await centre()).toEqual({
      expiry: {
        title: `${CUSTOMER}: contract ends in 90 days`,
        body: `[VIP] ${CUSTOMER}: contract HT-1 (¥128,000.00) ends on 2027-03-31, in 90 days. Please call 王建华 in person about the renewal.`,
      },
      followup: { title: `${CUSTOMER}: time to follow up`, body: 'Follow-up planned for 2026-12-31: 确认续约报价' },
    });

    // A tier with wording of its own keeps it in either language, filled from the stored facts.
    await t.call('reminders:setSettings', { templates: { vip: '{customer} / {合同编号} / {daysLeft}' } });
    expect((await centre())['expiry']).toEqual({ title: `${CUSTOMER}: contract ends in 90 days`, body: `${CUSTOMER} / HT-1 / 90` });

    await t.call('settings:set', { locale: 'zh-CN' });
    expect((await centre())['followup']).toEqual(zh.followup);

    const stamp = '2026-01-01T01:00:00.000Z';
    await q(t.ctx.db)
      .insertInto('notifications')
      .values({ id: 'old', tick_id: 'old-tick', kind: 'birthday', customer_name: CUSTOMER, due_at: stamp, fired_at: stamp, title: '旧的标题', body: '旧的正文', created_at: stamp, updated_at: stamp })
      .execute();
    await t.call('settings:set', { locale: 'en-US' });
    expect((await centre())['birthday']).toEqual({ title: '旧的标题', body: '旧的正文' });
  });

  it('words a toast in the archive’s language when it is delivered, a digest too', async () => {
    await t.call('settings:set', { locale: 'en-US' });
    await tickAndDeliver(t.ctx, recorder, { now: at('2026-12-31') });
    expect(sent).toEqual([
      { title: 'Renewal Desk: 2 reminders due', body: `${CUSTOMER}. See the notification centre.`, subjectUrl: '/notifications' },
    ]);

    // Refused by the OS, the next step waits in the outbox; delivered after the switch, it speaks Chinese.
    await tickAndDeliver(t.ctx, refusing, { now: at('2027-01-30') });
    await t.call('settings:set', { locale: 'zh-CN' });
    const report = await deliverOutbox(t.ctx, recorder);
    expect(report).toMatchObject({ delivered: 1, failed: 0 });
    expect(sent[1]).toMatchObject({ title: `${CUSTOMER}：合同 60 天后到期`, body: expect.stringContaining(`【VIP】${CUSTOMER}的合同 HT-1`) });
  });
});
