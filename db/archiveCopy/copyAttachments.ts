// The attachments' bytes in an archive copy (migrate-to, and a team archive's snapshot into an SQLite file). An
// SQLite archive keeps them in its folder, a team archive in its attachment_blobs table (db/archiveAttachments.ts),
// so the table is not copied as rows: each content the attachment rows reference is read from wherever the source
// keeps it and written where the target keeps it, then read back from the target and checked against its SHA-256.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { attachmentsDirFor, attachmentSourceFile, sha256Of, storeAttachmentBytes, storedNameOf } from '../attachmentStore.ts';
import { backupsDirFor } from '../backups.ts';
import { engineOf, type Db, type Tx } from '../handle.ts';
import type { TableCopyReport } from './copyArchive.ts';
import { putAttachmentBlob, readAttachmentBlob, referencedAttachmentContents } from '../repositories/attachmentBlobsRepo.ts';

/** The table the copy leaves to copyAttachmentBytes. */
export const ATTACHMENT_BLOBS_TABLE = 'attachment_blobs';

/** Where the attachment files of the copy's ends are, where an end is an SQLite file (or a team archive's legacy folder). */
export interface AttachmentCopyFolders {
  /** The source's attachments folder and backups folder; for an SQLite source, its own (attachmentsDirFor, backupsDirFor) by default. */
  source?: { attachmentsDir: string; backupsDir: string };
  /** The folder an SQLite target's files go to; attachmentsDirFor(its file) by default. */
  targetDir?: string;
}

/** A table's line of the copy's report, plus the contents attachment rows reference that the source holds nowhere. */
export type AttachmentCopyReport = TableCopyReport & { missing: number };

function sourceFolders(source: Db, folders: AttachmentCopyFolders) {
  if (folders.source) return folders.source;
  if (engineOf(source) === 'sqlite') return { attachmentsDir: attachmentsDirFor(source.file), backupsDir: backupsDirFor(source.file) };
  return null;
}

/** The source's bytes of a content: its table first (a team archive), then its folder; null when nowhere or damaged. */
async function sourceBytes(from: Tx, folders: { attachmentsDir: string; backupsDir: string } | null, sha256: string): Promise<Buffer | null> {
  let bytes = await readAttachmentBlob(from, sha256);
  if (!bytes && folders) {
    const file = attachmentSourceFile(folders.attachmentsDir, folders.backupsDir, storedNameOf(sha256));
    bytes = file ? fs.readFileSync(file) : null;
  }
  return bytes && sha256Of(bytes) === sha256 ? bytes : null;
}

async function targetBytes(to: Tx, targetDir: string, sha256: string): Promise<Buffer | null> {
  if (engineOf(to) === 'postgres') return readAttachmentBlob(to, sha256);
  const file = path.join(targetDir, ...storedNameOf(sha256).split('/'));
  return fs.existsSync(file) ? fs.readFileSync(file) : null;
}

const digestOf = (shas: readonly string[]) => crypto.createHash('sha256').update(shas.join('\n')).digest('hex');

/**
 * Copies the bytes of every content the source's attachment rows reference (live or removed) to the target: into
 * its table on PostgreSQL (inside the copy's transaction), into its folder on SQLite. Then reads each back from the
 * target and compares the SHA-256 list with the source's.
 */
export async function copyAttachmentBytes(source: Db, from: Tx, target: Db, to: Tx, folders: AttachmentCopyFolders = {}): Promise<AttachmentCopyReport> {
  const fromFolders = sourceFolders(source, folders);
  const targetDir = folders.targetDir ?? attachmentsDirFor(target.file);
  const contents = await referencedAttachmentContents(from);
  const copied: typeof contents = [];
  for (const c of contents) {
    // A SHA-256 that is not 64 hex digits names no stored content (the folder's names are made of it).
    if (!/^[0-9a-f]{64}$/.test(c.sha256)) continue;
    const bytes = await sourceBytes(from, fromFolders, c.sha256);
    if (!bytes) continue;
    if (engineOf(to) === 'postgres') await putAttachmentBlob(to, c.sha256, bytes, c.firstAttachedAt);
    else storeAttachmentBytes(targetDir, bytes);
    copied.push(c);
  }
  const verified: string[] = [];
  for (const c of copied) {
    const back = await targetBytes(to, targetDir, c.sha256);
    if (back && sha256Of(back) === c.sha256) verified.push(c.sha256);
  }
  const sourceShas = copied.map((c) => c.sha256);
  return {
    table: ATTACHMENT_BLOBS_TABLE,
    sourceRows: sourceShas.length,
    targetRows: verified.length,
    sourceSha256: digestOf(sourceShas),
    targetSha256: digestOf(verified),
    ok: verified.length === sourceShas.length && digestOf(verified) === digestOf(sourceShas),
    missing: contents.length - copied.length,
  };
}
