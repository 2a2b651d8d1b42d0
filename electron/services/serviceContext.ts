import type { Db } from '../../db/handle.ts';
import type { SignedInAccount } from '../../shared/api/accounts.contract.ts';
import type { ApiEventName, ApiEvents } from '../../shared/api/events.ts';
import type { Logger } from './logger.ts';
import type { Notifier } from './notifier/notifier.ts';
import type { SecretStore } from './secretStore.ts';

export type Clock = () => Date;
export interface BusyState {
  operation: string;
  since: string;
}
export type EmitEvent = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;

/** What a service needs from the outside world; entry points (Electron, web host, CLI) build one. */
export interface ServiceContext {
  /** The open database; a getter, because restoring a backup swaps the connection underneath. */
  readonly db: Db;
  readonly dataFile: string;
  readonly backupsDir: string;
  /**
   * Where contract attachments' files are kept: beside an SQLite file; for a team archive, this computer's own
   * folder (the files are not on the server yet, so another client cannot open them).
   */
  readonly attachmentsDir: string;
  /** Uploads and exports in transit (stagingDirFor): the one folder besides the data and backups the backend writes. */
  readonly stagingDir: string;
  readonly schemaVersion: number;
  readonly integrity: string;
  readonly now: Clock;
  readonly emit: EmitEvent;
  readonly actor: string;
  readonly logger: Logger;
  /** Native notifications for reminders fired by an operation (the CLI's `remind`); absent where the host's scheduler delivers. */
  readonly notifier?: Notifier | undefined;
  /** Closes the connection, replaces the file, and reopens it. */
  reopenAfter(work: () => Promise<void>): Promise<void>;
  /** The write the archive's owner is busy with (an import, say), where the backend knows it; null when idle. */
  readonly busyWith?: (() => BusyState | null) | undefined;
  /** Where the SMTP password is kept (never in the settings table); the environment's when the host gives none. */
  readonly secrets?: SecretStore | undefined;
  /** This computer's per-user data directory (the desktop's userData), where 设置's choice of database lives; userDataDir() when absent. */
  readonly userDataDir?: string | undefined;
  /** Set by inAuditBatch: every audited write of the call joins this batch, which one undo reverses. */
  readonly auditBatchId?: string | undefined;
  /** Team mode (a PostgreSQL archive): once the archive has an account, every call needs a signed-in session. */
  readonly teamMode?: boolean | undefined;
  /** The session token this call came with (team mode); a host sets it per call with withSessionToken. */
  readonly sessionToken?: string | undefined;
  /** The account the call runs as, set by dispatch from the session (accounts/accessGate.ts); `actor` is its login. */
  readonly account?: SignedInAccount | undefined;
}
