import { announceChanges } from '../announceChanges.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { refreshMarkedLifecycles, runDailyLifecycle } from './recomputeLifecycle.ts';

/**
 * The reminder scheduler's lifecycle step, after each tick: everyone once a local day (and once after start-up),
 * and any customer still marked (an archive just migrated or restored). Announced only when a stage moved.
 */
export async function lifecycleTick(ctx: ServiceContext): Promise<void> {
  try {
    const daily = await runDailyLifecycle(ctx);
    const marked = await refreshMarkedLifecycles(ctx);
    if ((daily ?? 0) + marked > 0) announceChanges(ctx, 'lifecycle:recompute');
  } catch (e) {
    ctx.logger.warn('lifecycle recompute in the tick failed', e);
  }
}
