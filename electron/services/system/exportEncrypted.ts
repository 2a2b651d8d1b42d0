import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { format } from 'date-fns';
import { attachmentNamesReferencedBy, attachmentsDirFor, attachmentSourceFile } from '../../../db/attachmentStore.ts';
import { archiveIsOnServer, snapshotArchive } from '../../../db/openDatabase.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { withStagingScratch } from '../stagingScratch.ts';
import { archiveFrames, DamagedAttachmentSource, type ArchiveAttachment } from './archiveFrames.ts';
import { encryptArchiveStream } from './backupEncryption.ts';

export const ENCRYPTED_BACKUP_EXTENSION = '.rdbackup';

/**
 * The whole archive, encrypted with `passphrase`, as bytes for the caller to save: a consistent snapshot taken with
 * the online backup API (a team archive's: its verified copy into an SQLite file, which restores into a desktop archive) and the attachment files it references (format 2, archiveFrames.ts; a team archive's from its table), encrypted as a stream
 * in the staging folder (the plain snapshot is removed at once). A referenced file that is nowhere (every copy
 * pruned) or whose bytes no longer match its SHA-256 is left out and counted in `attachmentsMissing`.
 */
export async function exportEncryptedBackup(ctx: ServiceContext, passphrase: string) {
  return withStagingScratch(ctx, 'encrypt-', async (dir) => {
    const plain = path.join(dir, 'archive.db');
    await snapshotArchive(ctx.db, plain, ctx.now);
    const names = attachmentNamesReferencedBy(plain);
    const databaseGz = path.join(dir, 'archive.db.gz');
    await pipeline(fs.createReadStream(plain), zlib.createGzip(), fs.createWriteStream(databaseGz));
    fs.rmSync(plain, { force: true });

    // A team archive's snapshot wrote the bytes from its table beside the snapshot; bytes an earlier version kept
    // in this computer's folder instead (before they moved into the table) are taken from there.
    const folders = archiveIsOnServer(ctx.db) ? [attachmentsDirFor(plain), ctx.attachmentsDir] : [ctx.attachmentsDir];
    const attachments: ArchiveAttachment[] = names.flatMap((storedName) => {
      const file = folders.map((dir) => attachmentSourceFile(dir, ctx.backupsDir, storedName)).find((f) => f !== null);
      return file ? [{ storedName, file }] : [];
    });
    let missing = names.length - attachments.length;
    const sealed = path.join(dir, `archive${ENCRYPTED_BACKUP_EXTENSION}`);
    // A damaged file is found while it is streamed: the file is written again without it (rare: bit rot on disk).
    for (;;) {
      try {
        await encryptArchiveStream(() => archiveFrames(databaseGz, attachments), sealed, passphrase);
        break;
      } catch (e) {
        const at = e instanceof DamagedAttachmentSource ? attachments.findIndex((a) => a.storedName === e.storedName) : -1;
        if (at < 0) throw e;
        ctx.logger.warn(`attachment ${attachments[at]?.storedName} does not match its SHA-256; the encrypted export leaves it out`);
        attachments.splice(at, 1);
        missing++;
      }
    }
    const bytes = fs.readFileSync(sealed);
    return {
      fileName: `renewal-desk-${format(ctx.now(), 'yyyyMMdd-HHmm')}${ENCRYPTED_BACKUP_EXTENSION}`,
      sizeBytes: bytes.length,
      attachments: attachments.length,
      attachmentsMissing: missing,
      contentBase64: bytes.toString('base64'),
    };
  });
}
