import fs from 'node:fs';
import path from 'node:path';
import { openPostgres } from '../../db/postgres/openPostgres.ts';
import type { OpenContext } from './openServiceContext.ts';
import type { Clock, EmitEvent, ServiceContext } from './serviceContext.ts';
import { stderrLogger, type Logger } from './logger.ts';
import type { Notifier } from './notifier/notifier.ts';
import { environmentSecretStore, type SecretStore } from './secretStore.ts';

export interface PostgresContextOptions {
  /** postgres://… (the password may come from the keychain or PGPASSWORD instead). */
  url: string;
  /**
   * This client's own folder for files in transit (uploads, exports being written) and local backups: a team
   * archive lives on the server, but those files stay on the machine that made them.
   */
  localDir: string;
  now?: Clock;
  emit?: EmitEvent;
  actor?: string;
  logger?: Logger;
  notifier?: Notifier | undefined;
  secrets?: SecretStore | undefined;
  /** The host's per-user data directory (ServiceContext.userDataDir). */
  userDataDir?: string | undefined;
  busyWith?: ServiceContext['busyWith'];
  maxConnections?: number;
  /** A bound on dialling the server, so a call to a server that is away fails instead of hanging. */
  connectTimeoutMs?: number;
  /** Stands in for the server's clock (tests simulating time on the server); left out, the server is asked. */
  serverClock?: Clock;
}

/** Opens a PostgreSQL archive (migrating it under the server's advisory lock) and builds the same context as a file. */
export async function openPostgresServiceContext(options: PostgresContextOptions): Promise<OpenContext> {
  const now = options.now ?? (() => new Date());
  const opened = await openPostgres({
    url: options.url,
    now,
    ...(options.maxConnections ? { maxConnections: options.maxConnections } : {}),
    ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    ...(options.serverClock ? { serverClock: options.serverClock } : {}),
  });
  const stagingDir = path.join(options.localDir, 'staging');
  fs.mkdirSync(stagingDir, { recursive: true });
  const ctx: ServiceContext = {
    db: opened.db,
    dataFile: opened.location,
    backupsDir: path.join(options.localDir, 'backups'),
    attachmentsDir: path.join(options.localDir, 'attachments'),
    stagingDir,
    schemaVersion: opened.schemaVersion,
    // The server checks its own pages; there is no file for an integrity_check to read.
    integrity: 'ok',
    now,
    emit: options.emit ?? (() => {}),
    actor: options.actor ?? 'local',
    logger: options.logger ?? stderrLogger(),
    notifier: options.notifier,
    busyWith: options.busyWith,
    secrets: options.secrets ?? environmentSecretStore(),
    // Accounts and roles apply once the archive has its first account (accounts/accessGate.ts).
    teamMode: true,
    userDataDir: options.userDataDir,
    reopenAfter() {
      return Promise.reject(new Error('a PostgreSQL archive is not replaced by a file: restore it with migrate-to'));
    },
  };
  return { ctx, close: () => opened.close() };
}
