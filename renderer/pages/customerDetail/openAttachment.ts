import { bridge } from '../../api/bridge.ts';
import { invoke } from '../../api/invoke.ts';
import { sessionToken } from '../../accounts/sessionToken.ts';

/**
 * Opens an attachment with the system's viewer (the desktop) or the browser's (the web host's preview in a new
 * tab); rejects with the reason when it did not open.
 */
export async function openAttachment(id: string, failed: string): Promise<void> {
  const result = await bridge.openAttachment(id, sessionToken());
  if (!result.opened) throw new Error(result.message ?? failed);
}

/** Keeps a copy where the user chooses (the desktop's save dialog; a browser's download). */
export async function downloadAttachment(id: string): Promise<void> {
  const read = await invoke('contracts:attachmentsRead', { id });
  await bridge.saveFile({ fileName: read.fileName, contentBase64: read.contentBase64 });
}
