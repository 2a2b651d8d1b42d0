import { withTransaction } from '../../../db/withTransaction.ts';
import { markDelivered, recordDeliveryFailure, undeliveredNotifications, type StoredNotification } from '../../../db/repositories/notificationsRepo.ts';
import type { Notifier, NotificationRequest } from '../notifier/notifier.ts';
import type { ServiceContext } from '../serviceContext.ts';
import type { Locale } from '../../../shared/i18n/enumLabels.ts';
import type { TierMap } from '../../../shared/reminders/reminderLadder.ts';
import { loadReminderConfig } from './reminderConfig.ts';
import { digestRequest, storedNotificationText } from './reminderText.ts';
import type { TickHooks } from './reminderTick.ts';

export interface DeliveryReport {
  delivered: number;
  failed: number;
  requests: NotificationRequest[];
}

/** A toast is worded when it goes out, in the archive's language then (a start-up redelivery included). */
function requestFor(group: readonly StoredNotification[], locale: Locale, templates: TierMap<string>): NotificationRequest {
  if (group.length === 1) {
    const n = group[0]!;
    return { ...storedNotificationText(n, locale, templates), ...(n.subjectUrl ? { subjectUrl: n.subjectUrl } : {}) };
  }
  return digestRequest(group, locale);
}

/**
 * Hands outbox rows to the OS, one toast per tick (a digest when the tick fired two or more), and marks them
 * delivered only after the notifier accepted them. A crash between the two means the toast is shown again
 * after restart: delivery is at-least-once, the in-app record exactly-once. A refused toast stays undelivered
 * (with its error) for the next start-up.
 */
export async function deliverOutbox(
  ctx: ServiceContext,
  notifier: Notifier,
  options: { tickId?: string; hooks?: TickHooks | undefined } = {},
): Promise<DeliveryReport> {
  const rows = await undeliveredNotifications(ctx.db, options.tickId);
  const groups = new Map<string, StoredNotification[]>();
  for (const n of rows) groups.set(n.tickId, [...(groups.get(n.tickId) ?? []), n]);
  const report: DeliveryReport = { delivered: 0, failed: 0, requests: [] };
  if (groups.size === 0) return report;
  const { locale, templates } = await loadReminderConfig(ctx.db);
  for (const group of groups.values()) {
    const request = requestFor(group, locale, templates);
    const ids = group.map((n) => n.id);
    try {
      await notifier.notify(request);
    } catch (e) {
      report.failed += ids.length;
      ctx.logger.warn(`notification delivery failed; kept for the next start-up: ${e instanceof Error ? e.message.split('\n').slice(-2).join(' ') : String(e)}`);
      await withTransaction(ctx.db, (tx) => recordDeliveryFailure(tx, ids, e instanceof Error ? e.message : String(e), ctx.now().toISOString()));
      continue;
    }
    report.requests.push(request);
    options.hooks?.reached('mid-delivery');
    await withTransaction(ctx.db, (tx) => markDelivered(tx, ids, ctx.now().toISOString()));
    report.delivered += ids.length;
  }
  return report;
}
