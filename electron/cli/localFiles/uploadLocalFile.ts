import fs from 'node:fs';
import { apiContract } from '../../../shared/api/apiContract.ts';
import type { Envelope } from '../../../shared/api/appError.ts';
import { MAX_UPLOAD_BYTES } from '../../../shared/api/import.contract.ts';
import type { BackendCall } from '../backendCall.ts';
import { openLocalFile } from './readLocalFile.ts';

// 6 MiB of file per call is 8 MiB of base64, the contract's cap for one piece.
const PIECE_BYTES = 6 * 1024 * 1024;

/**
 * Sends a local file to the backend through the same `import:upload` operation the import wizard uses, piece by
 * piece: the backend never reads a path the CLI names. Resolves with the upload's id, or the failed envelope.
 */
async function uploadLocalFile(call: BackendCall, file: string, field: string): Promise<Envelope<{ uploadId: string }>> {
  const { fd, size, name } = openLocalFile(file, MAX_UPLOAD_BYTES, field);
  try {
    const buffer = Buffer.alloc(PIECE_BYTES);
    let uploadId: string | undefined;
    let offset = 0;
    do {
      const read = fs.readSync(fd, buffer, 0, Math.min(PIECE_BYTES, size - offset), offset);
      const sent = await call('import:upload', { uploadId, fileName: name, offset, dataBase64: buffer.subarray(0, read).toString('base64') });
      if (!sent.ok) return sent;
      ({ uploadId, receivedBytes: offset } = apiContract['import:upload'].output.parse(sent.data));
      if (read === 0) break;
    } while (offset < size);
    return { ok: true, data: { uploadId: uploadId ?? '' } };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Uploads `file` (checked against the upload limit before anything is sent), runs `use` with its upload id, and
 * discards the upload afterwards whatever happened: an operation that consumes it discards it too, and this covers
 * input the contract refused before the operation ran.
 */
export async function withLocalUpload(
  call: BackendCall,
  file: string,
  field: string,
  use: (uploadId: string) => Promise<Envelope<unknown>>,
): Promise<Envelope<unknown>> {
  const uploaded = await uploadLocalFile(call, file, field);
  if (!uploaded.ok) return uploaded;
  const { uploadId } = uploaded.data;
  try {
    return await use(uploadId);
  } finally {
    await call('import:discard', { uploadId });
  }
}
