import fs from 'node:fs';
import path from 'node:path';

/**
 * Where `npm start` builds better-sqlite3 for Electron's ABI, relative to the project root; kept apart from
 * node_modules so that Vitest and the CLI keep the Node build. scripts/start-electron.mjs writes the same path.
 */
export const ELECTRON_NATIVE_ADDON = ['.electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'] as const;

/** The Electron build of the addon when present (development); a packaged app has it rebuilt in node_modules. */
export function electronNativeBinding(appRoot: string, exists: (file: string) => boolean = fs.existsSync): string | undefined {
  const file = path.join(appRoot, ...ELECTRON_NATIVE_ADDON);
  return exists(file) ? file : undefined;
}
