import { localDateOf } from '../../../shared/domain/dates.ts';
import type { RenewalStage } from '../../../shared/domain/enums.ts';
import { computeLadder, type LadderStep } from '../../../shared/reminders/reminderLadder.ts';
import { birthdayOccurrencesToArm } from '../../../shared/reminders/careReminders.ts';
import { holidayRunOn, nextHolidayRun } from '../../../shared/messages/holidayGreetings.ts';
import { allHolidayGreetingSources, holidayGreetingSourcesOf, type HolidayGreetingSource } from '../../../db/repositories/greetingSourcesRepo.ts';
import { isDecidedStage } from '../../../shared/renewals/sheetRenewalStatus.ts';
import type { Tx } from '../../../db/handle.ts';
import {
  allBirthdaySources,
  allOpenFollowUpSources,
  allUnpaidPaymentSources,
  birthdaySourcesOf,
  contractIdsOfCustomers,
  contractReminderSourcePage,
  contractReminderSources,
  contractReminderSourcesOfCustomers,
  followUpSourcesOf,
  paymentSourcesOf,
  type BirthdaySource,
  type ContractReminderSource,
  type FollowUpSource,
  type PaymentReminderSource,
} from '../../../db/repositories/reminderSourcesRepo.ts';
import { syncPendingRemindersBulk } from '../../../db/bulk/bulkReminderSync.ts';
import { lockReminderWritesExclusive, lockReminderWritesShared } from '../../../db/repositories/reminderWriteLock.ts';
import { remindersOfSubjects, syncPendingReminders, type DesiredReminder, type ReminderSubject, type StoredReminder } from '../../../db/repositories/remindersRepo.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { recomputeAllSurveyTaskReminders, recomputeSurveyTaskRemindersOfCustomers } from '../surveys/surveyTaskReminders.ts';
import { loadReminderConfig, type ReminderConfig } from './reminderConfig.ts';
import { recomputeAllComplaintReminders, recomputeComplaintRemindersOfCustomers } from '../complaints/complaintReminders.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';

// Pending reminder rows follow their inputs: every write to a contract, its customer's tier, a ladder, the
// settings, a contact's birthday or a follow-up's next date calls one of these inside its own transaction.

const toDesired = (s: LadderStep): DesiredReminder => ({
  occurrenceDate: s.occurrenceDate,
  step: s.step,
  localDate: s.localDate,
  timeOfDay: s.timeOfDay,
  dueAt: s.dueAt.toISOString(),
});

/** Why a contract has no ladder, or null when it has one. */
export function contractInactiveReason(c: Pick<ContractReminderSource, 'deleted' | 'archived' | 'status' | 'endsOn' | 'stage'>): Message | null {
  if (c.deleted) return msg('ladder.inactiveDeleted');
  if (c.archived) return msg('ladder.inactiveArchived');
  // 'expired' is 已到期 history an import stored: settled in bulk from the 续约 list, never reminded.
  if (c.status === 'expired') return msg('ladder.inactiveHistory');
  if (c.status !== 'active') return msg('ladder.inactiveClosed');
  if (c.stage && isDecidedStage(c.stage as RenewalStage)) return msg(c.stage === 'lost' ? 'ladder.inactiveLost' : 'ladder.inactiveRenewed');
  if (!c.endsOn) return msg('ladder.inactiveNoEndDate');
  return null;
}

export function contractLadder(c: ContractReminderSource, config: ReminderConfig): LadderStep[] {
  if (contractInactiveReason(c) !== null) return [];
  const steps = c.overrideSteps ? (JSON.parse(c.overrideSteps) as number[]) : (config.ladders[c.tier] ?? config.ladders.normal);
  return computeLadder(c.endsOn!, steps, config.ladder, config.calendar);
}

/** 提醒日期: one step on that date, while the term still has a ladder. */
export function remindDateStep(c: ContractReminderSource, config: ReminderConfig): LadderStep[] {
  if (!c.remindOn || contractInactiveReason(c) !== null) return [];
  return computeLadder(c.remindOn, [0], config.ladder, config.calendar);
}

async function syncContracts(ctx: ServiceContext, tx: Tx, sources: readonly ContractReminderSource[], config: ReminderConfig) {
  const nowIso = ctx.now().toISOString();
  const subjects = (kind: 'expiry' | 'remind', steps: (c: ContractReminderSource) => LadderStep[]): ReminderSubject[] =>
    sources.map((c) => ({ kind, subjectId: c.id, customerId: c.customerId, desired: steps(c).map(toDesired) }));
  await syncPendingReminders(tx, 'expiry', subjects('expiry', (c) => contractLadder(c, config)), nowIso);
  await syncPendingReminders(tx, 'remind', subjects('remind', (c) => remindDateStep(c, config)), nowIso);
}

export async function recomputeRemindersForContracts(ctx: ServiceContext, tx: Tx, contractIds: readonly string[], config?: ReminderConfig) {
  if (contractIds.length === 0) return;
  const loaded = config ?? (await loadReminderConfig(tx));
  await syncContracts(ctx, tx, await contractReminderSources(tx, contractIds), loaded);
  // A contract's deletion or its customer's archiving closes its instalments' reminders too.
  await syncPayments(ctx, tx, await paymentSourcesOf(tx, { contractIds }), loaded);
}

/** The step of a payment reminder: the day after the due date. */
export const PAYMENT_OVERDUE_STEP = -1;

/**
 * 回款逾期: an unpaid instalment is reminded once, the day after its due date at the reminder time (never moved to
 * a working day: that would remind before it is overdue). Paid in full, deleted, or its customer archived: the
 * pending step goes; one that fired stays fired, so paying and undoing the payment never reminds twice.
 */
export function paymentOverdueStep(dueOn: string, config: ReminderConfig): LadderStep[] {
  return computeLadder(dueOn, [PAYMENT_OVERDUE_STEP], { ...config.ladder, shiftToWorkingDay: false }, config.calendar);
}

async function syncPayments(ctx: ServiceContext, tx: Tx, sources: readonly PaymentReminderSource[], config: ReminderConfig) {
  if (sources.length === 0) return;
  const subjects: ReminderSubject[] = sources.map((i) => ({
    kind: 'payment',
    subjectId: i.id,
    customerId: i.customerId,
    desired: i.settled || i.closed ? [] : paymentOverdueStep(i.dueOn, config).map(toDesired),
  }));
  await syncPendingReminders(tx, 'payment', subjects, ctx.now().toISOString());
}

/** After an instalment was set, paid, removed, imported or undone. */
export async function recomputeRemindersForInstalments(ctx: ServiceContext, tx: Tx, instalmentIds: readonly string[]) {
  if (instalmentIds.length === 0) return;
  await syncPayments(ctx, tx, await paymentSourcesOf(tx, { ids: instalmentIds }), await loadReminderConfig(tx));
}

export async function recomputeRemindersForContract(ctx: ServiceContext, tx: Tx, contractId: string) {
  await recomputeRemindersForContracts(ctx, tx, [contractId]);
}

/** The pending and fired occurrences of each subject's reminders of one kind. */
async function occurrencesBySubject(tx: Tx, kind: 'holiday', subjectIds: readonly string[]) {
  // The rows decide the step (a pending one kept, a greeted one skipped): read them as a writer of them.
  await lockReminderWritesShared(tx);
  const pending = new Map<string, string[]>();
  const fired = new Map<string, string[]>();
  for (const r of await remindersOfSubjects(tx, kind, subjectIds)) {
    const into = r.firedAt === null ? pending : fired;
    into.set(r.subjectId, [...(into.get(r.subjectId) ?? []), r.occurrenceDate]);
  }
  return { pending, fired };
}

/** A greeting's one step: `daysAhead` days before the birthday or the holiday (issue 14; the day itself with 0). */
export function greetingStep(occurrence: string, config: ReminderConfig): LadderStep[] {
  return computeLadder(occurrence, [config.greetings.daysAhead], config.ladder, config.calendar);
}

async function syncBirthdays(ctx: ServiceContext, tx: Tx, sources: readonly BirthdaySource[], config: ReminderConfig) {
  const today = localDateOf(ctx.now());
  // The rows decide which years are armed (a fired one is not armed again): read them as a writer of them.
  await lockReminderWritesShared(tx);
  const rows = new Map<string, StoredReminder[]>();
  for (const r of await remindersOfSubjects(
    tx,
    'birthday',
    sources.map((s) => s.id),
  ))
    rows.set(r.subjectId, [...(rows.get(r.subjectId) ?? []), r]);
  const subjects: ReminderSubject[] = sources.map((s) => {
    const occurrences = s.deleted ? [] : birthdayOccurrencesToArm(s.birthday, today, rows.get(s.id) ?? []);
    const desired = occurrences.flatMap((o) => greetingStep(o, config).map(toDesired));
    return { kind: 'birthday', subjectId: s.id, customerId: s.customerId, desired };
  });
  await syncPendingReminders(tx, 'birthday', subjects, ctx.now().toISOString());
}

/**
 * Holiday greetings (kind 'holiday', issue 14): a customer of a greeted tier has one pending step, `daysAhead`
 * days before the next holiday's first day; a pending one that is still a holiday is kept (fires late after a
 * week off), one already greeted is skipped. Another tier, deleted or archived: no step.
 */
export function holidayOccurrence(config: ReminderConfig, today: string, pending: readonly string[], fired: readonly string[]): string | null {
  const kept = pending.find((o) => holidayRunOn(config.holidayRuns, o) !== null);
  if (kept) return kept;
  return nextHolidayRun(config.holidayRuns, today, new Set(fired))?.firstDay ?? null;
}

async function syncHolidays(ctx: ServiceContext, tx: Tx, sources: readonly HolidayGreetingSource[], config: ReminderConfig) {
  if (sources.length === 0) return;
  const today = localDateOf(ctx.now());
  const greeted = new Set(config.greetings.holidayTiers);
  const { pending, fired } = await occurrencesBySubject(
    tx,
    'holiday',
    sources.map((s) => s.id),
  );
  const subjects: ReminderSubject[] = sources.map((s) => {
    const occurrence = s.closed || !greeted.has(s.tier) ? null : holidayOccurrence(config, today, pending.get(s.id) ?? [], fired.get(s.id) ?? []);
    return { kind: 'holiday', subjectId: s.id, customerId: s.id, desired: occurrence ? greetingStep(occurrence, config).map(toDesired) : [] };
  });
  await syncPendingReminders(tx, 'holiday', subjects, ctx.now().toISOString());
}

async function syncFollowUps(ctx: ServiceContext, tx: Tx, sources: readonly FollowUpSource[], config: ReminderConfig) {
  const subjects: ReminderSubject[] = sources.map((f) => ({
    kind: 'followup',
    subjectId: f.id,
    customerId: f.customerId,
    desired: f.closed || !f.nextOn ? [] : computeLadder(f.nextOn, [0], config.ladder, config.calendar).map(toDesired),
  }));
  await syncPendingReminders(tx, 'followup', subjects, ctx.now().toISOString());
}

export async function recomputeRemindersForContacts(ctx: ServiceContext, tx: Tx, contactIds: readonly string[]) {
  await syncBirthdays(ctx, tx, await birthdaySourcesOf(tx, { ids: contactIds }), await loadReminderConfig(tx));
}

export async function recomputeRemindersForContact(ctx: ServiceContext, tx: Tx, contactId: string) {
  await recomputeRemindersForContacts(ctx, tx, [contactId]);
}

export async function recomputeRemindersForFollowUps(ctx: ServiceContext, tx: Tx, followUpIds: readonly string[]) {
  await syncFollowUps(ctx, tx, await followUpSourcesOf(tx, { ids: followUpIds }), await loadReminderConfig(tx));
}

export async function recomputeRemindersForFollowUp(ctx: ServiceContext, tx: Tx, followUpId: string) {
  await recomputeRemindersForFollowUps(ctx, tx, [followUpId]);
}

/** Logging a follow-up closes the customer's earlier open ones and may add a next date. */
export async function recomputeFollowUpRemindersOfCustomer(ctx: ServiceContext, tx: Tx, customerId: string) {
  await syncFollowUps(ctx, tx, await followUpSourcesOf(tx, { customerIds: [customerId] }), await loadReminderConfig(tx));
}

/** A customer's tier, archive, deletion or restore changes all of its contracts, contacts, follow-ups and complaints. */
export async function recomputeRemindersForCustomers(ctx: ServiceContext, tx: Tx, customerIds: readonly string[]) {
  const config = await loadReminderConfig(tx);
  await recomputeRemindersForContracts(ctx, tx, await contractIdsOfCustomers(tx, customerIds), config);
  await syncBirthdays(ctx, tx, await birthdaySourcesOf(tx, { customerIds }), config);
  await syncFollowUps(ctx, tx, await followUpSourcesOf(tx, { customerIds }), config);
  await syncHolidays(ctx, tx, await holidayGreetingSourcesOf(tx, customerIds), config);
  await recomputeSurveyTaskRemindersOfCustomers(ctx, tx, customerIds, config);
  await recomputeComplaintRemindersOfCustomers(ctx, tx, customerIds);
}

/**
 * After tier moves: of a customer's reminders only the expiry ladders follow its tier, so those are recomputed,
 * for every contract of these customers in one pass (one read, one diff, prepared writes); a ladder is worked
 * out once per tier (or override) and end date.
 */
export async function recomputeExpiryLaddersOfCustomers(ctx: ServiceContext, tx: Tx, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  const config = await loadReminderConfig(tx);
  const sources = await contractReminderSourcesOfCustomers(tx, customerIds);
  const ladders = new Map<string, DesiredReminder[]>();
  const subjects: ReminderSubject[] = sources.map((c) => {
    let desired: DesiredReminder[] = [];
    if (contractInactiveReason(c) === null) {
      const key = `${c.overrideSteps ?? c.tier}|${c.endsOn}`;
      desired = ladders.get(key) ?? contractLadder(c, config).map(toDesired);
      ladders.set(key, desired);
    }
    return { kind: 'expiry', subjectId: c.id, customerId: c.customerId, desired };
  });
  await syncPendingRemindersBulk(ctx.db, tx, 'expiry', subjects, ctx.now().toISOString());
}

export async function recomputeRemindersForCustomer(ctx: ServiceContext, tx: Tx, customerId: string) {
  await recomputeRemindersForCustomers(ctx, tx, [customerId]);
}

const PAGE = 2000;

/** After a settings or ladder change: every subject, page by page. */
export async function recomputeAllReminders(ctx: ServiceContext, tx: Tx) {
  // Team mode: alone among the reminder writers, as the tick is. Two clients' full recomputes (say, a ladder saved
  // here and the greeting days there) would otherwise interleave their pages, each from its own settings.
  await lockReminderWritesExclusive(tx);
  const config = await loadReminderConfig(tx);
  for (let after = ''; ; ) {
    const page = await contractReminderSourcePage(tx, after, PAGE);
    if (page.length === 0) break;
    await syncContracts(ctx, tx, page, config);
    after = page[page.length - 1]!.id;
  }
  await syncBirthdays(ctx, tx, await allBirthdaySources(tx), config);
  await syncFollowUps(ctx, tx, await allOpenFollowUpSources(tx), config);
  await syncPayments(ctx, tx, await allUnpaidPaymentSources(tx), config);
  await recomputeAllComplaintReminders(ctx, tx);
  await syncHolidays(ctx, tx, await allHolidayGreetingSources(tx, config.greetings.holidayTiers), config);
  await recomputeAllSurveyTaskReminders(ctx, tx, config);
}
