import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changesOf } from '../../../shared/api/apiContract.ts';
import { addDaysIso } from '../../../shared/domain/dates.ts';
import { localDueInstant } from '../../../shared/reminders/localDueInstant.ts';
import type { NotificationRequest, Notifier } from '../notifier/notifier.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { deliverOutbox } from './deliverOutbox.ts';
import { startScheduler, tickAndDeliver } from './tickScheduler.ts';

let t: TestContext;
let customerId: string;
const sent: NotificationRequest[] = [];
// The Notifier port's OS side, recorded: what a toast would have shown.
const recorder: Notifier = { notify: async (r) => void sent.push(r) };
const at = (date: string, time = '09:00') => localDueInstant(date, time);
const iso = (d: Date) => d.toISOString();

beforeEach(async () => {
  sent.length = 0;
  t = await openTestContext(iso(at('2026-11-23', '10:00')));
  customerId = (await t.call('customers:create', { name: '杭州云启科技有限公司', tier: 'vip', primaryContact: { name: '王建华' } })).id;
});
afterEach(async () => {
  await t.close();
});

const remind = (now: Date, dryRun = false) => t.call('reminders:run', { now: iso(now), dryRun });

describe('the reminder tick', () => {
  it('fires a step at its local due instant, never a millisecond early, and exactly once', async () => {
    const k = await t.call('contracts:create', { customerId, number: 'HT-1', endsOn: '2027-03-31', amountFen: 12_800_000 });
    const preview = await t.call('reminders:preview', { contractNo: 'HT-1' });
    expect(preview.steps.map((s: any) => s.step)).toEqual([90, 60, 30, 15, 7, 1, 0, -1, -7]);
    expect(preview.steps[0]).toMatchObject({ localDate: '2026-12-31', dueAt: iso(at('2026-12-31')), status: 'pending' });

    const due = at('2026-12-31');
    expect((await remind(new Date(due.getTime() - 1))).fired).toEqual([]);
    const dry = await remind(due, true);
    expect(dry.fired).toEqual([{ kind: 'expiry', contractNo: 'HT-1', customer: '杭州云启科技有限公司', step: 90, dueAt: iso(due) }]);
    const real = await remind(due);
    expect(real).toEqual({ ...dry, now: iso(due) });
    expect((await remind(due)).fired).toEqual([]);
    expect((await remind(new Date(due.getTime() + 3_600_000))).fired).toEqual([]);

    const list = await t.call('notifications:list');
    expect(list).toMatchObject({ total: 1, unread: 1 });
    expect(list.items[0].title).toBe('杭州云启科技有限公司：合同 90 天后到期');
    expect(list.items[0].body).toContain('【VIP】杭州云启科技有限公司的合同 HT-1（¥128,000.00）将于 2027-03-31 到期，剩余 90 天');
    expect(list.items[0].body).toContain('王建华');
    expect((await t.call('reminders:preview', { contractId: k.id })).steps[0].status).toBe('fired');
  });

  it('after a long absence fires only the latest due step of a contract and supersedes the older ones for good', async () => {
    await t.call('contracts:create', { customerId, number: 'HT-2', endsOn: '2027-03-31' });
    const back = at('2027-03-26', '08:30');
    const result = await remind(back);
    expect(result.fired).toEqual([{ kind: 'expiry', contractNo: 'HT-2', customer: '杭州云启科技有限公司', step: 7, dueAt: iso(at('2027-03-24')) }]);
    expect(result.superseded).toEqual(
      expect.arrayContaining([60, 30, 15, 90].map((step) => ({ contractNo: 'HT-2', step }))),
    );
    expect(result.digest).toBe(false);
    expect((await remind(back)).superseded).toEqual([]);
    const steps = (await t.call('reminders:preview', { contractNo: 'HT-2' })).steps;
    expect(steps.filter((s: any) => s.status === 'superseded').map((s: any) => s.step)).toEqual([90, 60, 30, 15]);
  });

  it('sends one digest toast when a tick fires two or more, and one record per reminder in the centre', async () => {
    const other = (await t.call('customers:create', { name: '宁波恒达贸易有限公司', tier: 'normal' })).id;
    await t.call('contracts:create', { customerId, number: 'A-1', endsOn: '2027-01-01' });
    await t.call('contracts:create', { customerId: other, number: 'B-1', endsOn: '2026-12-02' });
    const outcome = await tickAndDeliver(t.ctx, recorder, { now: at('2026-12-02', '09:00') });
    expect(outcome.fired.map((f) => f.contractNo).sort()).toEqual(['A-1', 'B-1']);
    expect(outcome.digest).toBe(true);
    expect(sent).toEqual([{ title: '续约管家：你有 2 条到期提醒', body: expect.stringContaining('宁波恒达贸易有限公司'), subjectUrl: '/notifications' }]);
    expect((await t.call('notifications:list')).total).toBe(2);
    expect(t.events.some((e) => e.event === 'reminders:fired' && (e.payload as any).digest === true)).toBe(true);
  });

  it('a renewed or lost contract fires nothing more; its next term has its own ladder', async () => {
    const k = await t.call('contracts:create', { customerId, number: 'HT-3', startsOn: '2026-01-01', endsOn: '2026-12-31', amountFen: 100 });
    await t.call('renewals:setStage', { contractId: k.id, stage: 'lost', lostReason: '价格' });
    expect((await t.call('reminders:preview', { contractNo: 'HT-3' })).inactiveReason).toContain('流失');
    expect((await remind(at('2026-12-31'))).fired).toEqual([]);

    await t.call('renewals:setStage', { contractId: k.id, stage: 'negotiating' });
    const renewed = await t.call('renewals:renew', { contractId: k.id, number: 'HT-3-R1', startsOn: '2027-01-01', endsOn: '2027-12-31' });
    expect((await remind(at('2026-12-31'))).fired).toEqual([]);
    const next = await t.call('reminders:preview', { contractId: renewed.newContractId });
    expect(next.steps[0]).toMatchObject({ step: 90, localDate: '2027-10-02' });
    expect((await remind(at('2027-10-02'))).fired).toMatchObject([{ contractNo: 'HT-3-R1', step: 90 }]);
  });

  it('a step that fired never fires again when its end date is edited away and back', async () => {
    const k = await t.call('contracts:create', { customerId, number: 'HT-4', endsOn: '2027-02-28' });
    expect((await remind(at('2026-11-30'))).fired).toMatchObject([{ step: 90 }]);
    const moved = await t.call('contracts:update', { id: k.id, endsOn: '2027-06-30' });
    expect((await remind(at('2026-12-01'))).fired).toEqual([]);
    await t.call('contracts:update', { id: k.id, version: moved.version, endsOn: '2027-02-28' });
    expect((await remind(at('2026-12-01'))).fired).toEqual([]);
    expect((await remind(at('2026-12-30'))).fired).toMatchObject([{ step: 60 }]);
  });

  it('snooze re-arms the step once; done closes it', async () => {
    await t.call('contracts:create', { customerId, number: 'HT-5', endsOn: '2027-03-31' });
    await remind(at('2026-12-31'));
    const [item] = (await t.call('notifications:list')).items;
    expect(item.actionable).toBe(true);
    t.setNow(iso(at('2026-12-31', '09:05')));
    const snoozed = await t.call('reminders:snooze', { reminderId: item.reminderId, until: iso(at('2026-12-31', '14:00')) });
    expect(snoozed.dueAt).toBe(iso(at('2026-12-31', '14:00')));
    expect((await t.call('notifications:list')).unread).toBe(0);
    expect((await remind(at('2026-12-31', '13:59'))).fired).toEqual([]);
    expect((await remind(at('2026-12-31', '14:00'))).fired).toMatchObject([{ step: 90 }]);
    expect((await remind(at('2026-12-31', '14:00'))).fired).toEqual([]);

    const list = await t.call('notifications:list');
    expect(list.total).toBe(2);
    const past = await t.envelope('reminders:snooze', { reminderId: item.reminderId, until: iso(at('2026-12-31', '08:00')) });
    expect(past.error).toMatchObject({ code: 'VALIDATION', field: 'until' });

    // Without a time, snooze goes to the configured time on the next working day (Friday → Monday).
    t.setNow(iso(at('2027-01-08', '10:00')));
    const nextDay = await t.call('reminders:snooze', { reminderId: item.reminderId });
    expect(nextDay.dueAt).toBe(iso(at('2027-01-11')));
    await t.call('reminders:done', { reminderId: item.reminderId });
    expect((await remind(at('2027-01-11', '10:00'))).fired).toEqual([]);
  });

  it('keeps a refused toast in the outbox and delivers it at the next start-up', async () => {
    await t.call('contracts:create', { customerId, number: 'HT-6', endsOn: '2027-03-31' });
    const refusing: Notifier = { notify: () => Promise.reject(new Error('no notification daemon')) };
    t.setNow(iso(at('2026-12-31', '09:00')));
    await tickAndDeliver(t.ctx, refusing);
    expect((await t.call('notifications:list')).items[0].deliveredAt).toBeNull();
    const scheduler = startScheduler(t.ctx, recorder, { intervalMs: 60_000 });
    await scheduler.tick('test');
    await scheduler.stop();
    expect(sent.map((s) => s.title)).toEqual(['杭州云启科技有限公司：合同 90 天后到期']);
    expect((await t.call('notifications:list')).items[0].deliveredAt).not.toBeNull();
    expect((await deliverOutbox(t.ctx, recorder)).delivered).toBe(0);
  });

  it('a scheduler tick announces what reminders:run declares, after the commit and after delivery, and nothing when nothing is due', async () => {
    await t.call('contracts:create', { customerId, number: 'HT-7', endsOn: '2027-03-31' });
    const announced = () => t.events.filter((e) => e.event === 'data:changed');
    t.events.length = 0;
    const scheduler = startScheduler(t.ctx, recorder, { intervalMs: 60_000 });
    try {
      await scheduler.tick('nothing due yet');
      expect(announced()).toEqual([]);
      t.setNow(iso(at('2026-12-31', '09:00')));
      await scheduler.tick('the 90-day step');
    } finally {
      await scheduler.stop();
    }
    expect(sent.map((s) => s.title)).toEqual(['杭州云启科技有限公司：合同 90 天后到期']);
    const declared = { event: 'data:changed', payload: { domains: [...changesOf('reminders:run')] } };
    expect(announced()).toEqual([declared, declared]);
  });

  it('follow-up next dates and contact birthdays raise care reminders; a birthday rolls on to next year', async () => {
    await t.call('contacts:create', { customerId, name: '李娜', birthday: '1988-12-05' });
    await t.call('followups:create', { customer: customerId, summary: '确认续约报价', nextFollowUpOn: '2026-11-27', at: iso(at('2026-11-23', '10:00')) });
    const first = await remind(at('2026-11-27'));
    expect(first.fired).toEqual([{ kind: 'followup', customer: '杭州云启科技有限公司', dueAt: iso(at('2026-11-27')) }]);
    // A greeting comes 3 days ahead by default (issue 14), so there is time to send it.
    expect((await remind(at(addDaysIso('2026-12-05', -4)))).fired).toEqual([]);
    const bday = await remind(at(addDaysIso('2026-12-05', -3)));
    expect(bday.fired).toEqual([{ kind: 'birthday', customer: '杭州云启科技有限公司', dueAt: iso(at('2026-12-02')) }]);
    expect((await remind(at('2027-12-02'))).fired).toMatchObject([{ kind: 'birthday', dueAt: iso(at('2027-12-02')) }]);
  });
});

describe('ladder rules', () => {
  it('a contract can override its tier ladder, and tier ladders and the time of day recompute pending steps', async () => {
    const k = await t.call('contracts:create', { customerId, number: 'OV-1', endsOn: '2027-03-31' });
    const own = await t.call('reminders:setContractLadder', { contractId: k.id, steps: [45, 0, 10] });
    expect(own.overrideSteps).toEqual([45, 10, 0]);
    expect(own.steps.map((s: any) => [s.step, s.localDate])).toEqual([
      [45, '2027-02-14'],
      [10, '2027-03-21'],
      [0, '2027-03-31'],
    ]);
    const back = await t.call('reminders:setContractLadder', { contractId: k.id, steps: null });
    expect(back.steps).toHaveLength(9);

    await t.call('reminders:setSettings', { timeOfDay: '08:30', ladders: { vip: [20, 0] } });
    const preview = await t.call('reminders:preview', { contractId: k.id });
    expect(preview.steps.map((s: any) => [s.step, s.dueAt])).toEqual([
      [20, iso(at('2027-03-11', '08:30'))],
      [0, iso(at('2027-03-31', '08:30'))],
    ]);
    const bad = await t.envelope('reminders:setSettings', { timeOfDay: '25:00' });
    expect(bad.error).toMatchObject({ code: 'VALIDATION', field: 'timeOfDay' });
  });

  it('shifts to the previous working day only when asked, with imported holiday data winning', async () => {
    // 2027-03-20 is a Saturday.
    await t.call('contracts:create', { customerId, number: 'WD-1', endsOn: '2027-03-20' });
    const stepZero = async () => (await t.call('reminders:preview', { contractNo: 'WD-1' })).steps.find((s: any) => s.step === 0);
    expect((await stepZero()).localDate).toBe('2027-03-20');
    await t.call('reminders:setSettings', { shiftToWorkingDay: true });
    expect((await stepZero()).localDate).toBe('2027-03-19');
    await t.call('reminders:importHolidays', { json: JSON.stringify({ holidays: { '2027-03-19': '公司团建' }, workdays: {} }) });
    expect((await stepZero()).localDate).toBe('2027-03-18');
    const broken = await t.envelope('reminders:importHolidays', { json: '{"holidays": {"2027-13-01": "x"}}' });
    expect(broken.error).toMatchObject({ code: 'VALIDATION', field: 'json' });
    expect((await t.call('reminders:getSettings')).holidayOverrideCount).toBe(1);
  });
});
