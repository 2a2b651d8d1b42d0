import type { ApiDomain } from './apiContract.ts';

// Main → renderer events. Each carries plain JSON; the renderer subscribes through the typed `on`.
export interface ApiEvents {
  /** An operation succeeded: the domains its contract declares as changed; the renderer refetches those. */
  'data:changed': { domains: ApiDomain[] };
  /** A reminder tick recorded notifications (after its commit); `digest` when they went out as one. */
  'reminders:fired': { count: number; digest: boolean; notificationIds: string[]; title: string; body: string };
  /** The notification centre's unread count changed (fired, read, snoozed, done). */
  'notifications:changed': { unread: number };
  /** An import is under way: rows read so far and bytes of the file consumed. `id` is the upload id (wizard). */
  'import:progress': { id: string; phase: 'reading' | 'done'; rows: number; bytesRead: number; totalBytes: number };
  /**
   * The archive's owner is busy with a long write (an import, an undo, a restore): other changes wait until it
   * commits, while reads go on. `operation` null when it is done.
   */
  'backend:busy': { operation: string | null; since: string | null };
  /**
   * Team mode: whether this client reaches the PostgreSQL server. While 'offline' every call fails with
   * SERVER_UNREACHABLE (nothing is queued) and the client dials again by itself.
   */
  'backend:connection': { state: 'online' | 'offline'; since: string };
}
export type ApiEventName = keyof ApiEvents;
export const API_EVENT_NAMES: readonly ApiEventName[] = ['data:changed', 'reminders:fired', 'notifications:changed', 'import:progress', 'backend:busy', 'backend:connection'];
