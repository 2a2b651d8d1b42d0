import type { ApiEventName, ApiEvents } from '../../shared/api/events.ts';
import { apiContract } from '../../shared/api/apiContract.ts';
import type { Logger } from '../services/logger.ts';
import type { MainHandle } from './startMain.ts';
import { applyStartAtLogin, type LoginItemApp } from './startAtLogin.ts';

// The desktop side of reminders: a check on wake from sleep (the scheduler itself runs in the backend worker), the
// tray with the unread count, start at login, and staying alive in the tray when the window closes (so reminders
// fire without a window).

export interface TrayLike<M> {
  setToolTip(text: string): void;
  setTitle(title: string): void;
  setContextMenu(menu: M): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface MenuItemSpec {
  label?: string;
  type?: 'separator';
  click?: () => void;
}

/** The slice of Electron used here; `I` is its image type and `M` its menu type. */
export interface ReminderDesktopApi<I, M> {
  app: LoginItemApp & { quit(): void; on(event: 'before-quit', listener: () => void): unknown };
  Tray: new (icon: I) => TrayLike<M>;
  Menu: { buildFromTemplate(items: MenuItemSpec[]): M };
  nativeImage: { createFromPath(file: string): I };
  powerMonitor: { on(event: 'resume' | 'unlock-screen', listener: () => void): unknown };
}

export interface ReminderDesktopOptions {
  iconPath: string;
  platform: NodeJS.Platform;
  execPath: string;
  /** What start-at-login passes before --hidden (the app path when unpackaged). */
  loginArgs: readonly string[];
  env: NodeJS.ProcessEnv;
  homeDir: string;
  logger: Logger;
}

export interface ReminderDesktop {
  /** Fires what is due now (the tray's 立即检查提醒, a wake from sleep); resolves once it has. */
  checkNow(reason: string): Promise<void>;
  /** Fed every service event (startMain's onEvent), to keep the tray count and the settings current. */
  onEvent<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void;
  /** Whether closing the last window should leave the app running in the tray. */
  keepRunningWhenClosed(): boolean;
  stop(): void;
}

export function trayTooltip(unread: number): string {
  return unread > 0 ? `续约管家 · ${unread} 条未读提醒` : '续约管家 · 没有未读提醒';
}

export function startReminderDesktop<I, M>(api: ReminderDesktopApi<I, M>, handle: MainHandle, options: ReminderDesktopOptions): ReminderDesktop {
  const { backend } = handle;
  const logger = options.logger;
  let keepInTray = true;
  let quitting = false;
  const tray = new api.Tray(api.nativeImage.createFromPath(options.iconPath));

  // A check is `reminders:run`, queued in the backend like every write: it fires what is due and shows the toast.
  const checkNow = async (reason: string) => {
    const r = await backend.call('reminders:run', {});
    if (!r.ok) logger.warn(`reminder check (${reason}) failed: ${r.error.message}`);
  };
  const showCount = (unread: number) => {
    // A tray title shows only on macOS; elsewhere the tooltip carries the count.
    tray.setToolTip(trayTooltip(unread));
    if (options.platform === 'darwin') tray.setTitle(unread > 0 ? String(unread) : '');
  };
  const refreshCount = async () => {
    const r = await backend.call('notifications:list', { unreadOnly: true, limit: 1 });
    if (r.ok) showCount(apiContract['notifications:list'].output.parse(r.data).unread);
    else logger.warn('could not count unread reminders', r.error.message);
  };
  const applySettings = async () => {
    const r = await backend.call('reminders:getSettings', {});
    if (!r.ok) {
      logger.warn('could not read the desktop settings', r.error.message);
      return;
    }
    const desktop = apiContract['reminders:getSettings'].output.parse(r.data);
    keepInTray = desktop.keepInTray;
    try {
      applyStartAtLogin(desktop.startAtLogin, {
        platform: options.platform,
        app: api.app,
        execPath: options.execPath,
        args: options.loginArgs,
        env: options.env,
        homeDir: options.homeDir,
      });
    } catch (e) {
      logger.warn('could not apply desktop settings', e);
    }
  };

  tray.setContextMenu(
    api.Menu.buildFromTemplate([
      { label: '打开续约管家', click: () => handle.showWindow() },
      { label: '通知中心', click: () => handle.showWindow('/notifications') },
      { label: '立即检查提醒', click: () => void checkNow('tray') },
      { type: 'separator' },
      {
        label: '退出',
        click: () => {
          quitting = true;
          api.app.quit();
        },
      },
    ]),
  );
  tray.on('click', () => handle.showWindow());
  // A laptop waking up may have slept through due reminders: check at once rather than within the minute.
  api.powerMonitor.on('resume', () => void checkNow('resume'));
  api.powerMonitor.on('unlock-screen', () => void checkNow('unlock'));
  api.app.on('before-quit', () => {
    quitting = true;
  });
  void refreshCount();
  void applySettings();

  return {
    checkNow,
    onEvent(event, payload) {
      if (event === 'notifications:changed') showCount((payload as ApiEvents['notifications:changed']).unread);
      if (event === 'data:changed') {
        const domains = (payload as ApiEvents['data:changed']).domains;
        if (domains.includes('settings')) void applySettings();
        if (domains.includes('notifications')) void refreshCount();
      }
    },
    keepRunningWhenClosed: () => keepInTray && !quitting,
    stop() {
      tray.destroy();
    },
  };
}
