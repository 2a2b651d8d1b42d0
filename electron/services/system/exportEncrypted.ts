import fs from 'node:fs';
import path from 'node:path';
import { format } from 'date-fns';
import { snapshotDatabase } from '../../../db/backups.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { withStagingScratch } from '../stagingScratch.ts';
import { encryptBackupFile } from './backupEncryption.ts';

export const ENCRYPTED_BACKUP_EXTENSION = '.rdbackup';

/**
 * The whole archive, encrypted with `passphrase`, as bytes for the caller to save: a consistent snapshot taken with
 * the online backup API, encrypted in the staging folder (the plain snapshot is removed at once).
 */
export async function exportEncryptedBackup(ctx: ServiceContext, passphrase: string) {
  return withStagingScratch(ctx, 'encrypt-', async (dir) => {
    const plain = path.join(dir, 'archive.db');
    await snapshotDatabase(ctx.db, plain);
    const sealed = path.join(dir, `archive${ENCRYPTED_BACKUP_EXTENSION}`);
    await encryptBackupFile(plain, sealed, passphrase);
    fs.rmSync(plain, { force: true });
    const bytes = fs.readFileSync(sealed);
    return {
      fileName: `renewal-desk-${format(ctx.now(), 'yyyyMMdd-HHmm')}${ENCRYPTED_BACKUP_EXTENSION}`,
      sizeBytes: bytes.length,
      contentBase64: bytes.toString('base64'),
    };
  });
}
