// The messages between a host (electron/main, the web host, the CLI) and its backend worker, and between the
// backend worker and the writer thread it runs. Plain data: they cross worker_threads by structured clone.
import type { Envelope } from '../../../shared/api/appError.ts';
import type { ApiEventName } from '../../../shared/api/events.ts';
import type { Message } from '../../../shared/i18n/message.ts';
import type { NotificationRequest } from '../notifier/notifier.ts';
import type { SecretName } from '../secretStore.ts';

/** Who raises native notifications: the worker itself (node-notifier: web host, CLI), the host (Electron), or nobody. */
export type NotifierChoice = 'node' | 'host' | 'none';

export interface BackendSettings {
  /** The archive (created and migrated if needed). */
  file: string;
  /** The bundle to run the writer thread from: the backend worker's own script. */
  workerScript: string;
  nativeBinding?: string | undefined;
  backupsDir?: string | undefined;
  actor: string;
  /** Between reminder ticks; null runs no scheduler (the CLI: `remind` fires on demand). */
  tickIntervalMs: number | null;
  notifier: NotifierChoice;
  /** How notify-send names the sender. */
  appName: string;
  /** One backup a day at start-up (the long-running hosts). */
  autoBackup: boolean;
  /**
   * 'split': reads on a read-only connection in the backend worker, writes in a writer thread, so reads answer
   * during a long import (the desktop, the web host). 'single': one thread and one connection, for a CLI command,
   * which starts a thread less.
   */
  threads: 'split' | 'single';
  /** Who keeps secrets (the SMTP password): the host's keychain (Electron's safeStorage), or the environment. */
  secrets?: 'host' | 'environment' | undefined;
  /** The host's per-user data directory (the desktop's userData), where 设置's choice of database is kept. */
  userDataDir?: string | undefined;
}

export interface BackendWorkerData extends BackendSettings {
  role: 'backend' | 'writer';
}

/** What the backend says once the archive is open. */
export interface BackendReady {
  dataFile: string;
  schemaVersion: number;
  integrity: string;
}

/** An archive that could not be opened: the code and the message, for the host to word in its language. */
export interface BackendOpenFailure {
  code: string;
  detail: Message | null;
  text: string;
}

export type HostToWorker =
  | { type: 'call'; id: number; name: string; input: unknown }
  | { type: 'notified'; id: number; error: string | null }
  | { type: 'secretAnswer'; id: number; value: string | null; error: string | null }
  | { type: 'close' };

export type WorkerToHost =
  | { type: 'ready'; ready: BackendReady }
  | { type: 'failed'; failure: BackendOpenFailure }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: ApiEventName; payload: unknown }
  | { type: 'notify'; id: number; request: NotificationRequest }
  /** A secret read (no `set`) or written, in the host's keychain. */
  | { type: 'secret'; id: number; name: SecretName; set?: { value: string | null } }
  | { type: 'closed' };

/** The writer's requests to the backend worker around a restore: close the reader, and open it again. */
export type WriterToBackend = WorkerToHost | { type: 'reader'; id: number; action: 'close' | 'open' } | { type: 'busy'; operation: string | null };
export type BackendToWriter = HostToWorker | { type: 'reader'; id: number };
