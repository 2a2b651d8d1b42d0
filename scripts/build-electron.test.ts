import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_INVOKE_CHANNEL } from '../shared/api/apiBridge.ts';
import { API_NAMES } from '../shared/api/apiContract.ts';

// Builds the real bundles into a temp app directory and runs them: the preload in a VM that offers only what a
// sandboxed preload gets, the main bundle in Node with 'electron' swapped for a recording stand-in.

const projectRoot = path.resolve(import.meta.dirname, '..');
let appDir: string;

beforeAll(async () => {
  appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-build-'));
  const { buildElectron } = (await import(pathToFileURL(path.join(projectRoot, 'scripts', 'build-electron.mjs')).href)) as {
    buildElectron(options: { outDir: string }): Promise<void>;
  };
  await buildElectron({ outDir: path.join(appDir, 'dist-electron') });
}, 60_000);

afterAll(() => fs.rmSync(appDir, { recursive: true, force: true }));

describe('preload bundle', () => {
  function loadPreload() {
    const exposed: [string, Record<string, (...args: unknown[]) => unknown>][] = [];
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => exposed.push([key, api]) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ ok: true, data: null })),
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const code = fs.readFileSync(path.join(appDir, 'dist-electron', 'preload', 'preload.cjs'), 'utf8');
    const module = { exports: {} };
    const require = (id: string) => {
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    };
    vm.runInNewContext(code, { require, module, exports: module.exports });
    return { exposed, invoked, code };
  }

  it('is CommonJS that needs nothing but electron, and stays small', () => {
    const { code } = loadPreload();
    expect([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s*[{*]|\bexport\s/);
    expect(code.length).toBeLessThan(10_000);
  });

  it('exposes only window.api, passing every contract name to IPC and refusing others', async () => {
    const { exposed, invoked } = loadPreload();
    expect(exposed.map(([key]) => key)).toEqual(['api']);
    const api = exposed[0]![1];
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'openAttachment', 'saveFile']);

    for (const name of API_NAMES) await api['invoke']!(name, {});
    expect(invoked.map((call) => call[1])).toEqual(API_NAMES);
    expect(invoked.every((call) => call[0] === IPC_INVOKE_CHANNEL)).toBe(true);

    expect(await api['invoke']!('shell:exec', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(invoked).toHaveLength(API_NAMES.length);
  });
});

describe('main bundle', () => {
  it('starts as an ES module: opens the database, loads the bundled preload and the renderer', () => {
    // Resolve better-sqlite3 and friends from the project, as they would be from the app's node_modules.
    fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(appDir, 'node_modules'), 'dir');
    const fakeElectron = path.join(appDir, 'fake-electron.mjs');
    fs.writeFileSync(fakeElectron, FAKE_ELECTRON_MODULE);
    const hooks = path.join(appDir, 'hooks.mjs');
    fs.writeFileSync(
      hooks,
      `export async function resolve(specifier, context, next) {
         if (specifier === 'electron') return { url: ${JSON.stringify(pathToFileURL(fakeElectron).href)}, shortCircuit: true };
         return next(specifier, context);
       }`,
    );
    const register = path.join(appDir, 'register.mjs');
    fs.writeFileSync(register, `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`);
    const dbFile = path.join(appDir, 'data', 'app.db');

    const run = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, path.join(appDir, 'dist-electron', 'main', 'main.js'), '--db', dbFile], {
      encoding: 'utf8',
      env: { ...process.env, FAKE_USER_DATA: path.join(appDir, 'userData') },
      timeout: 30_000,
    });
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    const line = run.stdout.split('\n').find((l) => l.startsWith('FAKE_ELECTRON '));
    const events = JSON.parse(line?.slice('FAKE_ELECTRON '.length) ?? '[]') as [string, unknown][];

    expect(events).toContainEqual(['setName', 'Renewal Desk']);
    expect(events).toContainEqual(['ipcMain.handle', IPC_INVOKE_CHANNEL]);
    const preload = events.find(([e]) => e === 'window')?.[1] as string;
    expect(preload).toBe(path.join(appDir, 'dist-electron', 'preload', 'preload.cjs'));
    expect(fs.existsSync(preload)).toBe(true);
    expect(events).toContainEqual(['loadFile', path.join(appDir, 'dist', 'renderer', 'index.html')]);
    expect(fs.existsSync(dbFile)).toBe(true);
    // The reminder desktop wiring (scheduler, tray) started once the window was up.
    expect(events).toContainEqual(['tray']);
    // Quitting closed SQLite cleanly before the process exited.
    expect(events.at(-1)).toEqual(['exit', 'will-quit released']);
  });
});

// A recording stand-in for the 'electron' module: it quits as soon as the renderer load is requested.
const FAKE_ELECTRON_MODULE = `
const events = [];
const handlers = {};
const emitter = (target) => {
  target.on = (name, listener) => { (handlers[name] ??= []).push(listener); return target; };
  target.once = target.on;
  return target;
};
export const app = emitter({
  setName(name) { events.push(['setName', name]); },
  getPath() { return process.env.FAKE_USER_DATA; },
  requestSingleInstanceLock() { return true; },
  whenReady() { return Promise.resolve(); },
  isPackaged: false,
  setLoginItemSettings() {},
  quit() {
    for (const l of handlers['before-quit'] ?? []) l();
    let prevented = false;
    for (const l of handlers['will-quit'] ?? []) l({ preventDefault() { prevented = true; } });
    if (!prevented) {
      events.push(['exit', 'will-quit released']);
      process.stdout.write('FAKE_ELECTRON ' + JSON.stringify(events) + '\\n');
      process.exit(0);
    }
  },
  exit(code) { events.push(['exit', code]); process.stdout.write('FAKE_ELECTRON ' + JSON.stringify(events) + '\\n'); process.exit(code); },
});
export class BrowserWindow {
  constructor(options) {
    events.push(['window', options.webPreferences.preload]);
    this.webContents = emitter({ send() {}, isDestroyed() { return false; }, setWindowOpenHandler() {} });
    emitter(this);
  }
  loadFile(file) { events.push(['loadFile', file]); setTimeout(() => app.quit(), 10); return Promise.resolve(); }
  show() {} focus() {} restore() {} isMinimized() { return false; } isDestroyed() { return false; }
}
export const ipcMain = { handle(channel) { events.push(['ipcMain.handle', channel]); }, removeHandler() {} };
export const session = { defaultSession: { webRequest: { onHeadersReceived() {} }, setPermissionRequestHandler() {}, setPermissionCheckHandler() {} } };
export const dialog = { showErrorBox(title, content) { events.push(['errorBox', title, content]); } };
export const shell = { openExternal() { return Promise.resolve(); } };
export class Notification { static isSupported() { return false; } }
export class Tray { constructor() { events.push(['tray']); } setToolTip() {} setTitle() {} setContextMenu() {} on() {} destroy() {} }
export const Menu = { buildFromTemplate(items) { return items; } };
export const nativeImage = { createFromPath(file) { return file; } };
export const powerMonitor = { on() {} };
export const safeStorage = { isEncryptionAvailable() { return false; }, encryptString(text) { return Buffer.from(text); }, decryptString(data) { return data.toString(); } };
`;
