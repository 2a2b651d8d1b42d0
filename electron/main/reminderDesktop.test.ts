import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE_CHANNEL } from '../../shared/api/apiBridge.ts';
import { addDaysIso, localDateOf } from '../../shared/domain/dates.ts';
import { silentLogger } from '../services/logger.ts';
import { startReminderDesktop, type MenuItemSpec, type ReminderDesktop } from './reminderDesktop.ts';
import { autostartFile, desktopEntry } from './startAtLogin.ts';
import { startMain, type MainHandle } from './startMain.ts';
import { createFakeElectron, type FakeElectron } from '../../test-support/electron/fakeElectron.ts';

// startMain and the reminder desktop wiring against a fake Electron runtime (the Tray, Menu, powerMonitor and
// login-item parts are faked here the same way); the scheduler, services and SQLite file are the real ones.

class FakeTray {
  tooltip = '';
  title = '';
  menu: MenuItemSpec[] = [];
  clicks: (() => void)[] = [];
  destroyed = false;
  constructor(readonly icon: string) {}
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setTitle(title: string) {
    this.title = title;
  }
  setContextMenu(menu: MenuItemSpec[]) {
    this.menu = menu;
  }
  on(_event: 'click', listener: () => void) {
    this.clicks.push(listener);
  }
  destroy() {
    this.destroyed = true;
  }
}

let dir: string;
let fake: FakeElectron;
let handle: MainHandle;
let desktop: ReminderDesktop;
let tray: FakeTray;
const power = new Map<string, () => void>();
const loginItems: unknown[] = [];
const beforeQuit: (() => void)[] = [];
const env = () => ({ XDG_CONFIG_HOME: path.join(dir, 'config') });

async function start(platform: NodeJS.Platform = 'linux', argv: string[] = []) {
  const rendererIndex = path.join(dir, 'app', 'dist', 'renderer', 'index.html');
  const started = await startMain(fake.api, {
    rendererIndex,
    preloadPath: path.join(dir, 'app', 'preload.cjs'),
    backendWorkerPath: path.resolve(import.meta.dirname, '..', '..', 'dist', 'node', 'backend.mjs'),
    argv: ['/opt/electron', path.join(dir, 'app'), ...argv],
    env: {},
    platform,
    logger: silentLogger,
    onEvent: (event, payload) => desktop?.onEvent(event, payload),
    keepRunningWhenClosed: () => desktop?.keepRunningWhenClosed() ?? false,
  });
  if (!started) throw new Error('startMain did not start');
  handle = started;
  const app = Object.assign(fake.api.app, {
    setLoginItemSettings: (s: unknown) => void loginItems.push(s),
    on: ((event: string, listener: () => void) => {
      if (event === 'before-quit') beforeQuit.push(listener);
      else (fake.app as any).on(event, listener);
      return fake.api.app;
    }) as any,
  });
  desktop = startReminderDesktop(
    {
      app,
      Tray: function (icon: string) {
        tray = new FakeTray(icon);
        return tray;
      } as unknown as new (icon: string) => FakeTray,
      Menu: { buildFromTemplate: (items) => items },
      nativeImage: { createFromPath: (file) => file },
      powerMonitor: { on: (event, listener) => power.set(event, listener) },
    },
    handle,
    { iconPath: '/app/build/icon.png', platform, execPath: '/opt/Renewal Desk/renewal-desk', loginArgs: [], env: env(), homeDir: dir, logger: silentLogger },
  );
  await desktop.checkNow('test');
}

const call = async (name: string, input: unknown) => {
  const win = fake.windows[0]!;
  const reply: any = await fake.invoke(IPC_INVOKE_CHANNEL, { sender: win.webContents, senderFrame: { url: win.loads[0]![0] ? `file://${win.loads[0]![0]}` : '', parent: null } }, name, input);
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.data;
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-desktop-'));
  fake = createFakeElectron({ userData: path.join(dir, 'userData') });
  power.clear();
  loginItems.length = 0;
  beforeQuit.length = 0;
});
afterEach(async () => {
  for (const l of beforeQuit) l();
  desktop?.stop();
  if (!fake.app.quitted) {
    fake.api.app.quit();
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

async function overdueContract(name: string, number: string) {
  const customer = await call('customers:create', { name, tier: 'normal' });
  // Ended ten days ago: its −7 step is already due, whatever the time of day the test runs.
  await call('contracts:create', { customerId: customer.id, number, endsOn: addDaysIso(localDateOf(new Date()), -10) });
}

describe('reminders on the desktop', () => {
  it('fires through Electron notifications, shows the unread count in the tray tooltip, and ticks on resume', async () => {
    await start();
    expect(tray.tooltip).toBe('续约管家 · 没有未读提醒');
    await overdueContract('杭州云启科技有限公司', 'D-1');
    await desktop.checkNow('test');
    expect(fake.notifications.map((n) => [n.options.title, n.shown])).toEqual([['杭州云启科技有限公司：合同已逾期 10 天', true]]);
    await vi.waitFor(() => expect(tray.tooltip).toBe('续约管家 · 1 条未读提醒'));
    expect(tray.title).toBe('');

    await overdueContract('宁波恒达贸易有限公司', 'D-2');
    power.get('resume')!();
    await vi.waitFor(() => expect(fake.notifications).toHaveLength(2));
    expect(fake.notifications[1]!.options.body).toContain('宁波恒达贸易有限公司');
    await vi.waitFor(() => expect(tray.tooltip).toBe('续约管家 · 2 条未读提醒'));

    await call('notifications:markRead', { all: true });
    await vi.waitFor(() => expect(tray.tooltip).toBe('续约管家 · 没有未读提醒'));
    expect(tray.menu.map((m) => m.label ?? '—')).toEqual(['打开续约管家', '通知中心', '立即检查提醒', '—', '退出']);
  });

  it('keeps running in the tray when the window closes, and the tray menu quits for real', async () => {
    await start();
    fake.windows[0]!.close();
    fake.app.emit('window-all-closed');
    expect(fake.app.quitCount).toBe(0);
    tray.clicks[0]!();
    expect(fake.windows).toHaveLength(2);
    tray.menu.find((m) => m.label === '退出')!.click!();
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
  });

  it('quits with the window when the user turned "keep running in the tray" off', async () => {
    await start();
    await call('reminders:setSettings', { keepInTray: false });
    await vi.waitFor(() => expect(desktop.keepRunningWhenClosed()).toBe(false));
    fake.windows[0]!.close();
    fake.app.emit('window-all-closed');
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
  });

  it('writes and removes a Linux autostart .desktop file that starts hidden', async () => {
    await start();
    const file = autostartFile(env(), dir);
    expect(fs.existsSync(file)).toBe(false);
    await call('reminders:setSettings', { startAtLogin: true });
    await vi.waitFor(() => expect(fs.existsSync(file)).toBe(true));
    expect(fs.readFileSync(file, 'utf8')).toContain('Exec="/opt/Renewal Desk/renewal-desk" --hidden\n');
    await call('reminders:setSettings', { startAtLogin: false });
    await vi.waitFor(() => expect(fs.existsSync(file)).toBe(false));
  });

  it('uses the OS login item on Windows, shows the count as a title on macOS, and starts hidden at login', async () => {
    await start('win32');
    await call('reminders:setSettings', { startAtLogin: true });
    await vi.waitFor(() => expect(loginItems).toContainEqual({ openAtLogin: true, openAsHidden: true, args: ['--hidden'] }));
    for (const l of beforeQuit) l();
    desktop.stop();
    fake.api.app.quit();
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));

    fake = createFakeElectron({ userData: path.join(dir, 'userData2') });
    await start('darwin', ['--hidden']);
    expect(fake.windows).toHaveLength(0);
    expect(desktopEntry('/a b/c', ['--x=$y'])).toContain('Exec="/a b/c" "--x=\\$y" --hidden');
  });
});
