import os from 'node:os';
import path from 'node:path';
import { isPostgresUrl, redactPostgresUrl } from '../../db/postgres/postgresUrl.ts';

/** The directory name Electron derives userData from (app name); main sets the same name explicitly. */
export const APP_DIR_NAME = 'Renewal Desk';
export const DB_FILE_NAME = 'renewal-desk.db';

/**
 * The per-user data directory, identical to Electron's app.getPath('userData') for APP_DIR_NAME, so the
 * desktop app, the web host and the CLI share one database by default.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = env['HOME'] ?? env['USERPROFILE'] ?? os.homedir();
  if (platform === 'win32') return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env['XDG_CONFIG_HOME'] || path.join(home, '.config'), APP_DIR_NAME);
}

/**
 * Where an archive keeps files in transit (uploads waiting to be imported, exports being written): a folder beside
 * the data file named after it, like its backups, so the backend never needs a folder of the caller's choosing.
 */
export function stagingDirFor(dbFile: string): string {
  const abs = path.resolve(dbFile);
  return path.join(path.dirname(abs), `${path.basename(abs, path.extname(abs))}-staging`);
}

/** Where an archive lives: an SQLite file, or a PostgreSQL database (team mode) named by its URL. */
export type DbLocation = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

/** A `--db` value, RENEWAL_DESK_DB or a migrate-to target: a postgres:// or postgresql:// URL selects PostgreSQL. */
export function dbLocationOf(value: string): DbLocation {
  return isPostgresUrl(value) ? { engine: 'postgres', url: value.trim() } : { engine: 'sqlite', file: path.resolve(value) };
}

/**
 * `--db` wins, then RENEWAL_DESK_DB, then the team database chosen in 设置 (`chosen`, see chosenLocation.ts), then
 * the per-user data directory's SQLite file; each of the first two may be a PostgreSQL URL.
 */
export function resolveDbLocation(opts: { cliDb?: string | undefined; env?: NodeJS.ProcessEnv; defaultDir?: string; chosen?: string | null }): DbLocation {
  const env = opts.env ?? process.env;
  const given = opts.cliDb || env['RENEWAL_DESK_DB'] || opts.chosen;
  return given ? dbLocationOf(given) : { engine: 'sqlite', file: path.join(opts.defaultDir ?? userDataDir(env), DB_FILE_NAME) };
}

/**
 * This client's own folder beside a team archive: uploads and exports in transit and local backups stay on the
 * machine that made them, in the per-user data directory.
 */
export const teamLocalDir = (dataDir: string): string => path.join(dataDir, 'team');

/**
 * The URL with a password the keychain kept (the URL itself never carries one in the settings): as a `password`
 * parameter, which pg reads and redactPostgresUrl masks. A URL that already has a password keeps its own.
 */
export function withPassword(url: string, password: string | null | undefined): string {
  if (!password || /^postgres(ql)?:\/\/[^/?#@]*:[^@]*@/i.test(url) || /[?&]password=/i.test(url)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}password=${encodeURIComponent(password)}`;
}

/** A location as messages and logs may show it: a PostgreSQL URL without its password. */
export const describeLocation = (l: DbLocation): string => (l.engine === 'postgres' ? redactPostgresUrl(l.url) : l.file);
