import os from 'node:os';
import path from 'node:path';
import { isPostgresUrl, redactPostgresUrl } from '../../db/postgres/postgresUrl.ts';
import { AppError } from '../../shared/api/appError.ts';
import { msg } from '../../shared/i18n/message.ts';

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

/**
 * `--db FILE` wins, then RENEWAL_DESK_DB, then the per-user data directory. The desktop and the web host serve an
 * SQLite file only so far: a PostgreSQL URL is refused here, never taken for a file path.
 */
export function resolveDbFile(opts: { cliDb?: string | undefined; env?: NodeJS.ProcessEnv; defaultDir?: string }): string {
  const location = resolveDbLocation(opts);
  if (location.engine === 'postgres') {
    throw new AppError('VALIDATION', msg('dbLocation.postgresNotServedYet', { location: describeLocation(location) }), 'db');
  }
  return location.file;
}

/** Where an archive lives: an SQLite file, or a PostgreSQL database (team mode) named by its URL. */
export type DbLocation = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

/** A `--db` value, RENEWAL_DESK_DB or a migrate-to target: a postgres:// or postgresql:// URL selects PostgreSQL. */
export function dbLocationOf(value: string): DbLocation {
  return isPostgresUrl(value) ? { engine: 'postgres', url: value.trim() } : { engine: 'sqlite', file: path.resolve(value) };
}

/** `--db` wins, then RENEWAL_DESK_DB, then the per-user data directory's SQLite file; each may be a PostgreSQL URL. */
export function resolveDbLocation(opts: { cliDb?: string | undefined; env?: NodeJS.ProcessEnv; defaultDir?: string }): DbLocation {
  const env = opts.env ?? process.env;
  const given = opts.cliDb || env['RENEWAL_DESK_DB'];
  return given ? dbLocationOf(given) : { engine: 'sqlite', file: path.join(opts.defaultDir ?? userDataDir(env), DB_FILE_NAME) };
}

/** A location as messages and logs may show it: a PostgreSQL URL without its password. */
export const describeLocation = (l: DbLocation): string => (l.engine === 'postgres' ? redactPostgresUrl(l.url) : l.file);
