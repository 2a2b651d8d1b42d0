import { changesOf, type ApiName } from '../../shared/api/apiContract.ts';
import type { ServiceContext } from './serviceContext.ts';

/**
 * Tells every window what a successful `name` changed, as its contract declares: one 'data:changed', none for
 * a read. The dispatcher calls it after each call; the reminder scheduler, whose ticks are `reminders:run`
 * started by a timer, calls it for them.
 */
export function announceChanges(ctx: ServiceContext, name: ApiName): void {
  const domains = changesOf(name);
  if (domains.length > 0) ctx.emit('data:changed', { domains: [...domains] });
}
