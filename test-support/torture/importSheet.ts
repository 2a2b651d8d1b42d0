import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../../shared/api/appError.ts';
import { uploadBytes, type CallEnvelope } from '../import/uploadBytes.ts';

/**
 * Imports a sheet the way the CLI and the wizard do, through the handler table only: import:upload in pieces,
 * import:run (the headers map themselves), then import:discard. Returns import:run's envelope (or the failed
 * upload's).
 */
export async function importSheet(call: CallEnvelope, file: string): Promise<Envelope<unknown>> {
  const uploaded = await uploadBytes(call, path.basename(file), fs.readFileSync(file));
  if (!uploaded.ok) return uploaded;
  const { uploadId } = uploaded.data;
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
