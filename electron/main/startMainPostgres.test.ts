import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, IPC_OPEN_ATTACHMENT_CHANNEL } from '../../shared/api/apiBridge.ts';
import { createFakeElectron, type FakeElectron, type FakeWindow } from '../../test-support/electron/fakeElectron.ts';
import { testDatabaseForFile } from '../../test-support/postgres/testDatabaseForFile.ts';
import type { TestDatabase } from '../../test-support/postgres/testPostgres.ts';
import { writeChosenLocation } from '../services/chosenLocation.ts';
import { DB_FILE_NAME } from '../services/dataLocation.ts';
import { silentLogger } from '../services/logger.ts';
import { startMain, type MainHandle, type StartMainOptions } from './startMain.ts';

// The desktop on a team archive: startMain against the fake Electron runtime, the real services, and a database on
// the run's PostgreSQL server, named by RENEWAL_DESK_DB or chosen in 设置 (the JSON file in userData).

const BACKEND_WORKER = path.resolve(import.meta.dirname, '..', '..', 'dist', 'node', 'backend.mjs');
let database: TestDatabase;
let dir: string;
let fake: FakeElectron;
let options: StartMainOptions;
let rendererUrl: string;

beforeAll(async () => {
  database = await testDatabaseForFile();
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-main-pg-'));
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
    // Closing the pool and the listening connection may take a while on a loaded machine.
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true), { timeout: 15_000 });
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<{ handle: MainHandle; win: FakeWindow }> {
  const handle = await startMain(fake.api, options);
  if (!handle) throw new Error(`startMain did not start: ${JSON.stringify(fake.errorBoxes)}`);
  const win = fake.windows[0];
  if (!win) throw new Error('no window was created');
  return { handle, win };
}
const fromApp = (win: FakeWindow) => ({ sender: win.webContents, senderFrame: { url: `${rendererUrl}#/settings`, parent: null } });

describe('the desktop on a PostgreSQL archive', () => {
  it('opens the database RENEWAL_DESK_DB names, serves the window through it, and leaves no SQLite file behind', { timeout: 60_000 }, async () => {
    options = { ...options, env: { RENEWAL_DESK_DB: database.url } };
    const { handle, win } = await start();
    expect(handle.backend.ready.dataFile).toBe(database.url);
    const created = await fake.invoke(IPC_INVOKE_CHANNEL, fromApp(win), 'owners:create', { name: '陈晨' });
    expect(created).toMatchObject({ ok: true, data: { name: '陈晨' } });
    expect(win.webContents.sent).toContainEqual([IPC_EVENT_CHANNEL, 'data:changed', { domains: ['owners'] }]);
    const card = await fake.invoke(IPC_INVOKE_CHANNEL, fromApp(win), 'teamDatabase:get', {});
    expect(card).toMatchObject({ ok: true, data: { current: { engine: 'postgres', location: database.url }, overridden: true } });
    expect(fs.existsSync(path.join(dir, 'userData', DB_FILE_NAME))).toBe(false);
  });

  it('opens the team database chosen in 设置 at the next start', { timeout: 60_000 }, async () => {
    writeChosenLocation(path.join(dir, 'userData'), database.url);
    const { handle, win } = await start();
    expect(handle.backend.ready.dataFile).toBe(database.url);
    const card = await fake.invoke(IPC_INVOKE_CHANNEL, fromApp(win), 'teamDatabase:get', {});
    expect(card).toMatchObject({ ok: true, data: { current: { engine: 'postgres' }, chosen: database.url, overridden: false } });
  });

  // Last in the file: from here on the archive has an account, and every call needs a session.
  it("hands the window's session to dispatch: a call with it runs as the account, one without is refused", { timeout: 60_000 }, async () => {
    options = { ...options, env: { RENEWAL_DESK_DB: database.url } };
    const { win } = await start();
    const invoke = (name: string, input: unknown, session?: unknown) => fake.invoke(IPC_INVOKE_CHANNEL, fromApp(win), name, input, session) as Promise<any>;
    const first = await invoke('accounts:createFirstAdmin', { login: 'boss', displayName: '老板', password: 'admin-pass-1' });
    expect(first.ok, JSON.stringify(first)).toBe(true);
    const token = first.data.token as string;

    const created = await invoke('owners:create', { name: '吴涛' }, token);
    expect(created.ok, JSON.stringify(created)).toBe(true);
    const client = new pg.Client(database.connection);
    await client.connect();
    try {
      const audit = await client.query<{ actor: string }>('SELECT actor FROM audit_log WHERE entity_id = $1', [created.data.id]);
      expect(audit.rows.map((r) => r.actor)).toEqual(['boss']);
    } finally {
      await client.end();
    }
    expect(await invoke('owners:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: 'accounts.signInRequired' } });
    // What the binding's schema does not take as a token is no session at all.
    expect(await invoke('owners:list', {}, { token })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: 'accounts.signInRequired' } });
    expect(await invoke('owners:list', {}, `${token}\n`)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: 'accounts.signInRequired' } });

    // Opening an attachment reads it through dispatch as well: with the session the read runs (no such attachment),
    // without it the gate refuses it as any other call.
    const refusal = ((await invoke('owners:list', {})) as { error: { message: string } }).error.message;
    const missingId = '0190aaaa-0000-7000-8000-000000000001';
    const open = (request: unknown) => fake.invoke(IPC_OPEN_ATTACHMENT_CHANNEL, fromApp(win), request) as Promise<{ opened: boolean; message: string | null }>;
    expect(await open({ attachmentId: missingId })).toEqual({ opened: false, message: refusal });
    const signedIn = await open({ attachmentId: missingId, session: token });
    expect(signedIn.opened).toBe(false);
    expect(signedIn.message).not.toBe(refusal);
    expect(signedIn.message).not.toBeNull();
  });

  it('says why when the server cannot be reached, and does not start', { timeout: 60_000 }, async () => {
    const dead = `postgres://postgres:hunter2@/nowhere?host=${encodeURIComponent(path.join(dir, 'no-server'))}`;
    options = { ...options, env: { RENEWAL_DESK_DB: dead } };
    expect(await startMain(fake.api, options)).toBeNull();
    const [title, text] = fake.errorBoxes[0] ?? ['', ''];
    expect(title).not.toBe('');
    expect(text).toContain('连不上团队数据库服务器');
    expect(text).not.toContain('hunter2');
  });
});
