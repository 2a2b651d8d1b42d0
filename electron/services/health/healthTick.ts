import { withTransaction } from '../../../db/withTransaction.ts';
import { announceChanges } from '../announceChanges.ts';
import { auditMeta } from '../auditMeta.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { readStoredSetting, saveMarkerSetting } from '../settings/appSettings.ts';
import { dailyTierRunDay } from '../tiers/dailyTierRun.ts';
import { neverScored, recomputeHealthIn, refreshMarkedHealth } from './recomputeHealth.ts';

/**
 * Everyone once a local day: the first tick after 02:00 local time (a start-up after a missed night catches up
 * once), and at once for an archive never scored. Returns how many scores moved, or null when it did not run.
 */
export async function runDailyHealth(ctx: ServiceContext): Promise<number | null> {
  const day = dailyTierRunDay(ctx.now());
  const last = await readStoredSetting(ctx.db, 'healthDailyRun');
  if (typeof last === 'string' && last >= day && !(await neverScored(ctx.db))) return null;
  return withTransaction(ctx.db, async (tx) => {
    const outcome = await recomputeHealthIn(ctx, tx);
    await saveMarkerSetting(tx, 'healthDailyRun', day, auditMeta(ctx, 'update'));
    return outcome.rescored;
  });
}

/**
 * The reminder scheduler's health step after each tick: the daily pass, then anyone still marked. Announced only
 * when a score moved (a measured value alone, such as one more day of silence, is not news to the windows).
 */
export async function healthTick(ctx: ServiceContext): Promise<void> {
  try {
    const daily = await runDailyHealth(ctx);
    const marked = await refreshMarkedHealth(ctx);
    if ((daily ?? 0) + marked > 0) announceChanges(ctx, 'health:recompute');
  } catch (e) {
    ctx.logger.warn('health recompute in the tick failed', e);
  }
}
