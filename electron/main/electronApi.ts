import type {
  BrowserWindowConstructorOptions,
  Event,
  HandlerDetails,
  HeadersReceivedResponse,
  LoadFileOptions,
  MessageBoxOptions,
  MessageBoxReturnValue,
  NotificationConstructorOptions,
  SaveDialogOptions,
  SaveDialogReturnValue,
  WebContentsWillFrameNavigateEventParams,
  WebContentsWillNavigateEventParams,
  WebContentsWillRedirectEventParams,
  WindowOpenHandlerResponse,
} from 'electron';
import type { SafeStorageLike } from './safeStorageSecrets.ts';

// The slice of Electron that electron/main uses, written as structural types. main.ts passes the real
// modules (so tsc proves they fit), and tests pass a small fake, because no Electron binary runs in CI.

export interface AppLike {
  setName(name: string): void;
  /** Windows only: ties the process to the Start-menu shortcut the installer made, so toasts are shown. */
  setAppUserModelId(id: string): void;
  getPath(name: 'userData' | 'downloads' | 'temp'): string;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  quit(): void;
  exit(exitCode?: number): void;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'activate', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'will-quit', listener: (event: Event) => void): unknown;
}

export interface WebFrameLike {
  readonly url: string;
  readonly parent: WebFrameLike | null;
}

export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
  on(event: 'will-navigate', listener: (event: Event<WebContentsWillNavigateEventParams>, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: Event<WebContentsWillFrameNavigateEventParams>) => void): unknown;
  on(event: 'will-redirect', listener: (event: Event<WebContentsWillRedirectEventParams>) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Event) => void): unknown;
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  loadFile(filePath: string, options?: LoadFileOptions): Promise<void>;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

export type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindowLike;

export interface InvokeEventLike {
  readonly sender: unknown;
  readonly senderFrame: WebFrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface HeadersDetailsLike {
  readonly url: string;
  readonly responseHeaders?: Record<string, string[]>;
}

export interface SessionLike {
  readonly webRequest: {
    onHeadersReceived(listener: (details: HeadersDetailsLike, callback: (response: HeadersReceivedResponse) => void) => void): void;
  };
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'failed', listener: (event: Event, error: string) => void): unknown;
}

export interface NotificationConstructor {
  new (options: NotificationConstructorOptions): NotificationLike;
  isSupported(): boolean;
}

export interface DialogLike {
  showErrorBox(title: string, content: string): void;
  /** Without a parent the box is app-modal; main.ts parents it to the focused window when there is one. */
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

export interface ElectronApi {
  app: AppLike;
  BrowserWindow: BrowserWindowConstructor;
  ipcMain: IpcMainLike;
  session: { readonly defaultSession: SessionLike };
  dialog: DialogLike;
  /** openPath resolves with an error message, or '' when the OS took the file. */
  shell: { openExternal(url: string): Promise<void>; openPath(path: string): Promise<string> };
  Notification: NotificationConstructor;
  /** The OS keychain the SMTP password is encrypted with; absent in tests' fakes (the environment's store then). */
  safeStorage?: SafeStorageLike;
}
