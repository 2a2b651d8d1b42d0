import { openDatabase, type OpenedDatabase } from '../../db/openDatabase.ts';
import type { Clock, EmitEvent, ServiceContext } from './serviceContext.ts';
import { stagingDirFor } from './dataLocation.ts';
import { stderrLogger, type Logger } from './logger.ts';
import type { Notifier } from './notifier/notifier.ts';

export interface ContextOptions {
  file: string;
  now?: Clock;
  emit?: EmitEvent;
  actor?: string;
  logger?: Logger;
  notifier?: Notifier;
  nativeBinding?: string;
  backupsDir?: string;
}

export interface OpenContext {
  ctx: ServiceContext;
  close(): Promise<void>;
}

/** Opens the database (migrating it) and builds the context every entry point hands to the handler table. */
export async function openServiceContext(options: ContextOptions): Promise<OpenContext> {
  const now = options.now ?? (() => new Date());
  const open = () =>
    openDatabase({
      file: options.file,
      now,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.backupsDir ? { backupsDir: options.backupsDir } : {}),
    });
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
    async reopenAfter(work) {
      await current.close();
      try {
        await work();
      } finally {
        current = await open();
      }
    },
  };
  return { ctx, close: () => current.close() };
}
