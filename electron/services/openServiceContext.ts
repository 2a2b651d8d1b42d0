import path from 'node:path';
import { attachmentsDirFor } from '../../db/attachmentStore.ts';
import type { CrashHooks } from '../../db/crashHooks.ts';
import { openDatabase, type OpenedDatabase } from '../../db/openDatabase.ts';
import { openReadOnlyDatabase } from '../../db/openReadOnlyDatabase.ts';
import type { Clock, EmitEvent, ServiceContext } from './serviceContext.ts';
import { stagingDirFor } from './dataLocation.ts';
import { stderrLogger, type Logger } from './logger.ts';
import type { Notifier } from './notifier/notifier.ts';
import { environmentSecretStore, type SecretStore } from './secretStore.ts';

export interface ContextOptions {
  file: string;
  now?: Clock;
  emit?: EmitEvent;
  actor?: string;
  logger?: Logger;
  notifier?: Notifier | undefined;
  nativeBinding?: string | undefined;
  backupsDir?: string;
  /** A read-only connection to an archive a writer has opened (the backend's reader); `integrity` is the writer's. */
  readOnly?: { integrity: string } | undefined;
  /** Wraps a file swap (restore): the backend closes its reader before `swap` and reopens it after. */
  aroundReopen?: ((swap: () => Promise<void>) => Promise<void>) | undefined;
  busyWith?: ServiceContext['busyWith'];
  /** The host's secret store (the desktop's keychain); the environment's by default. */
  secrets?: SecretStore | undefined;
  /** The host's per-user data directory (ServiceContext.userDataDir). */
  userDataDir?: string | undefined;
  /** Where the torture suite's children kill themselves (db/crashHooks.ts); production passes none. */
  crashHooks?: CrashHooks;
}

export interface OpenContext {
  ctx: ServiceContext;
  close(): Promise<void>;
}

/** Opens the database (migrating it) and builds the context every entry point hands to the handler table. */
export async function openServiceContext(options: ContextOptions): Promise<OpenContext> {
  const now = options.now ?? (() => new Date());
  const common = {
    file: options.file,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.backupsDir ? { backupsDir: options.backupsDir } : {}),
  };
  const readOnly = options.readOnly;
  const tempDirectory = path.join(stagingDirFor(options.file), 'sqlite');
  const hooks = options.crashHooks ? { crashHooks: options.crashHooks } : {};
  const open = async (): Promise<OpenedDatabase> =>
    readOnly ? openReadOnlyDatabase({ ...common, integrity: readOnly.integrity }) : openDatabase({ ...common, now, tempDirectory, ...hooks });
  let current: OpenedDatabase = await open();
  const ctx: ServiceContext = {
    get db() {
      return current.db;
    },
    get dataFile() {
      return current.file;
    },
    get backupsDir() {
      return current.backupsDir;
    },
    get attachmentsDir() {
      return attachmentsDirFor(current.file);
    },
    get stagingDir() {
      return stagingDirFor(current.file);
    },
    get schemaVersion() {
      return current.schemaVersion;
    },
    get integrity() {
      return current.integrity;
    },
    now,
    emit: options.emit ?? (() => {}),
    actor: options.actor ?? 'local',
    logger: options.logger ?? stderrLogger(),
    notifier: options.notifier,
    busyWith: options.busyWith,
    secrets: options.secrets ?? environmentSecretStore(),
    userDataDir: options.userDataDir,
    async reopenAfter(work) {
      if (readOnly) throw new Error('a read-only context cannot replace the archive');
      const swap = async () => {
        await current.close();
        try {
          await work();
        } finally {
          current = await open();
        }
      };
      await (options.aroundReopen ? options.aroundReopen(swap) : swap());
    },
  };
  return { ctx, close: () => current.close() };
}
