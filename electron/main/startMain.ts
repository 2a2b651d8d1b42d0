import path from 'node:path';
import { IPC_EVENT_CHANNEL } from '../../shared/api/apiBridge.ts';
import type { ApiName } from '../../shared/api/apiContract.ts';
import { AppError } from '../../shared/api/appError.ts';
import type { Backend } from '../services/backend/backend.ts';
import { openArchive } from '../services/backend/openArchive.ts';
import { readChosenLocation } from '../services/chosenLocation.ts';
import { APP_DIR_NAME, describeLocation, resolveDbLocation, teamLocalDir } from '../services/dataLocation.ts';
import { stderrLogger, type Logger } from '../services/logger.ts';
import type { Notifier } from '../services/notifier/notifier.ts';
import type { EmitEvent } from '../services/serviceContext.ts';
import { appPageMatcher } from './appPageMatcher.ts';
import { bindApiIpc } from './bindApiIpc.ts';
import { dbArgFrom } from './commandLine.ts';
import { createMainWindow } from './createMainWindow.ts';
import type { BrowserWindowLike, ElectronApi } from './electronApi.ts';
import { createElectronNotifier } from './electronNotifier.ts';
import { hardenSession } from './hardenSession.ts';
import { bindSaveFileIpc } from './saveFileIpc.ts';
import { bindOpenAttachmentIpc } from './openAttachmentIpc.ts';
import { HIDDEN_FLAG } from './startAtLogin.ts';
import { trustedSenderCheck } from './trustedSender.ts';
import { safeStorageSecretStore } from './safeStorageSecrets.ts';

export interface StartMainOptions {
  /** Absolute path of the built renderer, dist/renderer/index.html. */
  rendererIndex: string;
  /** Absolute path of the bundled CommonJS preload. */
  preloadPath: string;
  /** Absolute path of the backend worker's bundle (it owns the archive, off the main thread). */
  backendWorkerPath: string;
  /** Between reminder ticks in the backend; a minute unless a test shortens it. */
  tickIntervalMs?: number;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** better-sqlite3 built for Electron's ABI, when it is not the one in node_modules. */
  nativeBinding?: string | undefined;
  platform?: NodeJS.Platform;
  logger?: Logger;
  /** Also told every service event (the tray's unread count, desktop settings). */
  onEvent?: EmitEvent;
  /** When it says so, closing the last window leaves the app running in the tray. */
  keepRunningWhenClosed?: () => boolean;
}

/** What the running app offers to the pieces wired around it (tray, power events, reminder ticks). */
export interface MainHandle {
  /** The archive: this process's backend worker, or the process that owns the archive (a web host). */
  readonly backend: Backend;
  readonly notifier: Notifier;
  /** The operations served over IPC. */
  readonly ipcOperations: readonly ApiName[];
  /** Brings the window forward, creating it again if it was closed, and opens `route` (e.g. `/customers/<id>`). */
  showWindow(route?: string): void;
  mainWindow(): BrowserWindowLike | null;
}

export const DB_ERROR_TITLE = '续约管家无法打开数据库';

/**
 * All of electron/main's wiring, against an injected Electron so it can be tested without the binary.
 * Resolves to null when this process must not run: another instance holds the lock, or the database
 * could not be opened (the user has then been told why).
 */
export async function startMain(electron: ElectronApi, options: StartMainOptions): Promise<MainHandle | null> {
  const { app } = electron;
  const logger = options.logger ?? stderrLogger('renewal-desk:main');
  const platform = options.platform ?? process.platform;

  // userData is derived from the app name, so it must be set before anything reads the path; the same name
  // gives the web host and the CLI the same default database.
  app.setName(APP_DIR_NAME);
  // Two processes writing one SQLite file would fight over it; the running one is focused instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  const isAppPage = appPageMatcher(options.rendererIndex, platform);
  let window: BrowserWindowLike | null = null;
  let opened: Backend | null = null;
  const liveWindow = () => (window && !window.isDestroyed() ? window : null);

  const openWindow = (route?: string): BrowserWindowLike => {
    const win = createMainWindow({
      BrowserWindow: electron.BrowserWindow,
      openExternal: (url) => electron.shell.openExternal(url),
      preloadPath: options.preloadPath,
      rendererIndex: options.rendererIndex,
      isAppPage,
      logger,
      route,
    });
    win.on('closed', () => {
      if (window === win) window = null;
    });
    window = win;
    return win;
  };

  const showWindow = (route?: string): void => {
    // Before the database is open there is nothing to show; the window appears once start-up finishes.
    if (!opened) return;
    const existing = liveWindow();
    if (!existing) {
      openWindow(route);
      return;
    }
    if (existing.isMinimized()) existing.restore();
    existing.show();
    existing.focus();
    // The renderer routes in the URL fragment, so this is an in-page navigation, not a reload.
    if (route) existing.loadFile(options.rendererIndex, { hash: route }).catch((e: unknown) => logger.warn('navigation failed', e));
  };

  const emit: EmitEvent = (event, payload) => {
    const contents = liveWindow()?.webContents;
    if (contents && !contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event, payload);
    options.onEvent?.(event, payload);
  };

  app.on('second-instance', () => showWindow());

  await app.whenReady();
  hardenSession(electron.session.defaultSession);

  const userData = app.getPath('userData');
  // --db, RENEWAL_DESK_DB, the team database chosen in 设置 (a JSON file in userData), or the SQLite file there.
  const location = resolveDbLocation({ cliDb: dbArgFrom(options.argv), env: options.env, defaultDir: userData, chosen: readChosenLocation(userData) });
  const where = describeLocation(location);
  // The SMTP password and the team database's: encrypted with the OS keychain in userData, never in the archive.
  const hostSecrets = electron.safeStorage ? safeStorageSecretStore(electron.safeStorage, path.join(userData, 'secrets')) : undefined;
  const notifier = createElectronNotifier({ Notification: electron.Notification, open: showWindow, logger });
  try {
    const password = location.engine === 'postgres' ? await hostSecrets?.get('postgresPassword') : null;
    // An SQLite archive: the backend worker opens (and migrates) it off the main thread; the window, the tray and IPC
    // stay responsive during a long import. A team archive on PostgreSQL: served from this process, the server
    // serialising every client's writes. Reminders fire in the backend, shown here through Electron's Notification.
    opened = await openArchive({
      location,
      localDir: teamLocalDir(userData),
      password,
      kind: 'desktop',
      logger,
      hostNotifier: notifier,
      hostSecrets,
      settings: {
        workerScript: options.backendWorkerPath,
        nativeBinding: options.nativeBinding,
        actor: 'local',
        tickIntervalMs: options.tickIntervalMs ?? 60_000,
        notifier: 'host',
        appName: APP_DIR_NAME,
        autoBackup: true,
        threads: 'split',
        secrets: electron.safeStorage ? 'host' : 'environment',
        userDataDir: userData,
      },
    });
  } catch (e) {
    logger.error('could not open the database', e);
    electron.dialog.showErrorBox(DB_ERROR_TITLE, databaseErrorMessage(e, where));
    app.exit(1);
    return null;
  }
  const backend = opened;
  backend.on(emit);

  const isTrusted = trustedSenderCheck(() => liveWindow()?.webContents ?? null, isAppPage);
  const binding = bindApiIpc({ ipcMain: electron.ipcMain, backend, isTrustedSender: isTrusted, logger });
  const saving = bindSaveFileIpc({
    ipcMain: electron.ipcMain,
    dialog: electron.dialog,
    downloadsDir: () => app.getPath('downloads'),
    isTrustedSender: isTrusted,
    logger,
  });
  const opening = bindOpenAttachmentIpc({
    ipcMain: electron.ipcMain,
    backend,
    openPath: (file) => electron.shell.openPath(file),
    tempDir: () => app.getPath('temp'),
    isTrustedSender: isTrusted,
    logger,
  });

  // Started at login (--hidden), the app waits in the tray; reminders fire without a window.
  if (!options.argv.includes(HIDDEN_FLAG)) openWindow();
  // macOS keeps the app alive without windows and reopens one from the Dock, as users there expect.
  app.on('activate', () => {
    if (!liveWindow()) openWindow();
  });
  app.on('window-all-closed', () => {
    if (platform !== 'darwin' && !options.keepRunningWhenClosed?.()) app.quit();
  });

  let databaseClosed = false;
  app.on('will-quit', (event) => {
    if (databaseClosed) return;
    // Electron does not wait for promises in quit handlers: hold the quit until the backend has finished the write
    // and the reminder tick in flight and SQLite has closed (checkpointing the WAL), then quit again.
    event.preventDefault();
    binding.unbind();
    saving.unbind();
    opening.unbind();
    backend
      .close()
      .catch((e: unknown) => logger.error('closing the database failed', e))
      .finally(() => {
        databaseClosed = true;
        app.quit();
      });
  });

  return {
    backend,
    notifier,
    ipcOperations: binding.operations,
    showWindow,
    mainWindow: liveWindow,
  };
}

function databaseErrorMessage(error: unknown, file: string): string {
  // DB_NEWER and DB_CORRUPT carry a zh-CN message written for the user; anything else is unexpected.
  if (error instanceof AppError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `无法打开数据库文件 ${file}。\n\n${detail}`;
}
