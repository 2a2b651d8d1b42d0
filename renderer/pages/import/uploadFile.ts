import { invoke } from '../../api/invoke.ts';

// 4 MB of file per call: 5.6 MB of base64, well inside the web host's 20 MB body limit and the contract's cap.
const PIECE_BYTES = 4 * 1024 * 1024;

function base64Of(blob: Blob, readFailed: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(readFailed));
    reader.readAsDataURL(blob);
  });
}

/** Sends the file in pieces (the same way over IPC and HTTP); resolves with the upload id. */
export async function uploadFile(file: File, onProgress: (sentBytes: number) => void, readFailed: string): Promise<string> {
  let uploadId: string | undefined;
  let offset = 0;
  do {
    const piece = file.slice(offset, offset + PIECE_BYTES);
    const r = await invoke('import:upload', { uploadId, fileName: file.name, offset, dataBase64: await base64Of(piece, readFailed) });
    uploadId = r.uploadId;
    offset = r.receivedBytes;
    onProgress(offset);
  } while (offset < file.size);
  return uploadId;
}
