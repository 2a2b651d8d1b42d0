import type { NotificationItem } from '../../../shared/api/reminders.contract.ts';
import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { localDueInstant } from '../../../shared/reminders/localDueInstant.ts';
import { nextWorkingDayAfter } from '../../../shared/reminders/workingDays.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import type { Tx } from '../../../db/handle.ts';
import { closeReminder, getReminder, rearmReminder } from '../../../db/repositories/remindersRepo.ts';
import { mailStatesFor, type MailState } from '../../../db/repositories/mailOutboxRepo.ts';
import { countUnread, getNotification, listNotifications, markRead, markReadForReminder } from '../../../db/repositories/notificationsRepo.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { loadReminderConfig } from './reminderConfig.ts';
import { storedNotificationText } from './reminderText.ts';

async function requireStep(tx: Tx, reminderId: string) {
  const step = await getReminder(tx, reminderId);
  if (!step) throw new AppError('NOT_FOUND', msg('errors.reminderMissing'), 'reminderId');
  return step;
}

/** What the tray and the bell show: notifications not yet read. */
export function unreadNotificationCount(ctx: ServiceContext): Promise<number> {
  return countUnread(ctx.db);
}

async function announce(ctx: ServiceContext): Promise<void> {
  ctx.emit('notifications:changed', { unread: await unreadNotificationCount(ctx) });
}

/**
 * Snooze re-arms the step: it fires once more at `until`, or at the configured time on the next working day.
 * Recomputation leaves a snoozed step's instant alone; only a change to its contract's dates replaces it.
 */
export async function snoozeReminder(ctx: ServiceContext, input: ApiParsedInput<'reminders:snooze'>) {
  const now = ctx.now();
  const result = await withTransaction(ctx.db, async (tx) => {
    const step = await requireStep(tx, input.reminderId);
    if (step.doneAt !== null) throw new AppError('VALIDATION', msg('errors.reminderDone'), 'reminderId');
    let until: Date;
    if (input.until) {
      until = new Date(input.until);
      if (until.getTime() <= now.getTime()) throw new AppError('VALIDATION', msg('errors.snoozeInPast'), 'until');
    } else {
      const config = await loadReminderConfig(tx);
      until = localDueInstant(nextWorkingDayAfter(localDateOf(now), config.calendar), config.ladder.timeOfDay);
    }
    await rearmReminder(tx, step.id, until.toISOString(), now.toISOString());
    await markReadForReminder(tx, step.id, now.toISOString());
    return { reminderId: step.id, dueAt: until.toISOString() };
  });
  await announce(ctx);
  return result;
}

/** Done closes the step for good: it never fires again, and its notifications count as read. */
export async function completeReminder(ctx: ServiceContext, reminderId: string) {
  await withTransaction(ctx.db, async (tx) => {
    const step = await requireStep(tx, reminderId);
    await closeReminder(tx, step.id, ctx.now().toISOString());
    await markReadForReminder(tx, step.id, ctx.now().toISOString());
  });
  await announce(ctx);
  return { reminderId };
}

export async function listNotificationItems(ctx: ServiceContext, input: ApiParsedInput<'notifications:list'>) {
  const { rows, total, unread } = await listNotifications(ctx.db, input);
  // Worded now, in the archive's language of the moment: switching the language rewords the whole centre.
  const { locale, templates } = await loadReminderConfig(ctx.db);
  const mail = new Map<string, MailState[]>();
  for (const m of await mailStatesFor(ctx.db, rows.map((r) => r.id))) mail.set(m.notificationId, [...(mail.get(m.notificationId) ?? []), m]);
  const items: NotificationItem[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind as NotificationItem['kind'],
    reminderId: r.reminderId,
    subjectId: r.subjectId,
    customerId: r.customerId,
    step: r.step,
    ...storedNotificationText(r, locale, templates),
    subjectUrl: r.subjectUrl,
    dueAt: r.dueAt,
    firedAt: r.firedAt,
    deliveredAt: r.deliveredAt,
    readAt: r.readAt,
    // The step can still be acted on while it is the one this notification fired and it is not closed.
    actionable: r.subjectGone !== 1 && r.reminderFiredAt !== null && r.reminderDoneAt === null && r.reminderDueAt === r.dueAt,
    subjectGone: r.subjectGone === 1,
    mail: (mail.get(r.id) ?? []).map(({ recipient, status, attempts, nextAttemptAt, lastError, sentAt }) => ({ recipient, status, attempts, nextAttemptAt, lastError, sentAt })),
  }));
  return { items, total, unread };
}

export async function markNotificationsRead(ctx: ServiceContext, input: ApiParsedInput<'notifications:markRead'>) {
  const marked = await withTransaction(ctx.db, (tx) => markRead(tx, input.all ? 'all' : (input.ids ?? []), ctx.now().toISOString(), input.ownerId));
  await announce(ctx);
  return { marked, unread: await countUnread(ctx.db, input.ownerId) };
}

export async function openNotification(ctx: ServiceContext, id: string) {
  const n = await getNotification(ctx.db, id);
  if (!n) throw new AppError('NOT_FOUND', msg('errors.notificationMissing'), 'id');
  await withTransaction(ctx.db, (tx) => markRead(tx, [id], ctx.now().toISOString()));
  await announce(ctx);
  return { subjectUrl: n.subjectUrl };
}
