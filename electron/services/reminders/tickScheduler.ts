import { announceChanges } from '../announceChanges.ts';
import { archiveLocale } from '../archiveLocale.ts';
import { lifecycleTick } from '../lifecycle/lifecycleTick.ts';
import { healthTick } from '../health/healthTick.ts';
import { deliverMail } from '../mail/deliverMail.ts';
import type { Notifier } from '../notifier/notifier.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { runDailyTierClassification } from '../tiers/dailyTierRun.ts';
import { deliverOutbox } from './deliverOutbox.ts';
import { unreadNotificationCount } from './reminderActions.ts';
import { digestRequest } from './reminderText.ts';
import { runReminderTick, type TickHooks, type TickOutcome } from './reminderTick.ts';

/**
 * Claims what is due, then (after the commit) delivers this tick's toast and tells the UI. `onChanged` hears
 * when the tick wrote something the UI shows: after the commit, and again once delivery marked the toasts.
 */
export async function tickAndDeliver(
  ctx: ServiceContext,
  notifier: Notifier | undefined,
  options: { now?: Date; hooks?: TickHooks | undefined; onChanged?: () => void } = {},
): Promise<TickOutcome> {
  const outcome = await runReminderTick(ctx, options);
  if (outcome.fired.length === 0) {
    if (outcome.superseded.length > 0) options.onChanged?.();
    return outcome;
  }
  options.hooks?.reached('after-commit-before-notify');
  const request =
    outcome.fired.length === 1
      ? { title: outcome.fired[0]!.text.title, body: outcome.fired[0]!.text.body }
      : digestRequest(outcome.fired, await archiveLocale(ctx.db));
  ctx.emit('reminders:fired', { count: outcome.fired.length, digest: outcome.digest, notificationIds: outcome.notificationIds, ...request });
  ctx.emit('notifications:changed', { unread: await unreadNotificationCount(ctx) });
  options.onChanged?.();
  if (notifier) {
    await deliverOutbox(ctx, notifier, { tickId: outcome.tickId, hooks: options.hooks });
    // The centre shows whether the toast went out; tell it the delivery result too.
    options.onChanged?.();
  }
  return outcome;
}

export interface SchedulerOptions {
  /** Between ticks; a minute by default. Short on purpose: one long setTimeout overflows after 24.8 days. */
  intervalMs?: number;
  hooks?: TickHooks;
  onTick?: (outcome: TickOutcome) => void;
  /** Runs each tick in the owner's queue of writes, so a tick waits for an import instead of meeting its lock. */
  serialize?: (work: () => Promise<void>) => Promise<void>;
}

export interface Scheduler {
  /** Runs a tick now (after any running one); what electron/main calls on resume from sleep. */
  tick(reason?: string): Promise<void>;
  /** No new ticks; resolves once the tick in flight (if any) has finished, so the database can close under none. */
  stop(): Promise<void>;
}

/**
 * The reminder loop: at start-up it redelivers whatever an earlier run left undelivered, then ticks; then it
 * ticks every interval and whenever the host says the machine woke up. Ticks never overlap.
 */
export function startScheduler(ctx: ServiceContext, notifier: Notifier, options: SchedulerOptions = {}): Scheduler {
  // Capped at an hour: a timer past 2^31 ms silently fires at once, and a long wait would hide a missed resume.
  const intervalMs = Math.min(options.intervalMs ?? 60_000, 3_600_000);
  let stopped = false;
  let chain: Promise<void> = Promise.resolve();
  const serialize = options.serialize ?? ((work: () => Promise<void>) => work());
  const tickOnce = async (reason: string, startUp: boolean): Promise<void> => {
    if (stopped) return;
    try {
      if (startUp) await deliverOutbox(ctx, notifier, { hooks: options.hooks });
      // A tick is `reminders:run` started by the timer, so it announces what that operation declares.
      const outcome = await tickAndDeliver(ctx, notifier, { hooks: options.hooks, onChanged: () => announceChanges(ctx, 'reminders:run') });
      options.onTick?.(outcome);
    } catch (e) {
      // A busy database or a failed toast must not stop the loop; the next tick claims what this one could not.
      ctx.logger.warn(`reminder tick (${reason}) failed`, e);
    }
    try {
      // The owners' e-mail copies: this tick's, and any earlier one's whose retry is due. The centre shows the outcome.
      const mail = await deliverMail(ctx);
      if (mail.sent + mail.failed + mail.gaveUp > 0) announceChanges(ctx, 'reminders:run');
    } catch (e) {
      ctx.logger.warn(`reminder e-mail (${reason}) failed`, e);
    }
    await lifecycleTick(ctx);
    await healthTick(ctx);
    try {
      // Tiers by rule, once a day: the first tick after 02:00 local time (a start-up catches a missed night up).
      await runDailyTierClassification(ctx);
    } catch (e) {
      ctx.logger.warn(`daily tier classification (${reason}) failed`, e);
    }
  };
  const run = (reason: string, startUp = false): Promise<void> => {
    chain = chain.then(() => serialize(() => tickOnce(reason, startUp)));
    return chain;
  };
  void run('start-up', true);
  const timer = setInterval(() => void run('interval'), intervalMs);
  timer.unref?.();
  return {
    tick: (reason = 'manual') => run(reason),
    stop() {
      stopped = true;
      clearInterval(timer);
      return chain;
    },
  };
}
