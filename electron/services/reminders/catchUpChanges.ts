import type { Tx } from '../../../db/handle.ts';
import { saveSubjectChangeMarks, scanSubjectChanges } from '../../../db/repositories/reminderSourcesRepo.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { SETTING_KEYS } from './reminderConfig.ts';
import {
  recomputeAllReminders,
  recomputeRemindersForContacts,
  recomputeRemindersForContracts,
  recomputeRemindersForCustomers,
  recomputeRemindersForFollowUps,
  recomputeRemindersForInstalments,
} from './recomputeReminders.ts';

/**
 * The services recompute reminders inside every write they make; imports, undo and restores write through
 * bulk paths that do not. So each tick first recomputes whatever was written after the latest write it saw.
 * Writes serialize behind BEGIN IMMEDIATE, so a later write carries a later stamp; only two writers stamping
 * the very same millisecond could slip past, and the next write to that subject catches it up.
 */
export async function catchUpChanges(ctx: ServiceContext, tx: Tx): Promise<number> {
  const scan = await scanSubjectChanges(tx, SETTING_KEYS.watermark);
  if (scan.total === 0) return 0;
  if (scan.firstLook) {
    // The first look at a database: everything counts as changed, and one pass over it all is cheaper.
    await recomputeAllReminders(ctx, tx);
  } else {
    await recomputeRemindersForContracts(ctx, tx, scan.changed.contracts);
    await recomputeRemindersForCustomers(ctx, tx, scan.changed.customers);
    await recomputeRemindersForContacts(ctx, tx, scan.changed.contacts);
    await recomputeRemindersForFollowUps(ctx, tx, scan.changed.followUps);
    await recomputeRemindersForInstalments(ctx, tx, scan.changed.instalments);
  }
  await saveSubjectChangeMarks(tx, SETTING_KEYS.watermark, scan, ctx.now().toISOString());
  return scan.total;
}
