import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import { EVERY_DOMAIN } from './apiDomains.ts';
import { idField, isoDate } from './fields.ts';
import { BACKUP_NAME_RE } from '../domain/backupName.ts';

/** A backup as the list shows it: its file name in the archive's backups folder, never a path to use. */
export const backupFileSchema = z.object({
  name: z.string(),
  /** Why it was taken: manual, auto, pre-import, pre-undo-import, pre-restore, pre-migrate-v9, … */
  reason: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
});
export type BackupFile = z.infer<typeof backupFileSchema>;

/** What a restore replaced the data with, and the backup of the data it replaced (a name in the list). */
// attachmentsMissing: attachment files the restored data references that are nowhere here (an older or plain file
// does not carry them).
const restoreResultSchema = z.object({ restoredFrom: z.string(), safetyBackup: z.string(), attachmentsMissing: z.number().int() });

/** An encrypted export's rules; restoring takes any passphrase, so a file made under other rules still opens. */
export const MIN_PASSPHRASE_LENGTH = 8;
const passphraseField = z.string().max(1024, issue('validation.max', { max: 1024 }));

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
  /** Replaces all data with a backup from the list (by name); the current data is backed up first. */
  'system:restore': {
    input: z.object({ name: z.string().max(255).regex(BACKUP_NAME_RE, issue('backups.nameInvalid')) }),
    output: restoreResultSchema,
    changes: EVERY_DOMAIN,
  },
  /**
   * The same from a file the user has (a backup from another machine, or an encrypted export), sent first through
   * import:upload; an encrypted one needs its passphrase. The upload is discarded either way.
   */
  'system:restoreUpload': {
    input: z.object({ uploadId: idField, passphrase: passphraseField.min(1, issue('backups.passphraseNeeded')).optional() }),
    output: restoreResultSchema,
    changes: EVERY_DOMAIN,
  },
  /** The whole archive, encrypted with a passphrase (scrypt + AES-256-GCM), as bytes for the caller to save. */
  'system:exportEncrypted': {
    input: z.object({
      passphrase: passphraseField.min(MIN_PASSPHRASE_LENGTH, issue('backups.passphraseTooShort', { min: MIN_PASSPHRASE_LENGTH })),
    }),
    // attachments: the files it carries; attachmentsMissing: referenced ones it could not (nowhere, or damaged on disk).
    output: z.object({
      fileName: z.string(),
      sizeBytes: z.number().int(),
      attachments: z.number().int(),
      attachmentsMissing: z.number().int(),
      contentBase64: z.string(),
    }),
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
  // 'messages': the built-in message wording follows the archive's language (issue 14).
  'settings:set': { input: settingsSchema.partial(), output: settingsSchema, changes: ['settings', 'reminders', 'renewals', 'notifications', 'messages'] },
} as const;
