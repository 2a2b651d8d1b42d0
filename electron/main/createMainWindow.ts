import type { BrowserWindowConstructorOptions } from 'electron';
import type { Logger } from '../services/logger.ts';
import type { BrowserWindowConstructor, BrowserWindowLike } from './electronApi.ts';
import { schemeOf, webUrl } from './externalLinkOpener.ts';

export const WINDOW_TITLE = '续约管家';

export interface MainWindowOptions {
  BrowserWindow: BrowserWindowConstructor;
  /** Takes an http(s) link out of the app; main.ts gives the confirming opener (externalLinkOpener.ts). */
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
 * The one app window. The page may not open windows, navigate away (in any frame, by link, script or server
 * redirect) or embed <webview>: if an XSS ever slipped into the renderer, it still could not take the window
 * somewhere that has the preload's `window.api`.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindowLike {
  const win = new options.BrowserWindow(mainWindowOptions(options.preloadPath));
  const contents = win.webContents;
  const { logger } = options;

  contents.setWindowOpenHandler(({ url }) => {
    // Nothing opens inside the app. A web link (a customer's website) may go to the system browser once the user
    // confirms its host; any other scheme would reach whatever program the OS registered for it.
    if (webUrl(url)) options.openExternal(url).catch((e: unknown) => logger.warn('opening a link failed', e));
    else logger.warn('refused window.open of a link that is not http(s)', schemeOf(url));
    return { action: 'deny' };
  });
  const stayOnAppPage = (event: { preventDefault(): void }, url: string, what: string) => {
    if (options.isAppPage(url)) return;
    event.preventDefault();
    logger.warn(`blocked ${what}`, url);
  };
  contents.on('will-navigate', (event, url) => stayOnAppPage(event, url, 'navigation'));
  // will-navigate covers the main frame only; this covers iframes too (the app has none; one could show only the app page).
  contents.on('will-frame-navigate', (event) => stayOnAppPage(event, event.url, 'frame navigation'));
  // A server redirect is not a new navigation: without this, a permitted load could be bounced elsewhere.
  contents.on('will-redirect', (event) => stayOnAppPage(event, event.url, 'redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());

  win.once('ready-to-show', () => win.show());
  const loading = options.route ? win.loadFile(options.rendererIndex, { hash: options.route }) : win.loadFile(options.rendererIndex);
  loading.catch((e: unknown) => logger.error('renderer failed to load', e));
  return win;
}
