import type { Envelope } from './appError.ts';
import type { ApiInput, ApiName, ApiOutput } from './apiContract.ts';
import type { ApiEventName, ApiEvents } from './events.ts';

/** An export's bytes to keep as a file; `fileName` is only a suggestion (no folder). */
export interface SaveFileRequest {
  fileName: string;
  contentBase64: string;
}
/** `path` is where the desktop wrote it; null for a browser download, whose folder the browser decides. */
export interface SaveFileResult {
  saved: boolean;
  path: string | null;
}

/** The whole surface the renderer sees: `window.api` in Electron, an HTTP client in the browser. */
export interface ApiBridge {
  /** `session`: the team-mode session token this window signed in with (null before a login, or on a file). */
  invoke<N extends ApiName>(name: N, input: ApiInput<N>, session?: string | null): Promise<Envelope<ApiOutput<N>>>;
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /** Saves bytes where the user says: the desktop asks with its save dialog, a browser downloads. */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /**
   * Opens a contract's attachment with the system's viewer: the desktop writes a copy to its temporary folder and
   * hands it to the OS (shell.openPath); a browser opens the web host's preview of it in a new tab.
   */
  openAttachment(attachmentId: string, session?: string | null): Promise<OpenAttachmentResult>;
}

/** `message` says why an attachment did not open (read from the archive, or from the OS). */
export interface OpenAttachmentResult {
  opened: boolean;
  message: string | null;
}

/** The IPC channel names; the preload and electron/main agree on them through this module only. */
export const IPC_INVOKE_CHANNEL = 'api:invoke';
export const IPC_EVENT_CHANNEL = 'api:event';
export const IPC_SAVE_FILE_CHANNEL = 'desktop:saveFile';
export const IPC_OPEN_ATTACHMENT_CHANNEL = 'desktop:openAttachment';
