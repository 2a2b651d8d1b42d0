import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../../shared/api/appError.ts';

export type CallEnvelope = (name: string, input?: unknown) => Promise<Envelope<unknown>>;

// A piece of at most 6 MiB is 8 MiB of base64, the contract's cap for one import:upload call.
const PIECE_BYTES = 6 * 1024 * 1024;

/**
 * Imports a sheet the way the CLI and the wizard do, through the handler table only: import:upload in pieces,
 * import:run (the headers map themselves), then import:discard. Returns import:run's envelope (or the failed
 * upload's).
 */
export async function importSheet(call: CallEnvelope, file: string): Promise<Envelope<unknown>> {
  const bytes = fs.readFileSync(file);
  let uploadId: string | undefined;
  for (let offset = 0; offset === 0 || offset < bytes.length; offset += PIECE_BYTES) {
    const piece = bytes.subarray(offset, offset + PIECE_BYTES).toString('base64');
    const sent = await call('import:upload', { uploadId, fileName: path.basename(file), offset, dataBase64: piece });
    if (!sent.ok) return sent;
    uploadId = (sent.data as { uploadId: string }).uploadId;
  }
  try {
    return await call('import:run', { uploadId, savePreset: false });
  } finally {
    await call('import:discard', { uploadId });
  }
}

/** importSheet for setup code and children: the import's result, or an error naming what refused it. */
export async function importSheetData<T = any>(call: CallEnvelope, file: string): Promise<T> {
  const result = await importSheet(call, file);
  if (!result.ok) throw new Error(`importing ${path.basename(file)} failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}
