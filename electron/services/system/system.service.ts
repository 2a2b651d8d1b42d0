import type { BackupFile, Settings, SystemInfo } from '../../../shared/api/system.contract.ts';
import { listBackups } from '../../../db/backups.ts';
import { backupDatabase } from '../../../db/openDatabase.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { countLiveCustomers } from '../../../db/repositories/customersRepo.ts';
import { readSetting, writeSetting } from '../../../db/repositories/settingsRepo.ts';
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

const DEFAULT_SETTINGS: Settings = { locale: 'zh-CN' };

export async function readSettings(ctx: ServiceContext): Promise<Settings> {
  const locale = await readSetting(ctx.db, 'locale');
  return { ...DEFAULT_SETTINGS, ...(locale === 'zh-CN' || locale === 'en-US' ? { locale } : {}) };
}

export async function writeSettings(ctx: ServiceContext, patch: Partial<Settings>): Promise<Settings> {
  await withTransaction(ctx.db, async (tx) => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) await writeSetting(tx, key, value, auditMeta(ctx, 'update'));
    }
  });
  return readSettings(ctx);
}
