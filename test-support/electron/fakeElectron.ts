import path from 'node:path';
import type {
  BrowserWindowConstructorOptions,
  HeadersReceivedResponse,
  LoadFileOptions,
  MessageBoxOptions,
  MessageBoxReturnValue,
  NotificationConstructorOptions,
  SaveDialogOptions,
} from 'electron';
import type { ElectronApi, HeadersDetailsLike, InvokeEventLike } from '../../electron/main/electronApi.ts';

// A stand-in for the Electron runtime, used by tests because no Electron binary runs in CI. It records what
// electron/main asks of Electron and lets a test fire the events Electron would fire. Nothing else is faked.

type Listener = (...args: any[]) => unknown;

class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== wrapped));
      return listener(...args);
    };
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

/** An Electron event; `details` are the fields Electron puts on it (url, isMainFrame… for navigation events). */
export function fakeEvent<D extends object = object>(details?: D): FakeEvent & D {
  return {
    ...(details ?? ({} as D)),
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeWebContents extends FakeEmitter {
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  isDestroyed(): boolean {
    return false;
  }
  setWindowOpenHandler(handler: (details: any) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeWindow extends FakeEmitter {
  readonly webContents = new FakeWebContents();
  readonly loads: [string, LoadFileOptions | undefined][] = [];
  visible = false;
  focusCount = 0;
  minimized = false;
  destroyed = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
  loadFile(file: string, options?: LoadFileOptions): Promise<void> {
    this.loads.push([file, options]);
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focusCount++;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** What the user closing the window does. */
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

export class FakeNotification extends FakeEmitter {
  shown = false;
  constructor(readonly options: NotificationConstructorOptions) {
    super();
  }
  show(): void {
    this.shown = true;
  }
}

export interface FakeElectron {
  api: ElectronApi;
  app: FakeEmitter & {
    name: string | null;
    appUserModelId: string | null;
    userDataReadWithName: string | null;
    quitCount: number;
    quitted: boolean;
    exitCode: number | null;
    lockAcquired: boolean;
  };
  windows: FakeWindow[];
  notifications: FakeNotification[];
  ipcHandlers: Map<string, Listener>;
  headersListener: () => (details: HeadersDetailsLike, callback: (response: HeadersReceivedResponse) => void) => void;
  permissionRequestHandler: () => (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  permissionCheckHandler: () => () => boolean;
  errorBoxes: [string, string][];
  /** Every save dialog shown, and what the next one answers (null: Cancel). */
  saveDialogs: SaveDialogOptions[];
  saveDialogAnswer: { path: string | null };
  /** Every message box shown, in order. */
  messageBoxes: MessageBoxOptions[];
  /** The button the user clicks in the next message box; unset, the user dismisses it (Electron answers cancelId). */
  answerNextMessageBox(response: number): void;
  openedExternally: string[];
  /** Files handed to shell.openPath (an attachment opened), in order. */
  openedPaths: string[];
  /** Calls the handler bound on `channel` as Electron would for a message from `event`'s frame. */
  invoke(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown>;
}

export function createFakeElectron(options: { userData: string; lockAcquired?: boolean }): FakeElectron {
  const windows: FakeWindow[] = [];
  const notifications: FakeNotification[] = [];
  const ipcHandlers = new Map<string, Listener>();
  const errorBoxes: [string, string][] = [];
  const saveDialogs: SaveDialogOptions[] = [];
  const saveDialogAnswer: { path: string | null } = { path: null };
  const messageBoxes: MessageBoxOptions[] = [];
  let nextResponse: number | null = null;
  const openedExternally: string[] = [];
  const openedPaths: string[] = [];
  let headersListener: ReturnType<FakeElectron['headersListener']> | null = null;
  let permissionRequestHandler: ReturnType<FakeElectron['permissionRequestHandler']> | null = null;
  let permissionCheckHandler: (() => boolean) | null = null;

  const app = Object.assign(new FakeEmitter(), {
    name: null as string | null,
    appUserModelId: null as string | null,
    userDataReadWithName: null as string | null,
    quitCount: 0,
    quitted: false,
    exitCode: null as number | null,
    lockAcquired: options.lockAcquired ?? true,
    setName(name: string) {
      app.name = name;
    },
    setAppUserModelId(id: string) {
      app.appUserModelId = id;
    },
    getPath(name: 'userData' | 'downloads' | 'temp') {
      if (name === 'downloads') return path.join(options.userData, '..', 'Downloads');
      if (name === 'temp') return path.join(options.userData, '..', 'tmp');
      app.userDataReadWithName = app.name;
      return options.userData;
    },
    requestSingleInstanceLock() {
      return app.lockAcquired;
    },
    whenReady() {
      return Promise.resolve();
    },
    // Electron emits will-quit and quits unless a listener prevents it.
    quit() {
      app.quitCount++;
      const event = fakeEvent();
      app.emit('will-quit', event);
      if (!event.defaultPrevented) app.quitted = true;
    },
    exit(code = 0) {
      app.exitCode = code;
      app.quitted = true;
    },
  });

  class BrowserWindow extends FakeWindow {
    constructor(opts: BrowserWindowConstructorOptions) {
      super(opts);
      windows.push(this);
    }
  }
  class Notification extends FakeNotification {
    static isSupported() {
      return true;
    }
    constructor(opts: NotificationConstructorOptions) {
      super(opts);
      notifications.push(this);
    }
  }

  const api: ElectronApi = {
    app,
    BrowserWindow,
    Notification,
    ipcMain: {
      handle(channel, listener) {
        if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        ipcHandlers.set(channel, listener);
      },
      removeHandler(channel) {
        ipcHandlers.delete(channel);
      },
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived(listener) {
            headersListener = listener;
          },
        },
        setPermissionRequestHandler(handler) {
          permissionRequestHandler = handler;
        },
        setPermissionCheckHandler(handler) {
          permissionCheckHandler = handler;
        },
      },
    },
    dialog: {
      showErrorBox(title, content) {
        errorBoxes.push([title, content]);
      },
      // What the user answers in the save dialog: the path a test set in `saveDialogAnswer`, or Cancel.
      showSaveDialog(options) {
        saveDialogs.push(options);
        return Promise.resolve(saveDialogAnswer.path === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: saveDialogAnswer.path });
      },
      showMessageBox(options): Promise<MessageBoxReturnValue> {
        messageBoxes.push(options);
        const response = nextResponse ?? options.cancelId ?? 0;
        nextResponse = null;
        return Promise.resolve({ response, checkboxChecked: false });
      },
    },
    shell: {
      openExternal(url) {
        openedExternally.push(url);
        return Promise.resolve();
      },
      openPath(file) {
        openedPaths.push(file);
        return Promise.resolve('');
      },
    },
  };

  const required = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`${what} was never installed`);
    return value;
  };

  return {
    api,
    app,
    windows,
    notifications,
    ipcHandlers,
    headersListener: () => required(headersListener, 'onHeadersReceived listener'),
    permissionRequestHandler: () => required(permissionRequestHandler, 'permission request handler'),
    permissionCheckHandler: () => required(permissionCheckHandler, 'permission check handler'),
    errorBoxes,
    saveDialogs,
    saveDialogAnswer,
    messageBoxes,
    answerNextMessageBox(response) {
      nextResponse = response;
    },
    openedExternally,
    openedPaths,
    async invoke(channel, event, ...args) {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(event, ...args);
    },
  };
}
