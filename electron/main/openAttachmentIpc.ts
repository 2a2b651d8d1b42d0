import fs from 'node:fs';
import path from 'node:path';
import { IPC_OPEN_ATTACHMENT_CHANNEL, type OpenAttachmentResult } from '../../shared/api/apiBridge.ts';
import { apiContract } from '../../shared/api/apiContract.ts';
import { idField } from '../../shared/api/fields.ts';
import * as z from '../../shared/api/zodSetup.ts';
import { receivedSessionToken } from '../services/accounts/sessionTokens.ts';
import type { Backend } from '../services/backend/backend.ts';
import type { Logger } from '../services/logger.ts';
import type { InvokeEventLike, IpcMainLike } from './electronApi.ts';

export interface OpenAttachmentIpcOptions {
  ipcMain: IpcMainLike;
  backend: Backend;
  /** shell.openPath: '' when the OS took the file, its error message otherwise. */
  openPath(file: string): Promise<string>;
  /** The OS's temporary folder (app.getPath('temp')). */
  tempDir(): string;
  isTrustedSender(event: InvokeEventLike): boolean;
  logger: Logger;
}

// `session`: the window's team-mode token, as with every invoke; one not shaped like a token is no session.
const requestSchema = z.object({ attachmentId: idField, session: z.unknown().optional() });
const refused = (message: string | null): OpenAttachmentResult => ({ opened: false, message });

/** A name the OS's viewer can show: the attachment's own, without folders or control characters. */
function safeFileName(name: string): string {
  const cleaned = [...path.basename(name.replace(/\\/g, '/'))].filter((ch) => ch.charCodeAt(0) >= 0x20).join('');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'attachment' : cleaned;
}

/**
 * The desktop's 打开 of an attachment: the page names the attachment's id; main reads it through the backend, as
 * any operation, writes a copy under the temporary folder (per content, so a viewer never sees another file's bytes
 * under the name) and hands that copy to the OS. The page never names a path, and the archive's own file is never
 * given to another program.
 */
export function bindOpenAttachmentIpc(options: OpenAttachmentIpcOptions): { unbind(): void } {
  options.ipcMain.handle(IPC_OPEN_ATTACHMENT_CHANNEL, async (event, request) => {
    if (!options.isTrustedSender(event)) {
      options.logger.warn('refused an attachment open from a foreign frame', { url: event.senderFrame?.url ?? null });
      return refused(null);
    }
    const parsed = requestSchema.safeParse(request);
    if (!parsed.success) return refused(null);
    const read = await options.backend.call('contracts:attachmentsRead', { id: parsed.data.attachmentId }, receivedSessionToken(parsed.data.session));
    if (!read.ok) return refused(read.error.message);
    const attachment = apiContract['contracts:attachmentsRead'].output.parse(read.data);
    const folder = path.join(options.tempDir(), 'renewal-desk-attachments', attachment.sha256);
    const file = path.join(folder, safeFileName(attachment.fileName));
    try {
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(file, Buffer.from(attachment.contentBase64, 'base64'));
    } catch (e) {
      options.logger.error('writing an attachment to open failed', e);
      return refused(null);
    }
    const error = await options.openPath(file);
    return error === '' ? { opened: true, message: null } : refused(error);
  });
  return { unbind: () => options.ipcMain.removeHandler(IPC_OPEN_ATTACHMENT_CHANNEL) };
}
