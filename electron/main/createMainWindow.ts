import type { BrowserWindowConstructorOptions } from 'electron';
import type { Logger } from '../services/logger.ts';
import type { BrowserWindowConstructor, BrowserWindowLike } from './electronApi.ts';

export const WINDOW_TITLE = '续约管家';

export interface MainWindowOptions {
  BrowserWindow: BrowserWindowConstructor;
  openExternal(url: string): Promise<void>;
  preloadPath: string;
  rendererIndex: string;
  isAppPage(url: string): boolean;
  logger: Logger;
  /** In-app route to open first, carried in the URL fragment. */
  route?: string | undefined;
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: preloadPath,
    },
  };
}

/**
 * The one app window. The page may not open windows, navigate away or embed <webview>: if an XSS ever slipped
 * into the renderer, it still could not take the window somewhere that has the preload's `window.api`.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindowLike {
  const win = new options.BrowserWindow(mainWindowOptions(options.preloadPath));
  const contents = win.webContents;

  contents.setWindowOpenHandler(({ url }) => {
    // Only https links (e.g. a customer's website) go to the system browser; nothing opens inside the app.
    if (isHttps(url)) {
      options.openExternal(url).catch((e: unknown) => options.logger.warn('openExternal failed', e));
    }
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!options.isAppPage(url)) {
      event.preventDefault();
      options.logger.warn('blocked navigation', url);
    }
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());

  win.once('ready-to-show', () => win.show());
  const loading = options.route ? win.loadFile(options.rendererIndex, { hash: options.route }) : win.loadFile(options.rendererIndex);
  loading.catch((e: unknown) => options.logger.error('renderer failed to load', e));
  return win;
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
