import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, powerMonitor, safeStorage, session, shell, Tray } from 'electron';
import { apiContract } from '../../shared/api/apiContract.ts';
import { stderrLogger } from '../services/logger.ts';
import { applyAppUserModelId } from './appUserModelId.ts';
import { electronNativeBinding } from './electronNativeBinding.ts';
import { externalLinkOpener } from './externalLinkOpener.ts';
import { startReminderDesktop, type ReminderDesktop } from './reminderDesktop.ts';
import { startMain, type MainHandle } from './startMain.ts';

// Bundle entry (dist-electron/main/main.js). Everything testable lives in startMain; this file only resolves
// paths from the bundle's location, which is the same inside a packaged app.asar.
const bundleDir = path.dirname(fileURLToPath(import.meta.url));
const appRoot = path.resolve(bundleDir, '..', '..');
const logger = stderrLogger('renewal-desk:main');

// Before any window or notification: Windows shows toasts only for the id on the installer's shortcut.
applyAppUserModelId(app, process.platform);

let desktop: ReminderDesktop | null = null;
let running: MainHandle | null = null;
// The window's links leave the app only through this opener: http(s) only, after the user confirms the host.
const openLink = externalLinkOpener({
  openExternal: (url) => shell.openExternal(url),
  showMessageBox: (options) => {
    const parent = BrowserWindow.getFocusedWindow();
    return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
  },
  // The archive's language, asked of the backend (it owns the archive); unknown until it is open.
  archiveLocale: async () => {
    const answer = running ? await running.backend.call('settings:get', {}) : null;
    return answer?.ok ? apiContract['settings:get'].output.parse(answer.data).locale : null;
  },
  logger,
});
startMain(
  { app, BrowserWindow, dialog, ipcMain, Notification, safeStorage, session, shell: { openExternal: openLink, openPath: (file) => shell.openPath(file) } },
  {
    rendererIndex: path.join(appRoot, 'dist', 'renderer', 'index.html'),
    preloadPath: path.join(appRoot, 'dist-electron', 'preload', 'preload.cjs'),
    backendWorkerPath: path.join(bundleDir, 'backendWorker.js'),
    argv: process.argv,
    env: process.env,
    nativeBinding: electronNativeBinding(appRoot, fs.existsSync),
    logger,
    onEvent: (event, payload) => desktop?.onEvent(event, payload),
    keepRunningWhenClosed: () => desktop?.keepRunningWhenClosed() ?? false,
  },
)
  .then((handle) => {
    if (!handle) return;
    running = handle;
    desktop = startReminderDesktop({ app, Tray, Menu, nativeImage, powerMonitor }, handle, {
      iconPath: path.join(appRoot, 'build', 'icon.png'),
      platform: process.platform,
      execPath: process.execPath,
      // Unpackaged, Electron needs the app's path; packaged, the executable is the app.
      loginArgs: app.isPackaged ? [] : [appRoot],
      env: process.env,
      homeDir: os.homedir(),
      logger,
    });
  })
  .catch((e: unknown) => {
    logger.error('start-up failed', e);
    dialog.showErrorBox('续约管家无法启动', e instanceof Error ? e.message : String(e));
    app.exit(1);
  });
