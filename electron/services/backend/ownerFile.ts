// `<archive>.owner`: which process owns an archive, and how another process reaches it. Written once, complete,
// with an exclusive link (two processes starting at once cannot both claim), readable by the user only (it holds
// the owner's token), removed on exit; a file left by a process that died is taken over.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';

export const ownerRecordSchema = z.object({
  pid: z.number().int().positive(),
  kind: z.enum(['desktop', 'web', 'cli']),
  port: z.number().int().min(1).max(65535),
  token: z.string().min(16),
  startedAt: z.string(),
});
export type OwnerRecord = z.infer<typeof ownerRecordSchema>;
export type OwnerKind = OwnerRecord['kind'];

export const ownerFileFor = (dbFile: string) => `${dbFile}.owner`;

export interface ReadOwner {
  record: OwnerRecord | null;
  /** The bytes read, to take over exactly this file and no newer one. */
  raw: string;
}

/** The current owner file, or null when there is none; a damaged one reads as an owner that is gone. */
export function readOwnerFile(ownerFile: string): ReadOwner | null {
  let raw: string;
  try {
    raw = fs.readFileSync(ownerFile, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = ownerRecordSchema.safeParse(JSON.parse(raw));
    return { record: parsed.success ? parsed.data : null, raw };
  } catch {
    return { record: null, raw };
  }
}

/** Claims the archive: true when this process now owns it, false when another claim exists. */
export function claimOwnerFile(ownerFile: string, record: OwnerRecord): boolean {
  const temporary = `${ownerFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  // A first start: the archive's folder (the per-user data folder) may not exist yet.
  fs.mkdirSync(path.dirname(ownerFile), { recursive: true });
  fs.writeFileSync(temporary, JSON.stringify(record), { mode: 0o600 });
  try {
    // link() fails if the name exists: of two processes claiming at once, exactly one wins, with a complete file.
    fs.linkSync(temporary, ownerFile);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/**
 * Removes a stale owner file, but only the one that was read: it is moved aside first, and put back if what moved
 * turns out to be a newer claim (another process took over in between).
 */
export function takeOverStaleOwner(ownerFile: string, seen: ReadOwner): void {
  const aside = `${ownerFile}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(ownerFile, aside);
  } catch {
    return;
  }
  if (fs.readFileSync(aside, 'utf8') !== seen.raw) {
    try {
      fs.linkSync(aside, ownerFile);
    } catch {
      // A third claim exists now; the moved one was stale for it anyway.
    }
  }
  fs.rmSync(aside, { force: true });
}

/** Removes the owner file if it is still this process's claim. */
export function releaseOwnerFile(ownerFile: string, record: OwnerRecord): void {
  const current = readOwnerFile(ownerFile);
  if (current?.record && current.record.pid === record.pid && current.record.token === record.token) fs.rmSync(ownerFile, { force: true });
}

/** Whether a process with this id runs (EPERM: it does, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
