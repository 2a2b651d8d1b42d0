import fs from 'node:fs';
import path from 'node:path';

// "Start at login": on Linux an XDG autostart .desktop file (what GNOME, KDE and Xfce read), on Windows and
// macOS the OS login item through Electron. The app then starts hidden in the tray so reminders keep firing.

export interface LoginItemApp {
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }): void;
}

export interface StartAtLoginOptions {
  platform: NodeJS.Platform;
  app: LoginItemApp;
  /** The program to start: the AppImage when running from one, otherwise the Electron executable. */
  execPath: string;
  /** Arguments before our own flag (the app path when running unpackaged). */
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  homeDir: string;
}

export const HIDDEN_FLAG = '--hidden';
export const AUTOSTART_FILE_NAME = 'renewal-desk.desktop';

export function autostartFile(env: NodeJS.ProcessEnv, homeDir: string): string {
  return path.join(env['XDG_CONFIG_HOME'] || path.join(homeDir, '.config'), 'autostart', AUTOSTART_FILE_NAME);
}

// Desktop Entry spec: an argument with reserved characters is double-quoted, and inside quotes ", `, $ and \
// are escaped with a backslash.
function execArg(arg: string): string {
  if (!/[\s"'\\`$;&|<>()*?#~=%]/.test(arg)) return arg;
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function desktopEntry(execPath: string, args: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=续约管家',
    'Name[en]=Renewal Desk',
    'Comment=续约提醒在后台运行',
    `Exec=${[execPath, ...args, HIDDEN_FLAG].map(execArg).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function applyStartAtLogin(enabled: boolean, o: StartAtLoginOptions): void {
  if (o.platform === 'linux' || o.platform === 'freebsd' || o.platform === 'openbsd') {
    const file = autostartFile(o.env, o.homeDir);
    if (!enabled) {
      fs.rmSync(file, { force: true });
      return;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, desktopEntry(o.env['APPIMAGE'] || o.execPath, o.args));
    return;
  }
  o.app.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true, args: [...o.args, HIDDEN_FLAG] });
}
