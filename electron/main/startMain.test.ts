import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, IPC_OPEN_ATTACHMENT_CHANNEL, IPC_SAVE_FILE_CHANNEL } from '../../shared/api/apiBridge.ts';
import { API_NAMES } from '../../shared/api/apiContract.ts';
import { APP_DIR_NAME, DB_FILE_NAME } from '../services/dataLocation.ts';
import { buildHandlerTable } from '../services/allHandlers.ts';
import { dispatch } from '../services/handlerTable.ts';
import { silentLogger } from '../services/logger.ts';
import { openServiceContext } from '../services/openServiceContext.ts';
import { DB_ERROR_TITLE, startMain, type MainHandle, type StartMainOptions } from './startMain.ts';
import { createFakeElectron, fakeEvent, type FakeElectron, type FakeWindow } from '../../test-support/electron/fakeElectron.ts';

// startMain runs against a fake of the Electron runtime only: the handler table, the services and a real
// SQLite file in a temp dir are the production ones.

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

// The backend worker's bundle as the web host and the CLI run it (vitest's globalSetup rebuilds it when stale);
// Electron runs the same code from dist-electron/main/backendWorker.js.
const BACKEND_WORKER = path.resolve(import.meta.dirname, '..', '..', 'dist', 'node', 'backend.mjs');

let dir: string;
let fake: FakeElectron;
let options: StartMainOptions;
let rendererUrl: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-main-'));
  fake = createFakeElectron({ userData: path.join(dir, 'userData') });
  const rendererIndex = path.join(dir, 'app', 'dist', 'renderer', 'index.html');
  rendererUrl = pathToFileURL(rendererIndex).href;
  options = {
    rendererIndex,
    preloadPath: path.join(dir, 'app', 'dist-electron', 'preload', 'preload.cjs'),
    backendWorkerPath: BACKEND_WORKER,
    argv: ['/opt/electron', path.join(dir, 'app', 'dist-electron', 'main', 'main.js')],
    env: {},
    platform: 'linux',
    logger: silentLogger,
  };
});

afterEach(async () => {
  if (!fake.app.quitted) {
    fake.api.app.quit();
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<{ handle: MainHandle; win: FakeWindow }> {
  const handle = await startMain(fake.api, options);
  if (!handle) throw new Error('startMain did not start');
  const win = fake.windows[0];
  if (!win) throw new Error('no window was created');
  return { handle, win };
}

/** An invoke as Electron delivers it from the main window's top frame showing our page. */
function fromApp(win: FakeWindow, url = `${rendererUrl}#/customers`) {
  return { sender: win.webContents, senderFrame: { url, parent: null } };
}

describe('IPC binding', () => {
  it('serves every contract operation on the one invoke channel, through the real handler table', async () => {
    const { handle, win } = await start();
    expect([...fake.ipcHandlers.keys()]).toEqual([IPC_INVOKE_CHANNEL, IPC_SAVE_FILE_CHANNEL, IPC_OPEN_ATTACHMENT_CHANNEL]);
    expect([...handle.ipcOperations].sort()).toEqual([...API_NAMES].sort());

    // Input that no operation accepts: a VALIDATION answer proves the call reached that operation's zod schema.
    for (const name of API_NAMES) {
      const reply = await fake.invoke(IPC_INVOKE_CHANNEL, fromApp(win), name, 'not an object');
      expect(reply, name).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    const unknown = await fake.invoke(IPC_INVOKE_CHANNEL, fromApp(win), 'customers:dropAll', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it('creates and lists a customer end to end, and forwards the change event to the renderer', async () => {
    const { win } = await start();
    const created = await fake.invoke(IPC_INVOKE_CHANNEL, fromApp(win), 'customers:create', { name: '  杭州云启科技有限公司 ' });
    expect(created).toMatchObject({ ok: true, data: { name: '杭州云启科技有限公司', tier: 'normal' } });

    const listed = await fake.invoke(IPC_INVOKE_CHANNEL, fromApp(win), 'customers:list', { search: '云启' });
    expect(listed).toMatchObject({ ok: true, data: { total: 1, items: [{ name: '杭州云启科技有限公司' }] } });

    expect(win.webContents.sent).toContainEqual([IPC_EVENT_CHANNEL, 'data:changed', { domains: ['customers', 'contacts', 'tags', 'system'] }]);
  });

  it('keeps the database in userData under the app name, set before the path is read', async () => {
    await start();
    expect(fake.app.userDataReadWithName).toBe(APP_DIR_NAME);
    expect(fs.existsSync(path.join(dir, 'userData', DB_FILE_NAME))).toBe(true);
  });

  it('takes --db from the command line over RENEWAL_DESK_DB', async () => {
    const cliDb = path.join(dir, 'cli.db');
    options = { ...options, argv: [...options.argv, '--db', cliDb], env: { RENEWAL_DESK_DB: path.join(dir, 'env.db') } };
    const { handle } = await start();
    expect(handle.backend.ready.dataFile).toBe(cliDb);
    expect(fs.existsSync(path.join(dir, 'env.db'))).toBe(false);
  });

  it.each([
    ['another window', (_win: FakeWindow) => ({ sender: {}, senderFrame: { url: rendererUrl, parent: null } })],
    ['an iframe of the main window', (win: FakeWindow) => ({ sender: win.webContents, senderFrame: { url: rendererUrl, parent: { url: rendererUrl, parent: null } } })],
    ['a remote page', (win: FakeWindow) => fromApp(win, 'https://evil.example/index.html')],
    ['another local file', (win: FakeWindow) => fromApp(win, pathToFileURL(path.join(dir, 'downloads', 'index.html')).href)],
    ['a frame that has gone', (win: FakeWindow) => ({ sender: win.webContents, senderFrame: null })],
  ])('refuses a call from %s with FORBIDDEN, before any service runs', async (_what, event) => {
    const { win } = await start();
    const reply = await fake.invoke(IPC_INVOKE_CHANNEL, event(win), 'customers:create', { name: '不该写入' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const listed = await fake.invoke(IPC_INVOKE_CHANNEL, fromApp(win), 'customers:list', {});
    expect(listed).toMatchObject({ ok: true, data: { total: 0 } });
  });
});

describe('saving an export', () => {
  it('writes only where the user picked in the save dialog, and nothing when they cancel', async () => {
    const { win } = await start();
    const request = { fileName: '续费表-2026-12-05.csv', contentBase64: Buffer.from('\uFEFF客户名称\r\n').toString('base64') };
    expect(await fake.invoke(IPC_SAVE_FILE_CHANNEL, fromApp(win), request)).toEqual({ saved: false, path: null });
    expect(fake.saveDialogs[0]?.defaultPath).toBe(path.join(dir, 'Downloads', '续费表-2026-12-05.csv'));

    const picked = path.join(dir, 'chosen', 'sheet.csv');
    fs.mkdirSync(path.dirname(picked));
    fake.saveDialogAnswer.path = picked;
    expect(await fake.invoke(IPC_SAVE_FILE_CHANNEL, fromApp(win), request)).toEqual({ saved: true, path: picked });
    expect(fs.readFileSync(picked, 'utf8')).toBe('\uFEFF客户名称\r\n');
    expect(fs.readdirSync(path.dirname(picked))).toEqual(['sheet.csv']);
  });

  it('refuses a name with a folder in it, or a call from a foreign frame, without asking', async () => {
    const { win } = await start();
    fake.saveDialogAnswer.path = path.join(dir, 'x.csv');
    for (const fileName of ['../../.bashrc', '/etc/passwd', 'a\\b.csv', '']) {
      expect(await fake.invoke(IPC_SAVE_FILE_CHANNEL, fromApp(win), { fileName, contentBase64: 'YQ==' })).toEqual({ saved: false, path: null });
    }
    const foreign = { sender: {}, senderFrame: { url: rendererUrl, parent: null } };
    expect(await fake.invoke(IPC_SAVE_FILE_CHANNEL, foreign, { fileName: 'a.csv', contentBase64: 'YQ==' })).toEqual({ saved: false, path: null });
    expect(fake.saveDialogs).toHaveLength(0);
    expect(fs.existsSync(path.join(dir, 'x.csv'))).toBe(false);
  });
});

describe('window and session hardening', () => {
  it('creates the window with exactly the specified webPreferences, hidden until ready-to-show', async () => {
    const { win } = await start();
    expect(fake.windows).toHaveLength(1);
    expect(win.options.webPreferences).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: options.preloadPath,
    });
    expect(path.isAbsolute(options.preloadPath)).toBe(true);
    expect(win.options).toMatchObject({ show: false, title: '续约管家' });
    expect(win.loads).toEqual([[options.rendererIndex, undefined]]);
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('sets exactly the specified CSP on responses, keeping other headers', async () => {
    await start();
    let response: unknown;
    fake.headersListener()({ url: rendererUrl, responseHeaders: { 'X-Other': ['1'] } }, (r) => (response = r));
    expect(response).toEqual({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [EXPECTED_CSP] } });
  });

  it('denies every permission request and check', async () => {
    await start();
    const granted = vi.fn();
    fake.permissionRequestHandler()({}, 'geolocation', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(fake.permissionCheckHandler()()).toBe(false);
  });

  it('denies navigation away from the app page', async () => {
    const { win } = await start();
    const navigate = (url: string) => {
      const event = fakeEvent();
      win.webContents.emit('will-navigate', event, url);
      return event.defaultPrevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(pathToFileURL(path.join(dir, 'app', 'dist', 'renderer', 'other.html')).href)).toBe(true);
    expect(navigate(`${rendererUrl}#/due`)).toBe(false);
  });

  // main.ts passes a shell whose openExternal asks the user first (externalLinkOpener.test.ts); here it is the raw one.
  it('denies window.open, handing only http(s) links to shell.openExternal', async () => {
    const { win } = await start();
    const open = win.webContents.windowOpenHandler;
    expect(open).not.toBeNull();
    expect(open?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fake.openedExternally).toEqual(['https://example.com/', 'http://example.com/']);
  });

  it('refuses to attach a <webview>', async () => {
    const { win } = await start();
    const event = fakeEvent();
    win.webContents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('lifecycle', () => {
  it('quits at once when another instance holds the lock, touching nothing', async () => {
    fake.app.lockAcquired = false;
    expect(await startMain(fake.api, options)).toBeNull();
    expect(fake.app.quitCount).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(fs.existsSync(path.join(dir, 'userData'))).toBe(false);
  });

  it('brings the window forward when a second instance starts', async () => {
    const { win } = await start();
    win.minimized = true;
    fake.app.emit('second-instance', fakeEvent(), [], '/');
    expect(win.minimized).toBe(false);
    expect(win.focusCount).toBe(1);
  });

  it('closes the database before letting the app quit', async () => {
    const { win } = await start();
    await fake.invoke(IPC_INVOKE_CHANNEL, fromApp(win), 'customers:create', { name: '退出前写入' });
    const dbFile = path.join(dir, 'userData', DB_FILE_NAME);
    expect(fs.existsSync(`${dbFile}-wal`)).toBe(true);

    fake.api.app.quit();
    expect(fake.app.quitted).toBe(false);
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
    // SQLite removes the WAL file when the last connection closes cleanly.
    expect(fs.existsSync(`${dbFile}-wal`)).toBe(false);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('quits when the last window closes, except on macOS where the Dock reopens it', async () => {
    const { win } = await start();
    win.close();
    fake.app.emit('window-all-closed');
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
  });

  it('on macOS stays running without windows and reopens one on activate', async () => {
    options = { ...options, platform: 'darwin' };
    const { win } = await start();
    win.close();
    fake.app.emit('window-all-closed');
    expect(fake.app.quitCount).toBe(0);
    fake.app.emit('activate');
    expect(fake.windows).toHaveLength(2);
  });
});

describe('database open failures', () => {
  it('shows the zh-CN DB_CORRUPT message and exits non-zero', async () => {
    const dbFile = path.join(dir, 'userData', DB_FILE_NAME);
    fs.mkdirSync(path.dirname(dbFile), { recursive: true });
    fs.writeFileSync(dbFile, 'this is not a SQLite database, just text that someone saved over it. '.repeat(100));

    expect(await startMain(fake.api, options)).toBeNull();
    expect(fake.errorBoxes).toHaveLength(1);
    expect(fake.errorBoxes[0]?.[0]).toBe(DB_ERROR_TITLE);
    expect(fake.errorBoxes[0]?.[1]).toMatch(/损坏/);
    expect(fake.app.exitCode).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('shows the zh-CN DB_NEWER message, leaves the file untouched and exits non-zero', async () => {
    const dbFile = path.join(dir, 'userData', DB_FILE_NAME);
    const made = await openServiceContext({ file: dbFile, logger: silentLogger });
    // A query first: close() only closes a connection Kysely has used, and only a closed connection folds the
    // WAL back into the file patched below.
    await dispatch(buildHandlerTable(), made.ctx, 'system:info', {});
    await made.close();
    expect(fs.existsSync(`${dbFile}-wal`)).toBe(false);
    // user_version lives at byte 60 of the SQLite header (big-endian): pretend a far newer app wrote the file.
    const bytes = fs.readFileSync(dbFile);
    bytes.writeUInt32BE(9999, 60);
    fs.writeFileSync(dbFile, bytes);

    expect(await startMain(fake.api, options)).toBeNull();
    expect(fake.errorBoxes[0]?.[0]).toBe(DB_ERROR_TITLE);
    expect(fake.errorBoxes[0]?.[1]).toMatch(/更新版本/);
    expect(fake.app.exitCode).toBe(1);
    expect(fs.readFileSync(dbFile).equals(bytes)).toBe(true);
  });

  it('opens SQLite through the nativeBinding it is given', async () => {
    options = { ...options, nativeBinding: path.join(dir, 'missing', 'better_sqlite3.node') };
    expect(await startMain(fake.api, options)).toBeNull();
    expect(fake.errorBoxes[0]?.[1]).toContain('better_sqlite3.node');
  });
});

describe('Electron notifier', () => {
  it('shows a native notification whose click focuses the window and opens the subject', async () => {
    const { handle, win } = await start();
    await handle.notifier.notify({ title: '合同即将到期', body: '杭州云启 7 天后到期', subjectUrl: '/customers/abc' });
    const shown = fake.notifications[0];
    expect(shown?.options).toEqual({ title: '合同即将到期', body: '杭州云启 7 天后到期' });
    expect(shown?.shown).toBe(true);

    shown?.emit('click');
    expect(win.focusCount).toBe(1);
    expect(win.loads.at(-1)).toEqual([options.rendererIndex, { hash: '/customers/abc' }]);
  });

  it('reopens a closed window at the subject (macOS keeps running without one)', async () => {
    options = { ...options, platform: 'darwin' };
    const { handle, win } = await start();
    win.close();
    await handle.notifier.notify({ title: 't', body: 'b', subjectUrl: '/due' });
    fake.notifications[0]?.emit('click');
    expect(fake.windows[1]?.loads).toEqual([[options.rendererIndex, { hash: '/due' }]]);
  });
});

describe('opening an attachment', () => {
  it('writes a copy under the temporary folder and hands it to the OS; a foreign frame or a missing one opens nothing', async () => {
    const { win } = await start();
    const call = async (name: string, input: unknown) => {
      const reply = (await fake.invoke(IPC_INVOKE_CHANNEL, fromApp(win), name, input)) as { ok: boolean; data: any; error?: unknown };
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      return reply.data;
    };
    const customer = await call('customers:create', { name: '杭州云启科技有限公司' });
    const contract = await call('contracts:create', { customerId: customer.id, number: 'HT-1', endsOn: '2027-06-30' });
    const scan = Buffer.from('%PDF-1.7\nscan\n%%EOF\n');
    const { uploadId } = await call('import:upload', { fileName: '合同.pdf', offset: 0, dataBase64: scan.toString('base64') });
    const { attachment } = await call('contracts:attachmentsAdd', { contractId: contract.id, uploadId });

    const foreign = { sender: {}, senderFrame: { url: rendererUrl, parent: null } };
    expect(await fake.invoke(IPC_OPEN_ATTACHMENT_CHANNEL, foreign, { attachmentId: attachment.id })).toEqual({ opened: false, message: null });
    const missing = (await fake.invoke(IPC_OPEN_ATTACHMENT_CHANNEL, fromApp(win), { attachmentId: 'nope' })) as { opened: boolean; message: string };
    expect(missing.opened).toBe(false);
    expect(missing.message).toMatch(/附件/);
    expect(fake.openedPaths).toEqual([]);

    expect(await fake.invoke(IPC_OPEN_ATTACHMENT_CHANNEL, fromApp(win), { attachmentId: attachment.id })).toEqual({ opened: true, message: null });
    const [opened] = fake.openedPaths;
    expect(opened).toBe(path.join(dir, 'tmp', 'renewal-desk-attachments', attachment.sha256, '合同.pdf'));
    expect(fs.readFileSync(opened ?? '')).toEqual(scan);
  });
});
