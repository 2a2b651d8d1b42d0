// Restoring replaces all data, so it goes: a private copy in the staging folder → checked → the current data backed
// up → the copy swapped in while the connection is closed (ctx.reopenAfter). The backup or upload it came from is
// never opened, and the copy is removed whatever happens, so nothing is left beside either.
import fs from 'node:fs';
import { placeStagedAttachments, restoreAttachmentsOfBackup, settleRestoredAttachments } from '../../../db/attachmentStore.ts';
import { crashHooksOf } from '../../../db/crashHooks.ts';
import { archiveIsOnServer } from '../../../db/openDatabase.ts';
import {
  backupFileByName,
  removeDatabaseFiles,
  replaceDataFile,
  restoreCandidatePath,
  verifyRestoreCandidate,
} from '../../../db/backups.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { discardUpload, stagedUpload } from '../import/uploads/uploadStaging.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { withStagingScratch } from '../stagingScratch.ts';
import { unpackArchiveInto } from './archiveFrames.ts';
import { DATABASE_ONLY_FORMAT_VERSION, decryptBackupFile, decryptSealedFile, gunzipFile, readSealedHeader, sniffBackupFile } from './backupEncryption.ts';
import { backupNow } from './system.service.ts';

export interface RestoreResult {
  restoredFrom: string;
  safetyBackup: string;
  /** Attachment files the restored data references that are nowhere here: the file restored did not carry them. */
  attachmentsMissing: number;
}

interface RestoreSource {
  /** How messages name it: the backup's or the uploaded file's name. */
  label: string;
  /** The input field a bad source is blamed on. */
  field: string;
  /** Writes the bytes to restore at `candidate`; an encrypted export also answers where its checked attachment files wait. */
  produce(candidate: string): Promise<{ attachmentsDir: string } | void>;
}

/** Swaps `candidate` in; if the result does not open (a migration of an old file fails), the safety copy goes back. */
async function swapIn(ctx: ServiceContext, candidate: string, safetyName: string): Promise<void> {
  const hooks = crashHooksOf(ctx.db);
  try {
    await ctx.reopenAfter(async () => replaceDataFile(candidate, ctx.dataFile, hooks));
  } catch (e) {
    ctx.logger.error('restored data did not open; putting the data from before the restore back', e);
    const back = restoreCandidatePath(ctx.stagingDir);
    try {
      fs.copyFileSync(backupFileByName(ctx.backupsDir, safetyName), back);
      await ctx.reopenAfter(async () => replaceDataFile(back, ctx.dataFile));
    } finally {
      removeDatabaseFiles(back);
    }
    const detail = e instanceof AppError ? e.message : e instanceof Error ? e.message : String(e);
    throw new AppError('DB_CORRUPT', msg('backups.restoreRolledBack', { detail }), null);
  }
}

/**
 * A team archive (PostgreSQL) is not swapped for a file: the others' clients are connected to it, and its admin
 * restores the server's database (pg_restore of a .pgdump, or migrate-to from a file) with everyone's knowledge.
 */
function refuseOnServer(ctx: ServiceContext, field: string): void {
  if (archiveIsOnServer(ctx.db)) throw new AppError('VALIDATION', msg('backups.restoreTeamArchive'), field);
}

async function restoreFrom(ctx: ServiceContext, source: RestoreSource, restoredFrom: string): Promise<RestoreResult> {
  const candidate = restoreCandidatePath(ctx.stagingDir);
  try {
    const produced = await source.produce(candidate);
    verifyRestoreCandidate(candidate, source.label, source.field);
    const safety = await backupNow(ctx, 'pre-restore');
    // After the safety backup (which removes the live files the current data does not reference) and before the
    // swap: the restored data never points at a file that is not there yet. Should the swap fail, they are extra
    // files the next backup keeps and clears.
    if (produced) placeStagedAttachments(produced.attachmentsDir, ctx.dataFile);
    await swapIn(ctx, candidate, safety.name);
    return { restoredFrom, safetyBackup: safety.name, attachmentsMissing: 0 };
  } finally {
    removeDatabaseFiles(candidate);
  }
}

/** Restores a backup from the list, by its name. */
export async function restoreBackup(ctx: ServiceContext, name: string): Promise<RestoreResult> {
  refuseOnServer(ctx, 'name');
  const file = backupFileByName(ctx.backupsDir, name);
  const result = await restoreFrom(ctx, { label: name, field: 'name', produce: async (candidate) => fs.copyFileSync(file, candidate) }, name);
  // After the swap: the safety backup before it removed the live files the data of then did not reference.
  restoreAttachmentsOfBackup(ctx.backupsDir, name, ctx.dataFile);
  return { ...result, attachmentsMissing: settleRestoredAttachments(ctx.db, ctx.backupsDir) };
}

/**
 * An encrypted export into `candidate`: format 1 holds the database only; format 2 also the attachment files, each
 * checked by its SHA-256 into a scratch folder, and the database is written only after the cipher's tag passed.
 */
async function produceFromSealed(sealedFile: string, candidate: string, passphrase: string, label: string, scratch: string) {
  const sealed = readSealedHeader(sealedFile, label);
  if (sealed.version === DATABASE_ONLY_FORMAT_VERSION) return decryptBackupFile(sealedFile, candidate, passphrase, label);
  const unpack = unpackArchiveInto(scratch, label);
  await decryptSealedFile(sealedFile, sealed, passphrase, unpack.consume);
  const { databaseGz, attachmentsDir } = unpack.result();
  await gunzipFile(databaseGz, candidate);
  fs.rmSync(databaseGz, { force: true });
  return { attachmentsDir };
}

/** Restores an uploaded file: a plain backup (from another machine) or an encrypted export with its passphrase. */
export async function restoreUpload(ctx: ServiceContext, uploadId: string, passphrase: string | undefined): Promise<RestoreResult> {
  const upload = stagedUpload(ctx, uploadId);
  try {
    refuseOnServer(ctx, 'uploadId');
    return await withStagingScratch(ctx, 'restore-', async (scratch) => {
      const produce = async (candidate: string) => {
        const kind = sniffBackupFile(upload.file);
        if (kind === 'other') throw new AppError('VALIDATION', msg('backups.notABackup', { file: upload.fileName }), 'uploadId');
        // The upload is ours and discarded after: moving it is free where copying a large file is not.
        if (kind === 'sqlite') return fs.renameSync(upload.file, candidate);
        if (passphrase === undefined) throw new AppError('VALIDATION', msg('backups.passphraseNeeded'), 'passphrase');
        return produceFromSealed(upload.file, candidate, passphrase, upload.fileName, scratch);
      };
      const result = await restoreFrom(ctx, { label: upload.fileName, field: 'uploadId', produce }, upload.fileName);
      return { ...result, attachmentsMissing: settleRestoredAttachments(ctx.db, ctx.backupsDir) };
    });
  } finally {
    discardUpload(ctx, uploadId);
  }
}
