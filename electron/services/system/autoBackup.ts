import { listBackups } from '../../../db/backups.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { backupNow } from './system.service.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** At start-up: a backup unless one was taken in the last 24 hours, so a bad day can always be rolled back (db/backupRetention.ts decides how long each is kept). */
export async function autoBackupIfDue(ctx: ServiceContext): Promise<void> {
  const newest = listBackups(ctx.backupsDir)[0];
  if (newest && ctx.now().getTime() - Date.parse(newest.createdAt) < DAY_MS) return;
  try {
    await backupNow(ctx, 'auto');
  } catch (e) {
    ctx.logger.warn('automatic backup failed', e);
  }
}
