import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import { EVERY_DOMAIN } from './apiDomains.ts';
import { isoDate } from './fields.ts';

export const backupFileSchema = z.object({ file: z.string(), sizeBytes: z.number(), createdAt: z.string() });
export type BackupFile = z.infer<typeof backupFileSchema>;

export const systemInfoSchema = z.object({
  appVersion: z.string(),
  dataFile: z.string(),
  backupsDir: z.string(),
  schemaVersion: z.number(),
  customerCount: z.number(),
  integrity: z.string(),
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;

export const settingsSchema = z.object({ locale: z.enum(['zh-CN', 'en-US']) });
export type Settings = z.infer<typeof settingsSchema>;

export const systemContract = {
  'system:info': { input: z.object({}), output: systemInfoSchema },
  /** What the archive's owner is busy with (a long write such as an import), if anything; other writes wait for it. */
  'system:status': {
    input: z.object({}),
    output: z.object({ busy: z.object({ operation: z.string(), since: z.string() }).nullable() }),
  },
  'system:init': { input: z.object({}), output: z.object({ dataFile: z.string(), schemaVersion: z.number() }) },
  'system:backup': { input: z.object({}), output: backupFileSchema, changes: ['system'] },
  'system:listBackups': { input: z.object({}), output: z.object({ items: z.array(backupFileSchema), total: z.number() }) },
  'system:restore': {
    input: z.object({ file: z.string().min(1, issue('validation.backupFile')) }),
    output: z.object({ restoredFrom: z.string(), safetyBackup: z.string() }),
    changes: EVERY_DOMAIN,
  },
  /** Loads about 200 realistic customers; idempotent, dates relative to `today` (default: the local date). */
  'system:demo': {
    input: z.object({ today: isoDate.optional() }),
    output: z.object({
      customersCreated: z.number(),
      contractsCreated: z.number(),
      followUpsCreated: z.number(),
      alreadyLoaded: z.boolean(),
    }),
    changes: EVERY_DOMAIN,
  },
  'settings:get': { input: z.object({}), output: settingsSchema },
  // Default wording (reminder templates, lost reasons) and the notification centre's texts follow the
  // language, so those views change with it.
  'settings:set': { input: settingsSchema.partial(), output: settingsSchema, changes: ['settings', 'reminders', 'renewals', 'notifications'] },
} as const;
