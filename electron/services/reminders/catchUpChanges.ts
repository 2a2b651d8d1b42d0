import type { Tx } from '../../../db/handle.ts';
import { changedSince, writeMarker, type WatchedTable } from '../../../db/repositories/reminderSourcesRepo.ts';
import { readSetting } from '../../../db/repositories/settingsRepo.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { SETTING_KEYS } from './reminderConfig.ts';
import {
  recomputeAllReminders,
  recomputeRemindersForContacts,
  recomputeRemindersForContracts,
  recomputeRemindersForCustomers,
  recomputeRemindersForFollowUps,
} from './recomputeReminders.ts';

const TABLES: readonly WatchedTable[] = ['contracts', 'customers', 'contacts', 'follow_ups'];
type Marks = Partial<Record<WatchedTable, string>>;

/**
 * The services recompute reminders inside every write they make; imports, undo and restores write through
 * bulk paths that do not. So each tick first recomputes whatever was written after the latest write it saw.
 * Writes serialize behind BEGIN IMMEDIATE, so a later write carries a later stamp; only two writers stamping
 * the very same millisecond could slip past, and the next write to that subject catches it up.
 */
export async function catchUpChanges(ctx: ServiceContext, tx: Tx): Promise<number> {
  const stored = (await readSetting(tx, SETTING_KEYS.watermark)) as Marks | undefined;
  const marks: Marks = stored ?? {};
  const next: Marks = { ...marks };
  const changed: Record<WatchedTable, string[]> = { contracts: [], customers: [], contacts: [], follow_ups: [] };
  for (const table of TABLES) {
    const { ids, latest } = await changedSince(tx, table, marks[table] ?? '');
    changed[table] = ids;
    if (latest) next[table] = latest;
  }
  const total = TABLES.reduce((n, t) => n + changed[t].length, 0);
  if (total === 0) return 0;
  if (!stored) {
    // The first look at a database: everything counts as changed, and one pass over it all is cheaper.
    await recomputeAllReminders(ctx, tx);
  } else {
    await recomputeRemindersForContracts(ctx, tx, changed.contracts);
    await recomputeRemindersForCustomers(ctx, tx, changed.customers);
    await recomputeRemindersForContacts(ctx, tx, changed.contacts);
    await recomputeRemindersForFollowUps(ctx, tx, changed.follow_ups);
  }
  if (TABLES.some((t) => next[t] !== marks[t]) || !stored) await writeMarker(tx, SETTING_KEYS.watermark, next, ctx.now().toISOString());
  return total;
}
