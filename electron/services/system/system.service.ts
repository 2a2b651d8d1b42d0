import type { BackupFile, Settings, SystemInfo } from '../../../shared/api/system.contract.ts';
import { listBackups } from '../../../db/backups.ts';
import { backupDatabase } from '../../../db/openDatabase.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { countLiveCustomers } from '../../../db/repositories/customersRepo.ts';
import { readLocaleSetting, saveSetting } from '../settings/appSettings.ts';
import { auditMeta } from '../auditMeta.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { APP_VERSION } from '../appVersion.ts';

export async function systemInfo(ctx: ServiceContext): Promise<SystemInfo> {
  return {
    appVersion: APP_VERSION,
    dataFile: ctx.dataFile,
    backupsDir: ctx.backupsDir,
    schemaVersion: ctx.schemaVersion,
    customerCount: await countLiveCustomers(ctx.db),
    integrity: ctx.integrity,
  };
}

export async function backupNow(ctx: ServiceContext, reason = 'manual'): Promise<BackupFile> {
  return backupDatabase(ctx.db, ctx.backupsDir, ctx.now(), reason);
}

export function backupList(ctx: ServiceContext) {
  const items = listBackups(ctx.backupsDir);
  return { items, total: items.length };
}

export async function readSettings(ctx: ServiceContext): Promise<Settings> {
  return { locale: await readLocaleSetting(ctx.db) };
}

/** Each setting by its own key, through the one settings writer (electron/services/settings/appSettings.ts). */
export async function writeSettings(ctx: ServiceContext, patch: Partial<Settings>): Promise<Settings> {
  await withTransaction(ctx.db, async (tx) => {
    if (patch.locale !== undefined) await saveSetting(tx, 'locale', patch.locale, auditMeta(ctx, 'update'));
  });
  return readSettings(ctx);
}
