import { addMinutes } from 'date-fns';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDueInstant } from '../../../shared/reminders/localDueInstant.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { startLocalSmtpServer, type LocalSmtpServer } from '../../../test-support/mail/localSmtpServer.ts';
import { readRawMail } from '../../../test-support/mail/readRawMail.ts';
import type { NotificationRequest, Notifier } from '../notifier/notifier.ts';
import { startScheduler } from '../reminders/tickScheduler.ts';
import { deliverMail, MAX_MAIL_ATTEMPTS, mailBackoffMinutes } from './deliverMail.ts';

let t: TestContext;
let smtp: LocalSmtpServer;
const toasts: NotificationRequest[] = [];
const recorder: Notifier = { notify: async (r) => void toasts.push(r) };
const at = (date: string, time = '09:00') => localDueInstant(date, time).toISOString();
const DUE = at('2026-12-31');

beforeEach(async () => {
  toasts.length = 0;
  smtp = await startLocalSmtpServer();
  t = await openTestContext(at('2026-11-23', '10:00'));
});
afterEach(async () => {
  await t.close();
  await smtp.close();
});

/** One scheduler run, as the desktop and the web host run it: the tick, the toast, then the e-mail. */
async function schedulerTick() {
  const scheduler = startScheduler(t.ctx, recorder, { intervalMs: 3_600_000 });
  await scheduler.tick('test');
  await scheduler.stop();
}

const smtpSettings = (over: Record<string, unknown> = {}) => ({
  enabled: true,
  host: '127.0.0.1',
  port: smtp.port,
  security: 'none',
  user: '',
  fromAddress: 'desk@example.com',
  ...over,
});

/** A VIP customer of an owner, with a contract whose 90-day step is due on 2026-12-31. */
async function contractOf(owner: { name: string; email?: string }, number = 'HT-1') {
  const o = await t.call('owners:create', owner);
  const customer = await t.call('customers:create', { name: `${owner.name}的客户`, tier: 'vip', ownerId: o.id, primaryContact: { name: '王建华' } });
  await t.call('contracts:create', { customerId: customer.id, number, endsOn: '2027-03-31', amountFen: 12_800_000 });
  return o.id as string;
}

const centre = async () => (await t.call('notifications:list')).items as { title: string; body: string; mail: any[] }[];

describe('e-mail reminders', () => {
  it('e-mails a due reminder to its owner once, worded as the desktop notification', async () => {
    await t.call('mail:setSettings', smtpSettings());
    await contractOf({ name: '李娜', email: 'li.na@example.com' });
    t.setNow(DUE);
    await schedulerTick();

    expect(smtp.received).toHaveLength(1);
    const [item] = await centre();
    const mail = readRawMail(smtp.received[0]!.raw);
    expect(smtp.received[0]!.to).toEqual(['li.na@example.com']);
    expect(mail.headers['to']).toBe('li.na@example.com');
    expect(mail.headers['from']).toBe('desk@example.com');
    expect(mail.headers['subject']).toBe('李娜的客户：合同 90 天后到期');
    expect(mail.headers['subject']).toBe(item!.title);
    expect(mail.text).toBe(item!.body);
    expect(mail.text).toContain('【VIP】李娜的客户的合同 HT-1（¥128,000.00）将于 2027-03-31 到期，剩余 90 天');
    // The desktop toast of the same tick says the same words.
    expect(toasts).toEqual([expect.objectContaining({ title: mail.headers['subject'], body: mail.text })]);
    expect(item!.mail).toEqual([
      { recipient: 'li.na@example.com', status: 'sent', attempts: 1, nextAttemptAt: null, lastError: null, sentAt: DUE },
    ]);

    // A second tick, and a later one, send nothing more.
    await schedulerTick();
    t.setNow(at('2026-12-31', '15:00'));
    await schedulerTick();
    expect(smtp.received).toHaveLength(1);
  });

  it('retries a refused e-mail later each time, shows the failure in the centre, then sends it', async () => {
    await t.call('mail:setSettings', smtpSettings());
    await contractOf({ name: '李娜', email: 'li.na@example.com' });
    smtp.refuseNext(2, 'mailbox busy, try later');
    t.setNow(DUE);
    await schedulerTick();
    expect(smtp.received).toEqual([]);
    const firstRetry = addMinutes(new Date(DUE), 1).toISOString();
    expect((await centre())[0]!.mail).toEqual([
      { recipient: 'li.na@example.com', status: 'pending', attempts: 1, nextAttemptAt: firstRetry, lastError: expect.stringContaining('mailbox busy, try later'), sentAt: null },
    ]);

    // Not before its time: the same instant tries nothing.
    expect(await deliverMail(t.ctx)).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    t.setNow(firstRetry);
    expect(await deliverMail(t.ctx)).toEqual({ sent: 0, failed: 1, gaveUp: 0 });
    const secondRetry = addMinutes(new Date(firstRetry), 2).toISOString();
    expect((await centre())[0]!.mail[0]).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: secondRetry });
    t.setNow(addMinutes(new Date(secondRetry), -1).toISOString());
    expect(await deliverMail(t.ctx)).toEqual({ sent: 0, failed: 0, gaveUp: 0 });

    t.setNow(secondRetry);
    await schedulerTick();
    expect(smtp.received).toHaveLength(1);
    const [item] = await centre();
    expect(readRawMail(smtp.received[0]!.raw).headers['subject']).toBe(item!.title);
    expect(item!.mail).toEqual([{ recipient: 'li.na@example.com', status: 'sent', attempts: 3, nextAttemptAt: null, lastError: null, sentAt: secondRetry }]);
  });

  it('gives up after the last try when the server stays down, and says so in the centre', async () => {
    await t.call('mail:setSettings', smtpSettings());
    await contractOf({ name: '李娜', email: 'li.na@example.com' });
    await smtp.close();
    t.setNow(DUE);
    await schedulerTick();
    let now = new Date(DUE);
    for (let attempts = 1; attempts < MAX_MAIL_ATTEMPTS; attempts++) {
      expect((await centre())[0]!.mail[0]).toMatchObject({ status: 'pending', attempts, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) });
      now = addMinutes(now, mailBackoffMinutes(attempts));
      t.setNow(now.toISOString());
      await deliverMail(t.ctx);
    }
    expect((await centre())[0]!.mail).toEqual([
      { recipient: 'li.na@example.com', status: 'failed', attempts: MAX_MAIL_ATTEMPTS, nextAttemptAt: null, lastError: expect.any(String), sentAt: null },
    ]);
    // The waits doubled up to the cap: 1, 2, 4 … 32, then 60 minutes.
    expect([1, 2, 3, 6, 7, 9].map(mailBackoffMinutes)).toEqual([1, 2, 4, 32, 60, 60]);
    t.setNow(addMinutes(now, 600).toISOString());
    expect(await deliverMail(t.ctx)).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    smtp = await startLocalSmtpServer();
  });

  it('queues nothing for an owner without an address, one who opted out, or while e-mail is off', async () => {
    await t.call('mail:setSettings', smtpSettings());
    await contractOf({ name: '无邮箱' }, 'HT-A');
    const optedOut = await contractOf({ name: '已退订', email: 'out@example.com' }, 'HT-B');
    await t.call('mail:setOptOut', { ownerId: optedOut, optedOut: true });
    expect(await t.call('mail:optOuts')).toEqual({ ownerIds: [optedOut] });
    t.setNow(DUE);
    await schedulerTick();
    expect(smtp.received).toEqual([]);
    expect((await centre()).map((n) => n.mail)).toEqual([[], []]);

    // E-mail off: a reminder of an owner with an address is not queued either, and is not sent once it is on again.
    await t.call('mail:setSettings', smtpSettings({ enabled: false }));
    await contractOf({ name: '有邮箱', email: 'in@example.com' }, 'HT-C');
    t.setNow(at('2027-01-01'));
    await schedulerTick();
    await t.call('mail:setSettings', smtpSettings());
    await schedulerTick();
    expect(smtp.received).toEqual([]);
    expect((await centre()).map((n) => n.mail)).toEqual([[], [], []]);

    // Opted back in, the next reminder of that owner is e-mailed.
    await t.call('mail:setOptOut', { ownerId: optedOut, optedOut: false });
    await contractOf({ name: '已退订2', email: 'other@example.com' }, 'HT-D');
    t.setNow(at('2027-01-02'));
    await schedulerTick();
    expect(smtp.received.map((m) => m.to)).toEqual([['other@example.com']]);
  });
});
