// Where an archive keeps its attachments' bytes, by engine: an SQLite archive in the attachments folder beside its
// data file (attachmentStore.ts, which its backups, manifests and restores build on), a team archive (PostgreSQL) in
// its attachment_blobs table, so every client opens what another added and the server's pg_dump carries it.
import fs from 'node:fs';
import { attachmentSourceFile, readAttachmentBytes, sha256Of, storeAttachmentBytes, storedNameOf, type StoredAttachment } from './attachmentStore.ts';
import { engineOf, type Executor, type Tx } from './handle.ts';
import { putAttachmentBlob, readAttachmentBlob } from './repositories/attachmentBlobsRepo.ts';

/** This computer's folders for an archive's attachment files (ServiceContext.attachmentsDir and backupsDir). */
export interface AttachmentFolders {
  attachmentsDir: string;
  backupsDir: string;
}

/**
 * Stores an attachment's bytes for the add running in `tx`. On PostgreSQL they go into the table inside that
 * transaction, so a failed add leaves nothing behind; on SQLite into the folder, before the row (a row never points
 * at a file that is not there).
 */
export async function storeArchiveAttachment(tx: Tx, folders: AttachmentFolders, bytes: Buffer, at: string): Promise<StoredAttachment> {
  if (engineOf(tx) === 'sqlite') return storeAttachmentBytes(folders.attachmentsDir, bytes);
  const sha256 = sha256Of(bytes);
  const wrote = await putAttachmentBlob(tx, sha256, bytes, at);
  return { sha256, storedName: storedNameOf(sha256), existed: !wrote };
}

/**
 * An attachment's bytes, or null when they are nowhere. A team archive reads its table; bytes an earlier version
 * kept in this computer's folder instead (before migration 0042) are uploaded into the table the first time they
 * are read here, once their SHA-256 checks, so from then on every client opens them.
 */
export async function readArchiveAttachment(
  x: Executor,
  folders: AttachmentFolders,
  attachment: { storedName: string; sha256: string },
  at: string,
): Promise<Buffer | null> {
  if (engineOf(x) === 'sqlite') return readAttachmentBytes(folders.attachmentsDir, folders.backupsDir, attachment.storedName);
  const held = await readAttachmentBlob(x, attachment.sha256);
  if (held) return held;
  const local = attachmentSourceFile(folders.attachmentsDir, folders.backupsDir, attachment.storedName);
  if (!local) return null;
  const bytes = fs.readFileSync(local);
  if (sha256Of(bytes) !== attachment.sha256) return null;
  await putAttachmentBlob(x, attachment.sha256, bytes, at);
  return bytes;
}
