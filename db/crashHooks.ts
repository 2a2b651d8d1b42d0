import type BetterSqlite3 from 'better-sqlite3';
import { engineOf, rawOf, type Db } from './handle.ts';

// Named points where the torture suite (test-support/torture/) SIGKILLs a child process, to show that a crash
// at any of them leaves the archive whole. Production opens connections without hooks and every point is a
// no-op call; the points sit at transaction and file-swap boundaries, never inside a per-row loop.

export type CrashPoint =
  /** A transaction's work is done and COMMIT has not been sent: everything it wrote must vanish. */
  | 'before-commit'
  /** COMMIT returned: everything it wrote must survive. */
  | 'after-commit'
  /** The import wrote one more chunk of its one transaction. */
  | 'import:after-chunk'
  /** renewals:renew created the next term and has not yet marked the current one renewed. */
  | 'renew:after-new-term'
  /** customers:delete soft-deleted the customer's tree and has not yet recomputed its reminders. */
  | 'delete:after-tree'
  /** A backup is complete under its temporary name, not yet renamed into the list. */
  | 'backup:before-rename'
  /** A restore's checked copy waits in the staging folder, the connection is closed; the live file is still the old one. */
  | 'restore:staged'
  /** A restore renamed its copy over the live file; the connection is not reopened yet. */
  | 'restore:swapped';

export interface CrashHooks {
  reached(point: CrashPoint): void;
}

export const NO_CRASH_HOOKS: CrashHooks = { reached: () => {} };

const hooksOfConnection = new WeakMap<BetterSqlite3.Database, CrashHooks>();

/** Called by openDatabase when a test injects hooks. */
export function attachCrashHooks(raw: BetterSqlite3.Database, hooks: CrashHooks): void {
  hooksOfConnection.set(raw, hooks);
}

export function crashHooksOfConnection(raw: BetterSqlite3.Database): CrashHooks {
  return hooksOfConnection.get(raw) ?? NO_CRASH_HOOKS;
}

/** The hooks of an open database, for a service's own points (the no-op ones in production). */
export function crashHooksOf(db: Db): CrashHooks {
  // The torture suite kills SQLite writers only; a PostgreSQL archive has no hooks.
  if (engineOf(db) === 'postgres') return NO_CRASH_HOOKS;
  return crashHooksOfConnection(rawOf(db));
}
