import type { Envelope } from '../../shared/api/appError.ts';
import { isApiName, type ApiInput, type ApiName, type ApiOutput } from '../../shared/api/apiContract.ts';
import {
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  IPC_OPEN_ATTACHMENT_CHANNEL,
  IPC_SAVE_FILE_CHANNEL,
  type ApiBridge,
  type OpenAttachmentResult,
  type SaveFileResult,
} from '../../shared/api/apiBridge.ts';
import { API_EVENT_NAMES, type ApiEventName } from '../../shared/api/events.ts';

/** The part of Electron's ipcRenderer the bridge uses; it never reaches the page itself. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * `window.api`: a closed surface of four functions. Names outside the contract are refused here already, so a
 * compromised page cannot use the bridge to reach any other channel; main checks the name again anyway.
 */
export function createApiBridge(ipc: IpcRendererLike): ApiBridge {
  return {
    invoke<N extends ApiName>(name: N, input: ApiInput<N>, session?: string | null): Promise<Envelope<ApiOutput<N>>> {
      if (typeof name !== 'string' || !isApiName(name)) {
        const refused: Envelope<never> = {
          ok: false,
          error: { code: 'UNKNOWN_OPERATION', field: null, key: 'errors.unknownOperation', params: { name: String(name) }, message: `未知的操作：${String(name)}` },
        };
        return Promise.resolve(refused);
      }
      // Team mode: the page's session token (it keeps it, in sessionStorage) rides along; main checks its shape.
      return ipc.invoke(IPC_INVOKE_CHANNEL, name, input, typeof session === 'string' ? session : null) as Promise<Envelope<ApiOutput<N>>>;
    },
    saveFile(request) {
      // main checks the request (a bare file name, the bytes) and asks the user where with its save dialog.
      return ipc.invoke(IPC_SAVE_FILE_CHANNEL, { fileName: request.fileName, contentBase64: request.contentBase64 }) as Promise<SaveFileResult>;
    },
    openAttachment(attachmentId, session) {
      // main reads the attachment from the archive itself: the page names an id, never a path or bytes.
      const request = { attachmentId: String(attachmentId), ...(typeof session === 'string' ? { session } : {}) };
      return ipc.invoke(IPC_OPEN_ATTACHMENT_CHANNEL, request) as Promise<OpenAttachmentResult>;
    },
    on(event, listener) {
      if (!isApiEventName(event)) throw new TypeError(`unknown event: ${String(event)}`);
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      // The Electron event object (with `sender`, i.e. ipcRenderer) is dropped: the page gets the payload only.
      const forward = (_electronEvent: unknown, name: unknown, payload: unknown) => {
        // main sends each event's payload as typed in shared/api/events.ts.
        if (name === event) listener(payload as Parameters<typeof listener>[0]);
      };
      ipc.on(IPC_EVENT_CHANNEL, forward as (event: unknown, ...args: unknown[]) => void);
      return () => {
        ipc.removeListener(IPC_EVENT_CHANNEL, forward as (event: unknown, ...args: unknown[]) => void);
      };
    },
  };
}

function isApiEventName(name: unknown): name is ApiEventName {
  return typeof name === 'string' && (API_EVENT_NAMES as readonly string[]).includes(name);
}
