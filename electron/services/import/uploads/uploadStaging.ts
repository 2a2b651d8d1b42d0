// Files the wizard (and the CLI, which reads FILE itself) uploads, in pieces small enough for any transport (the
// web host takes 20 MB bodies, IPC has no streaming), kept in the archive's staging folder until imported or
// discarded. A day-old upload is removed. This is the only way a file's bytes reach the backend.
import fs from 'node:fs';
import path from 'node:path';
import { newId } from '../../../../db/newId.ts';
import { AppError } from '../../../../shared/api/appError.ts';
import { MAX_UPLOAD_BYTES } from '../../../../shared/api/import.contract.ts';
import { msg } from '../../../../shared/i18n/message.ts';
import type { ServiceContext } from '../../serviceContext.ts';

const STALE_MS = 24 * 3600 * 1000;
/** The ids staged files go by (newId's): anything else never becomes part of a path. */
export const STAGED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function uploadsDir(ctx: ServiceContext): string {
  return path.join(ctx.stagingDir, 'uploads');
}

export interface StagedUpload {
  uploadId: string;
  file: string;
  fileName: string;
  sizeBytes: number;
}

const expired = () => new AppError('NOT_FOUND', msg('importErrors.uploadExpired'), 'uploadId');

function paths(ctx: ServiceContext, uploadId: string) {
  if (!STAGED_ID.test(uploadId)) throw new AppError('VALIDATION', msg('importErrors.uploadId'), 'uploadId');
  const dir = uploadsDir(ctx);
  return { dir, data: path.join(dir, `${uploadId}.bin`), meta: path.join(dir, `${uploadId}.json`) };
}

/** Removes the files of `dir` last written more than a day before `now` (staged files nobody came back for). */
export function removeDayOldFiles(dir: string, now: number): void {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs > STALE_MS) fs.rmSync(file, { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

export function appendUpload(
  ctx: ServiceContext,
  input: { uploadId?: string | undefined; fileName: string; offset: number; dataBase64: string },
): { uploadId: string; receivedBytes: number } {
  const uploadId = input.uploadId ?? newId();
  const p = paths(ctx, uploadId);
  if (input.uploadId === undefined) {
    fs.mkdirSync(p.dir, { recursive: true });
    removeDayOldFiles(p.dir, ctx.now().getTime());
    if (input.offset !== 0) throw new AppError('VALIDATION', msg('importErrors.uploadFromStart'), 'offset');
    fs.writeFileSync(p.meta, JSON.stringify({ fileName: path.basename(input.fileName) }));
    fs.writeFileSync(p.data, '');
  }
  let size: number;
  try {
    size = fs.statSync(p.data).size;
  } catch {
    throw expired();
  }
  if (input.offset !== size) throw new AppError('VALIDATION', msg('importErrors.uploadGap', { expected: size }), 'offset');
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (size + bytes.length > MAX_UPLOAD_BYTES) throw new AppError('VALIDATION', msg('importErrors.uploadTooLarge'), 'dataBase64');
  fs.appendFileSync(p.data, bytes);
  return { uploadId, receivedBytes: size + bytes.length };
}

export function stagedUpload(ctx: ServiceContext, uploadId: string): StagedUpload {
  const p = paths(ctx, uploadId);
  try {
    const { fileName } = JSON.parse(fs.readFileSync(p.meta, 'utf8')) as { fileName: string };
    return { uploadId, file: p.data, fileName, sizeBytes: fs.statSync(p.data).size };
  } catch {
    throw expired();
  }
}

export function discardUpload(ctx: ServiceContext, uploadId: string): void {
  const p = paths(ctx, uploadId);
  fs.rmSync(p.data, { force: true });
  fs.rmSync(p.meta, { force: true });
}
