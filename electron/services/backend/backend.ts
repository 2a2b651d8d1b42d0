import { errorData, type Envelope } from '../../../shared/api/appError.ts';
import type { ApiEventName, ApiEvents } from '../../../shared/api/events.ts';
import { msg } from '../../../shared/i18n/message.ts';
import type { BackendReady } from './backendProtocol.ts';

/** The answer to a call no backend can take any more (the worker stopped, the owner went away). */
export const archiveUnavailable = (): Envelope<never> => ({ ok: false, error: errorData('INTERNAL', msg('errors.archiveUnavailable'), null, 'zh-CN') });

export type BackendEventListener = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;

/**
 * The archive as a host sees it: calls answered with envelopes, and events. Either this process's own backend worker
 * (it owns the archive) or a forwarder to the process that does.
 */
export interface Backend {
  readonly ready: BackendReady;
  readonly role: 'owner' | 'forwarder';
  /**
   * Any operation by name; the backend validates the input and never throws across the boundary. `session` is the
   * team-mode session token the host received with the call (a team archive checks it before the handler runs);
   * an SQLite archive has no accounts and ignores it.
   */
  call(name: string, input: unknown, session?: string | null): Promise<Envelope<unknown>>;
  on(listener: BackendEventListener): () => void;
  /** Finishes the write and the reminder tick in flight, closes the archive (an owner) or the connection to it. */
  close(): Promise<void>;
}
