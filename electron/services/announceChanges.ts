import { changesOf, type ApiDomain, type ApiName } from '../../shared/api/apiContract.ts';
import type { ServiceContext } from './serviceContext.ts';

/**
 * Tells every window what a successful `name` changed, as its contract declares: one 'data:changed', none for
 * a read. The dispatcher calls it after each call; the reminder scheduler, whose ticks are `reminders:run`
 * started by a timer, calls it for them. `alsoChanged`: domains a write changed beyond its contract (derived data
 * it made stale, such as the health score of the customers it touched).
 */
export function announceChanges(ctx: ServiceContext, name: ApiName, alsoChanged: readonly ApiDomain[] = []): void {
  const domains = [...new Set([...changesOf(name), ...alsoChanged])];
  if (domains.length > 0) ctx.emit('data:changed', { domains });
}
