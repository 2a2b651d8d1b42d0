import { addDaysIso, localDateOf } from '../../../shared/domain/dates.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { announceChanges } from '../announceChanges.ts';
import { auditMeta } from '../auditMeta.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { readStoredSetting, saveMarkerSetting } from '../settings/appSettings.ts';
import { classifyTiers } from './tierClassification.ts';

/**
 * The day whose run is due at `now`: today from 02:00 local time, yesterday before it. A run is due when the
 * last one was for an earlier day, so the first tick after 02:00 runs it, and a start-up after a missed night
 * catches up once.
 */
export function dailyTierRunDay(now: Date): string {
  const today = localDateOf(now);
  return now.getHours() >= 2 ? today : addDaysIso(today, -1);
}

/** Called by the reminder scheduler at every tick: runs the day's classification once. Returns whether it ran. */
export async function runDailyTierClassification(ctx: ServiceContext): Promise<boolean> {
  const day = dailyTierRunDay(ctx.now());
  const last = await readStoredSetting(ctx.db, 'tierDailyRun');
  if (typeof last === 'string' && last >= day) return false;
  // No limit on the moves: the apply writes in bulk (db/bulk/bulkTierWrite.ts), so even a first run over an archive
  // whose tiers were all set by hand (57k moves on the 100k bench archive) is one pass of seconds (README,
  // bench:classify), not the minutes of one audited write per customer it used to be.
  const result = await classifyTiers(ctx, { dryRun: false, limit: 1 });
  if (result.total > 0) ctx.logger.info(`daily tier classification: ${result.total} customers moved`);
  await withTransaction(ctx.db, (tx) => saveMarkerSetting(tx, 'tierDailyRun', day, auditMeta(ctx, 'update')));
  // Only a tier that moved is news to the windows; a stored reason alone is not.
  if (result.total > 0) announceChanges(ctx, 'tiers:classify');
  return true;
}
