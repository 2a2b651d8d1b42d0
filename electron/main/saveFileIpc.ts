import fs from 'node:fs';
import path from 'node:path';
import { IPC_SAVE_FILE_CHANNEL, type SaveFileResult } from '../../shared/api/apiBridge.ts';
import { saveFileRequestSchema } from '../../shared/api/saveFileRequest.ts';
import type { Logger } from '../services/logger.ts';
import type { DialogLike, InvokeEventLike, IpcMainLike } from './electronApi.ts';

export interface SaveFileIpcOptions {
  ipcMain: IpcMainLike;
  dialog: DialogLike;
  downloadsDir(): string;
  isTrustedSender(event: InvokeEventLike): boolean;
  logger: Logger;
}

const NOT_SAVED: SaveFileResult = { saved: false, path: null };

/**
 * The desktop's way to keep an export: the renderer sends a bare file name and the bytes, the user picks the folder
 * in the save dialog, and only that path is written. The renderer never names a path on this machine.
 */
export function bindSaveFileIpc(options: SaveFileIpcOptions): { unbind(): void } {
  options.ipcMain.handle(IPC_SAVE_FILE_CHANNEL, async (event, request) => {
    if (!options.isTrustedSender(event)) {
      options.logger.warn('refused a save from a foreign frame', { url: event.senderFrame?.url ?? null });
      return NOT_SAVED;
    }
    const parsed = saveFileRequestSchema.safeParse(request);
    if (!parsed.success) return NOT_SAVED;
    const { fileName, contentBase64 } = parsed.data;
    const extension = path.extname(fileName).slice(1);
    const picked = await options.dialog.showSaveDialog({
      defaultPath: path.join(options.downloadsDir(), fileName),
      ...(extension ? { filters: [{ name: extension.toUpperCase(), extensions: [extension] }] } : {}),
    });
    if (picked.canceled || !picked.filePath) return NOT_SAVED;
    // Written beside the target and renamed, so a failed write never leaves half a sheet under the chosen name.
    const partial = `${picked.filePath}.partial`;
    try {
      fs.writeFileSync(partial, Buffer.from(contentBase64, 'base64'));
      fs.renameSync(partial, picked.filePath);
    } catch (e) {
      fs.rmSync(partial, { force: true });
      options.logger.error('saving an export failed', e);
      return NOT_SAVED;
    }
    return { saved: true, path: picked.filePath } satisfies SaveFileResult;
  });
  return { unbind: () => options.ipcMain.removeHandler(IPC_SAVE_FILE_CHANNEL) };
}
