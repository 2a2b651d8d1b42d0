import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Notification, session, shell } from 'electron';
import { stderrLogger } from '../services/logger.ts';
import { electronNativeBinding } from './electronNativeBinding.ts';
import { startMain } from './startMain.ts';

// Bundle entry (dist-electron/main/main.js). Everything testable lives in startMain; this file only resolves
// paths from the bundle's location, which is the same inside a packaged app.asar.
const bundleDir = path.dirname(fileURLToPath(import.meta.url));
const appRoot = path.resolve(bundleDir, '..', '..');
const logger = stderrLogger('renewal-desk:main');

startMain(
  { app, BrowserWindow, dialog, ipcMain, Notification, session, shell },
  {
    rendererIndex: path.join(appRoot, 'dist', 'renderer', 'index.html'),
    preloadPath: path.join(appRoot, 'dist-electron', 'preload', 'preload.cjs'),
    argv: process.argv,
    env: process.env,
    nativeBinding: electronNativeBinding(appRoot, fs.existsSync),
    logger,
  },
).catch((e: unknown) => {
  logger.error('start-up failed', e);
  dialog.showErrorBox('续约管家无法启动', e instanceof Error ? e.message : String(e));
  app.exit(1);
});
