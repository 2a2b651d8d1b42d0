import { bridge } from '../../api/bridge.ts';
import { invoke } from '../../api/invoke.ts';

/** Keeps an attachment's bytes as a file where the user chooses (the desktop's save dialog; a browser's download). */
export async function openAttachment(id: string): Promise<void> {
  const read = await invoke('contracts:attachmentsRead', { id });
  await bridge.saveFile({ fileName: read.fileName, contentBase64: read.contentBase64 });
}
