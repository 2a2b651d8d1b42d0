// The one door every host (the desktop, the web host, the CLI) opens its archive through: an SQLite file is served
// by a backend worker and its owner file (openBackend), a PostgreSQL database by this process itself
// (postgresBackend), because there the server is what serialises the writers of every client.
import { withPassword, type DbLocation } from '../dataLocation.ts';
import { createNodeNotifier } from '../notifier/nodeNotifierAdapter.ts';
import type { Notifier } from '../notifier/notifier.ts';
import type { Backend } from './backend.ts';
import type { BackendSettings } from './backendProtocol.ts';
import { openBackend, type OpenBackendOptions } from './openBackend.ts';
import { openPostgresBackend } from './postgresBackend.ts';

export interface OpenArchiveOptions extends Omit<OpenBackendOptions, 'settings'> {
  location: DbLocation;
  /** As for a file; `file` comes from the location. */
  settings: Omit<BackendSettings, 'file'>;
  /** Team mode: this client's folder for files in transit and local backups (teamLocalDir). */
  localDir: string;
  /** Team mode: the password the desktop's keychain keeps; the CLI and the web host use PGPASSWORD instead. */
  password?: string | null | undefined;
}

export function openArchive(options: OpenArchiveOptions): Promise<Backend> {
  const { location, settings } = options;
  if (location.engine === 'sqlite') return openBackend({ ...options, settings: { ...settings, file: location.file } });
  const notifier: Notifier | undefined =
    settings.notifier === 'node' ? createNodeNotifier({ appName: settings.appName }) : settings.notifier === 'host' ? options.hostNotifier : undefined;
  return openPostgresBackend({
    url: withPassword(location.url, options.password),
    localDir: options.localDir,
    actor: settings.actor,
    tickIntervalMs: settings.tickIntervalMs,
    notifier,
    secrets: settings.secrets === 'host' ? options.hostSecrets : undefined,
    logger: options.logger,
    userDataDir: settings.userDataDir,
  });
}
