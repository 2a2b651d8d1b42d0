import { currentZoneName, localDueInstant } from '../../../shared/reminders/localDueInstant.ts';
import type { Tx } from '../../../db/handle.ts';
import { pendingScheduleRows, setDueAt } from '../../../db/repositories/remindersRepo.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { writeMarker } from '../../../db/repositories/reminderSourcesRepo.ts';
import { readStoredSetting, SETTING_KEYS } from '../settings/appSettings.ts';

/**
 * Due instants are derived from a local date and time of day in the machine's zone. When the zone changes
 * (a laptop taken to another zone, or a changed system setting), every pending instant is derived again, so
 * 09:00 stays 09:00 where the user now is. Snoozed steps keep the exact instant the user chose.
 */
export async function ensureZoneCurrent(ctx: ServiceContext, tx: Tx): Promise<boolean> {
  const zone = currentZoneName();
  const stored = await readStoredSetting(tx, 'zone');
  if (stored === zone) return false;
  const nowIso = ctx.now().toISOString();
  for (const row of await pendingScheduleRows(tx)) {
    const dueAt = localDueInstant(row.localDate, row.timeOfDay).toISOString();
    if (dueAt !== row.dueAt) await setDueAt(tx, row.id, dueAt, nowIso);
  }
  await writeMarker(tx, SETTING_KEYS.zone, zone, nowIso);
  return true;
}
