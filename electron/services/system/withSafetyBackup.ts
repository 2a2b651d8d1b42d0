import { removeBackup } from '../../../db/backups.ts';
import { archiveIsOnServer } from '../../../db/openDatabase.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { backupNow } from './system.service.ts';

/**
 * Runs an action that changes many rows at once (an import, an undo, a cascading delete) behind a backup named for
 * it (`pre-import`, …), taken with the online backup API before the action's transaction. No backup, no action:
 * the user is told and nothing changes. When the action fails or turns out to change nothing (`changed` says), the
 * backup goes again, so the list shows only backups from before something that happened.
 *
 * A team archive (PostgreSQL) takes none: its server's dumps back it up, and the action is one transaction that its
 * undo reverses; a pg_dump of the whole database before every import would cost more than the import.
 */
export async function withSafetyBackup<T>(
  ctx: ServiceContext,
  reason: string,
  action: () => Promise<T>,
  changed: (result: T) => boolean = () => true,
): Promise<T> {
  if (archiveIsOnServer(ctx.db)) {
    ctx.logger.info(`no local backup before ${reason}: a team archive is backed up by its server`);
    return action();
  }
  let backupName: string;
  try {
    backupName = (await backupNow(ctx, reason)).name;
  } catch (e) {
    ctx.logger.error(`backup before ${reason} failed`, e);
    throw new AppError('INTERNAL', msg('backups.preActionFailed', { detail: e instanceof Error ? e.message : String(e) }), null);
  }
  let keep = false;
  try {
    const result = await action();
    keep = changed(result);
    return result;
  } finally {
    if (!keep) removeBackup(ctx.backupsDir, backupName);
  }
}
