import type { AppLike } from './electronApi.ts';

/**
 * The application id: macOS's bundle id and Windows's AppUserModelID. build/electron-builder.yml's appId must
 * be the same string (scripts/electron-builder-config.test.ts checks), because the NSIS installer stamps it on
 * the Start-menu shortcut and Windows shows a process's toasts only when its id matches such a shortcut.
 */
export const APP_ID = 'com.renewaldesk.app';

export function applyAppUserModelId(app: Pick<AppLike, 'setAppUserModelId'>, platform: NodeJS.Platform): void {
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
}
