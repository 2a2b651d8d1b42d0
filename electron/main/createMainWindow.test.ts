import { beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../services/logger.ts';
import { createFakeElectron, fakeEvent, type FakeElectron, type FakeWindow } from '../../test-support/electron/fakeElectron.ts';
import { appPageMatcher } from './appPageMatcher.ts';
import { createMainWindow } from './createMainWindow.ts';

const INDEX = '/opt/renewal-desk/resources/app.asar/dist/renderer/index.html';
const APP_PAGE = `file://${INDEX}`;

let fake: FakeElectron;
let asked: string[];
let warnings: unknown[][];

function open(): FakeWindow {
  const logger: Logger = { info() {}, warn: (...args) => warnings.push(args), error: (...args) => warnings.push(args) };
  createMainWindow({
    BrowserWindow: fake.api.BrowserWindow,
    openExternal: (url) => {
      asked.push(url);
      return Promise.resolve();
    },
    preloadPath: '/opt/renewal-desk/resources/app.asar/dist-electron/preload/preload.cjs',
    rendererIndex: INDEX,
    isAppPage: appPageMatcher(INDEX, 'linux'),
    logger,
  });
  return fake.windows[0]!;
}

beforeEach(() => {
  fake = createFakeElectron({ userData: '/nowhere' });
  asked = [];
  warnings = [];
});

describe('createMainWindow: links and navigation', () => {
  it('hands http(s) links to the external opener (which asks the user) and opens no window', () => {
    const handler = open().webContents.windowOpenHandler;
    expect(handler?.({ url: 'https://www.example.com/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'http://intranet.example/' })).toEqual({ action: 'deny' });
    expect(asked).toEqual(['https://www.example.com/', 'http://intranet.example/']);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-settings:privacy', 'not a url'])(
    'refuses window.open(%s) and logs it',
    (url) => {
      const handler = open().webContents.windowOpenHandler;
      expect(handler?.({ url })).toEqual({ action: 'deny' });
      expect(asked).toEqual([]);
      expect(warnings).toHaveLength(1);
    },
  );

  it('prevents navigation of the main frame away from the app page', () => {
    const contents = open().webContents;
    const navigate = (url: string) => {
      const event = fakeEvent({ url, isMainFrame: true });
      contents.emit('will-navigate', event, url);
      return event.defaultPrevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(`${APP_PAGE}#/due`)).toBe(false);
  });

  it('prevents any frame from navigating away from the app page (will-frame-navigate)', () => {
    const contents = open().webContents;
    const navigate = (url: string, isMainFrame: boolean) => {
      const event = fakeEvent({ url, isMainFrame, isSameDocument: false, frame: null });
      contents.emit('will-frame-navigate', event);
      return event.defaultPrevented;
    };
    expect(navigate('https://evil.example/', false)).toBe(true);
    expect(navigate('file:///home/user/Downloads/page.html', false)).toBe(true);
    expect(navigate('https://evil.example/', true)).toBe(true);
    expect(navigate(`${APP_PAGE}#/customers`, true)).toBe(false);
  });

  it('prevents a server redirect that leads away from the app page (will-redirect)', () => {
    const contents = open().webContents;
    const redirect = (url: string, isMainFrame: boolean) => {
      const event = fakeEvent({ url, isMainFrame, isSameDocument: false, frame: null });
      contents.emit('will-redirect', event, url, false, isMainFrame, 1, 1);
      return event.defaultPrevented;
    };
    expect(redirect('https://evil.example/phish', true)).toBe(true);
    expect(redirect('https://evil.example/phish', false)).toBe(true);
    expect(redirect(APP_PAGE, true)).toBe(false);
    expect(warnings.length).toBe(2);
  });

  it('refuses to attach a <webview>', () => {
    const event = fakeEvent();
    open().webContents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});
