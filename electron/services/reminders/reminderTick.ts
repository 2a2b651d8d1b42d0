import { localDateOf } from '../../../shared/domain/dates.ts';
import { computeLadder } from '../../../shared/reminders/reminderLadder.ts';
import { nextBirthdayToGreet } from '../../../shared/reminders/careReminders.ts';
import { addDaysIso } from '../../../shared/domain/dates.ts';
import { holidayRunOn, nextHolidayRun } from '../../../shared/messages/holidayGreetings.ts';
import { holidayGreetingFacts } from '../../../db/repositories/greetingSourcesRepo.ts';
import type { ReminderKind } from '../../../db/repositories/remindersRepo.ts';
import { insertReminderIfAbsent } from '../../../db/repositories/remindersRepo.ts';
import {
  birthdayFacts,
  claimDueReminders,
  expiryFacts,
  followUpFacts,
  markSuperseded,
  serializeReminderTicks,
  paymentFacts,
  selectDueReminders,
  type DueReminder,
} from '../../../db/repositories/reminderClaimRepo.ts';
import { insertNotifications, type NewNotification } from '../../../db/repositories/notificationsRepo.ts';
import { newId } from '../../../db/newId.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { archiveNow } from '../../../db/archiveClock.ts';
import type { Tx } from '../../../db/handle.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { loadReminderConfig, type ReminderConfig } from './reminderConfig.ts';
import { surveyTaskFacts } from '../../../db/repositories/surveyCampaignsRepo.ts';
import { birthdayMessage, complaintOverdueMessage, expiryMessage, followUpMessage, holidayMessage, paymentOverdueMessage, remindDateMessage, surveyTaskMessage, wordNotification, type NotificationMessage, type NotificationText } from './reminderText.ts';
import { catchUpChanges } from './catchUpChanges.ts';
import { complaintFacts } from '../../../db/repositories/complaintsRepo.ts';
import { ensureZoneCurrent } from './zoneChange.ts';
import { queueMailFor } from '../../../db/repositories/mailOutboxRepo.ts';
import { mailReady, readSmtpSettings } from '../mail/mailSettings.ts';

/** Named points where the crash test kills the process; a no-op in production. */
export type TickHookPoint = 'after-claim' | 'after-commit-before-notify' | 'mid-delivery';
export interface TickHooks {
  reached(point: TickHookPoint): void;
}

export interface FiredReminder {
  reminderId: string;
  kind: ReminderKind;
  subjectId: string;
  customerId: string;
  customerName: string;
  contractNo: string | null;
  step: number | null;
  dueAt: string;
  message: NotificationMessage;
  /** Worded in the archive's language as it fired: the stored text, and the toast's. */
  text: NotificationText;
}

export interface TickOutcome {
  now: string;
  tickId: string;
  dryRun: boolean;
  digest: boolean;
  fired: FiredReminder[];
  superseded: { reminderId: string; contractNo: string; step: number }[];
  notificationIds: string[];
}

/**
 * Of several due steps for the same contract and end date, only the latest (smallest step) fires; a user who
 * was away for the 30-, 15- and 7-day steps hears once, with the 7-day wording.
 */
export function splitSuperseded(due: readonly DueReminder[]): { fire: DueReminder[]; supersede: DueReminder[] } {
  const latest = new Map<string, DueReminder>();
  for (const r of due) {
    if (r.kind !== 'expiry') continue;
    const key = `${r.subjectId}|${r.occurrenceDate}`;
    const current = latest.get(key);
    if (!current || r.step < current.step) latest.set(key, r);
  }
  const fire: DueReminder[] = [];
  const supersede: DueReminder[] = [];
  for (const r of due) {
    if (r.kind === 'expiry' && latest.get(`${r.subjectId}|${r.occurrenceDate}`) !== r) supersede.push(r);
    else fire.push(r);
  }
  return { fire, supersede };
}

async function describe(tx: Tx, rows: readonly DueReminder[], today: string, config: ReminderConfig): Promise<FiredReminder[]> {
  const ids = (kind: ReminderKind) => [...new Set(rows.filter((r) => r.kind === kind).map((r) => r.subjectId))];
  const expiry = await expiryFacts(tx, [...ids('expiry'), ...ids('remind')]);
  const birthdays = await birthdayFacts(tx, ids('birthday'));
  const followUps = await followUpFacts(tx, ids('followup'));
  const payments = await paymentFacts(tx, ids('payment'));
  const complaints = await complaintFacts(tx, ids('complaint'));
  const holidays = await holidayGreetingFacts(tx, ids('holiday'));
  const surveyTasks = await surveyTaskFacts(tx, ids('survey'));
  const out: FiredReminder[] = [];
  const worded = (message: NotificationMessage) => ({ message, text: wordNotification(message, config.locale, config.templates) });
  for (const r of rows) {
    const base = { reminderId: r.id, kind: r.kind, subjectId: r.subjectId, customerId: r.customerId, dueAt: r.dueAt };
    if (r.kind === 'expiry') {
      const f = expiry.get(r.subjectId);
      if (!f) continue;
      out.push({ ...base, customerName: f.customerName, contractNo: f.contractNo, step: r.step, ...worded(expiryMessage(f, today)) });
    } else if (r.kind === 'remind') {
      const f = expiry.get(r.subjectId);
      if (!f) continue;
      out.push({ ...base, customerName: f.customerName, contractNo: f.contractNo, step: null, ...worded(remindDateMessage(f, r.occurrenceDate)) });
    } else if (r.kind === 'payment') {
      const f = payments.get(r.subjectId);
      // Paid or gone since the step was armed (the catch-up before the claim normally took it away): quiet.
      if (!f || f.deleted || f.paidAmountFen >= f.dueAmountFen) continue;
      out.push({ ...base, customerName: f.customerName, contractNo: f.contractNo, step: null, ...worded(paymentOverdueMessage(f, today)) });
    } else if (r.kind === 'complaint') {
      const f = complaints.get(r.subjectId);
      // Closed or gone since the reminder was armed: quiet.
      if (!f || f.gone) continue;
      out.push({ ...base, customerName: f.customerName, contractNo: null, step: null, ...worded(complaintOverdueMessage(f)) });
    } else if (r.kind === 'holiday') {
      const f = holidays.get(r.subjectId);
      const run = holidayRunOn(config.holidayRuns, r.occurrenceDate);
      if (!f || f.deleted || !run) continue;
      const message = holidayMessage(f.customerId, f.customerName, { zh: run.nameZh, en: run.nameEn }, r.occurrenceDate, config.locale);
      out.push({ ...base, customerName: f.customerName, contractNo: null, step: null, ...worded(message) });
    } else if (r.kind === 'survey') {
      const f = surveyTasks.get(r.subjectId);
      // Answered or gone since it was armed: quiet.
      if (!f || f.closed) continue;
      out.push({ ...base, customerName: f.customerName, contractNo: null, step: null, ...worded(surveyTaskMessage(f)) });
    } else {
      const f = (r.kind === 'birthday' ? birthdays : followUps).get(r.subjectId);
      if (!f) continue;
      const message = r.kind === 'birthday' ? birthdayMessage(f, r.occurrenceDate, today) : followUpMessage(f, r.occurrenceDate);
      out.push({ ...base, customerName: f.customerName, contractNo: null, step: null, ...worded(message) });
    }
  }
  return out;
}

/** Once a birthday fired, next year's is armed, so the yearly reminder never needs a sweep. */
async function rollBirthdaysForward(tx: Tx, fired: readonly DueReminder[], config: ReminderConfig, nowIso: string, today: string) {
  const rows = fired.filter((r) => r.kind === 'birthday');
  if (rows.length === 0) return;
  const facts = await birthdayFacts(
    tx,
    rows.map((r) => r.subjectId),
  );
  for (const r of rows) {
    const birthday = facts.get(r.subjectId)?.birthday;
    const next = birthday ? nextBirthdayToGreet(birthday, today, [r.occurrenceDate]) : null;
    if (!next) continue;
    const [step] = computeLadder(next, [config.greetings.daysAhead], config.ladder, config.calendar);
    await insertReminderIfAbsent(tx, 'birthday', r.subjectId, r.customerId, { ...step!, dueAt: step!.dueAt.toISOString() }, nowIso);
  }
}

/** Once a holiday greeting fired, the customer's next holiday is armed (while its tier is still greeted). */
async function rollHolidaysForward(tx: Tx, fired: readonly DueReminder[], config: ReminderConfig, nowIso: string) {
  const rows = fired.filter((r) => r.kind === 'holiday');
  if (rows.length === 0) return;
  const facts = await holidayGreetingFacts(
    tx,
    rows.map((r) => r.subjectId),
  );
  const greeted = new Set(config.greetings.holidayTiers);
  for (const r of rows) {
    const f = facts.get(r.subjectId);
    if (!f || f.deleted || !greeted.has(f.tier)) continue;
    const next = nextHolidayRun(config.holidayRuns, addDaysIso(r.occurrenceDate, 1));
    if (!next) continue;
    const [step] = computeLadder(next.firstDay, [config.greetings.daysAhead], config.ladder, config.calendar);
    await insertReminderIfAbsent(tx, 'holiday', r.subjectId, r.customerId, { ...step!, dueAt: step!.dueAt.toISOString() }, nowIso);
  }
}

/**
 * One tick: a single BEGIN IMMEDIATE transaction claims every due, unclaimed step and writes its in-app
 * notification (the outbox). Delivery to the OS happens after the commit, elsewhere (deliverOutbox).
 * With `dryRun` it reports the same set and writes nothing.
 */
export async function runReminderTick(
  ctx: ServiceContext,
  options: { now?: Date; dryRun?: boolean; hooks?: TickHooks | undefined } = {},
): Promise<TickOutcome> {
  // Team mode: the server's clock, not this desktop's (db/archiveClock.ts); SQLite: ctx.now() as before.
  const now = options.now ?? (await archiveNow(ctx.db, ctx.now()));
  const nowIso = now.toISOString();
  const today = localDateOf(now);
  const dryRun = options.dryRun === true;
  const tickId = newId();
  const work = async (tx: Tx): Promise<TickOutcome> => {
    if (!dryRun) {
      // Several clients on one PostgreSQL archive: one tick at a time, as BEGIN IMMEDIATE gives on SQLite.
      await serializeReminderTicks(tx);
      await ensureZoneCurrent(ctx, tx);
      await catchUpChanges(ctx, tx);
    }
    const due = dryRun ? await selectDueReminders(tx, nowIso) : await claimDueReminders(tx, nowIso);
    // UPDATE … RETURNING comes back in storage order; a stable order keeps a dry run and the real run identical.
    due.sort((x, y) => x.dueAt.localeCompare(y.dueAt) || x.kind.localeCompare(y.kind) || x.subjectId.localeCompare(y.subjectId) || y.step - x.step);
    if (!dryRun) options.hooks?.reached('after-claim');
    const empty: TickOutcome = { now: nowIso, tickId, dryRun, digest: false, fired: [], superseded: [], notificationIds: [] };
    if (due.length === 0) return empty;
    const config = await loadReminderConfig(tx);
    const { fire, supersede } = splitSuperseded(due);
    const supersededFacts = await expiryFacts(tx, [...new Set(supersede.map((r) => r.subjectId))]);
    const fired = await describe(tx, fire, today, config);
    const superseded = supersede.map((r) => ({ reminderId: r.id, contractNo: supersededFacts.get(r.subjectId)?.contractNo ?? '', step: r.step }));
    let notificationIds: string[] = [];
    if (!dryRun) {
      await markSuperseded(
        tx,
        supersede.map((r) => r.id),
      );
      const rows: NewNotification[] = fired.map((f) => ({
        tickId,
        reminderId: f.reminderId,
        kind: f.kind,
        subjectId: f.subjectId,
        customerId: f.customerId,
        customerName: f.customerName,
        step: f.step,
        dueAt: f.dueAt,
        firedAt: nowIso,
        title: f.text.title,
        body: f.text.body,
        subjectUrl: f.message.subjectUrl,
        titleKey: f.message.titleKey,
        bodyKey: f.message.bodyKey,
        messageParams: f.message.params,
      }));
      notificationIds = await insertNotifications(tx, rows);
      // The owners' e-mail copies, in the same transaction: queued exactly when the notification is stored.
      if (mailReady(await readSmtpSettings(tx))) await queueMailFor(tx, notificationIds, nowIso);
      await rollBirthdaysForward(tx, fire, config, nowIso, today);
      await rollHolidaysForward(tx, fire, config, nowIso);
    }
    return { ...empty, digest: fired.length >= 2, fired, superseded, notificationIds };
  };
  // A dry run only reads; it still runs in one transaction so it sees one consistent snapshot.
  return withTransaction(ctx.db, work);
}
