import type { Envelope } from '../../shared/api/appError.ts';

/** Any way of calling an operation that answers with its envelope: the handler table, a backend, a web host. */
export type CallEnvelope = (name: string, input?: unknown) => Promise<Envelope<unknown>>;

// A piece of at most 6 MiB is 8 MiB of base64, the contract's cap for one import:upload call.
const PIECE_BYTES = 6 * 1024 * 1024;

/**
 * Sends a file's bytes the way the wizard and the CLI do, through import:upload in pieces; resolves with the
 * upload's id, or the envelope of the piece that failed.
 */
export async function uploadBytes(call: CallEnvelope, fileName: string, bytes: Buffer): Promise<Envelope<{ uploadId: string }>> {
  let uploadId: string | undefined;
  // An empty file is still one (empty) piece, so that it gets an upload id.
  for (let offset = 0; offset === 0 || offset < bytes.length; offset += PIECE_BYTES) {
    const sent = await call('import:upload', { uploadId, fileName, offset, dataBase64: bytes.subarray(offset, offset + PIECE_BYTES).toString('base64') });
    if (!sent.ok) return sent;
    uploadId = (sent.data as { uploadId: string }).uploadId;
  }
  return { ok: true, data: { uploadId: uploadId! } };
}
