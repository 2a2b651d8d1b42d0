import { insertNotifications, markDelivered } from '../../../db/repositories/notificationsRepo.ts';
import { markPastStepsMissed, overdueUndecided } from '../../../db/repositories/importedTermReminders.ts';
import type { Tx } from '../../../db/handle.ts';
import { birthdaySourcesOf, contractIdsOfCustomers, followUpSourcesOf } from '../../../db/repositories/reminderSourcesRepo.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { renderIn, msg } from '../../../shared/i18n/message.ts';
import { archiveLocale } from '../archiveLocale.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { recomputeRemindersForContracts, recomputeRemindersForFollowUps } from './recomputeReminders.ts';

// Terms that arrive in bulk (an import, the demo) are history, not news: the steps already due when they
// arrive are recorded as missed and never notified. Instead, one summary in the notification centre counts the
// overdue terms and those already inside their ladder, and opens the 续约 list behind them.

export interface NewTermsSummary {
  overdue: number;
  insideLadder: number;
}

export interface SummaryTarget {
  /** The summary's subject: the import batch (undo removes it with the batch), or 'demo'. */
  subjectId: string;
  url: string;
}

/** `followUpIds`: follow-ups that came in with the terms (the demo's), whose past next dates are history too. */
export async function settleNewTermReminders(
  ctx: ServiceContext,
  tx: Tx,
  contractIds: readonly string[],
  target: SummaryTarget,
  followUpIds: readonly string[] = [],
): Promise<NewTermsSummary> {
  const nowIso = ctx.now().toISOString();
  if (followUpIds.length > 0) {
    await recomputeRemindersForFollowUps(ctx, tx, followUpIds);
    await markPastStepsMissed(tx, followUpIds, nowIso, ['followup']);
  }
  if (contractIds.length === 0) return { overdue: 0, insideLadder: 0 };
  await recomputeRemindersForContracts(ctx, tx, contractIds);
  const missed = await markPastStepsMissed(tx, contractIds, nowIso);
  const overdue = await overdueUndecided(tx, contractIds, localDateOf(ctx.now()));
  const insideLadder = [...missed].filter((id) => !overdue.has(id)).length;
  const summary = { overdue: overdue.size, insideLadder };
  if (summary.overdue + summary.insideLadder > 0) await recordSummary(ctx, tx, summary, target, nowIso);
  return summary;
}

/** Birthday and holiday greetings of customers that arrived in bulk whose greeting day has passed: missed, not fired. */
export async function settleNewGreetings(ctx: ServiceContext, tx: Tx, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  const nowIso = ctx.now().toISOString();
  const contactIds = (await birthdaySourcesOf(tx, { customerIds })).map((s) => s.id);
  await markPastStepsMissed(tx, contactIds, nowIso, ['birthday']);
  await markPastStepsMissed(tx, customerIds, nowIso, ['holiday']);
}

async function recordSummary(ctx: ServiceContext, tx: Tx, summary: NewTermsSummary, target: SummaryTarget, nowIso: string) {
  const locale = await archiveLocale(tx);
  const params = { overdue: summary.overdue, inside: summary.insideLadder };
  const [id] = await insertNotifications(tx, [
    {
      tickId: target.subjectId,
      reminderId: null,
      kind: 'summary',
      subjectId: target.subjectId,
      customerId: null,
      customerName: '',
      step: null,
      dueAt: nowIso,
      firedAt: nowIso,
      title: renderIn(locale, msg('notice.importSummaryTitle', params)),
      body: renderIn(locale, msg('notice.importSummaryBody', params)),
      subjectUrl: target.url,
      titleKey: 'notice.importSummaryTitle',
      bodyKey: 'notice.importSummaryBody',
      messageParams: params,
    },
  ]);
  // Shown in the centre only: the user is at the app, watching the import end; no OS toast later either.
  await markDelivered(tx, [id!], nowIso);
}

/** A customer back from the archive: its steps that fell due while it was archived are missed, not news. */
export async function markMissedWhileAway(ctx: ServiceContext, tx: Tx, customerId: string): Promise<void> {
  const nowIso = ctx.now().toISOString();
  await markPastStepsMissed(tx, await contractIdsOfCustomers(tx, [customerId]), nowIso);
  const followUps = await followUpSourcesOf(tx, { customerIds: [customerId] });
  await markPastStepsMissed(tx, followUps.map((f) => f.id), nowIso, ['followup']);
}
