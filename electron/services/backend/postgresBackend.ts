// The backend of a team archive on a PostgreSQL server. No worker thread, owner file or reader connection: the
// server serialises writers and serves every client at once, so each process holds its own pool and runs the
// handler table itself. What it adds: the change notes that keep every client's lists fresh (LISTEN/NOTIFY), and
// the watch on the server, so that a client whose server is away says so and fails its calls at once.
import { randomUUID } from 'node:crypto';
import { changeNotePayload, readChangeNote } from './changeNote.ts';
import { listenForChanges, notifyChange, serverAnswers, type ChangeListener } from '../../../db/postgres/changeNotifications.ts';
import { poolOf } from '../../../db/handle.ts';
import { AppError, errorData, type Envelope } from '../../../shared/api/appError.ts';
import { changesOf, isApiName } from '../../../shared/api/apiContract.ts';
import { API_DOMAINS } from '../../../shared/api/apiDomains.ts';
import type { ApiEventName, ApiEvents } from '../../../shared/api/events.ts';
import type { Locale } from '../../../shared/i18n/enumLabels.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { redactPostgresUrl } from '../../../db/postgres/postgresUrl.ts';
import { buildHandlerTable } from '../allHandlers.ts';
import { withSessionToken } from '../accounts/accessGate.ts';
import { archiveLocale } from '../archiveLocale.ts';
import { dispatch } from '../handlerTable.ts';
import type { Logger } from '../logger.ts';
import type { Notifier } from '../notifier/notifier.ts';
import { openPostgresServiceContext } from '../openPostgresServiceContext.ts';
import { startScheduler, type Scheduler } from '../reminders/tickScheduler.ts';
import type { SecretStore } from '../secretStore.ts';
import type { Backend, BackendEventListener } from './backend.ts';
import { isServerAway } from './postgresFailure.ts';

export interface PostgresBackendOptions {
  /** postgres://…; its password, if any, never leaves in a message or a log. */
  url: string;
  /** This client's folder for files in transit and local backups. */
  localDir: string;
  actor: string;
  /** Between reminder ticks; null runs no scheduler (the CLI). Each client ticks; claims make each step fire once. */
  tickIntervalMs: number | null;
  notifier?: Notifier | undefined;
  secrets?: SecretStore | undefined;
  logger: Logger;
  userDataDir?: string | undefined;
  /** How long dialling the server may take before a call fails; and the pause between dials while it is away. */
  connectTimeoutMs?: number;
  retryMs?: number;
  maxConnections?: number;
}

/** The answer every call gets while the server is away: worded, nothing done, nothing queued. */
function unreachable(location: string, locale: Locale): Envelope<never> {
  return { ok: false, error: errorData('SERVER_UNREACHABLE', msg('teamDb.serverUnreachable', { location }), null, locale) };
}

/** Opens the archive on the server (migrating it if needed) and serves it in this process. */
export async function openPostgresBackend(options: PostgresBackendOptions): Promise<Backend> {
  const location = redactPostgresUrl(options.url);
  const origin = randomUUID();
  const listeners = new Set<BackendEventListener>();
  const emitHere = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => {
    for (const listener of listeners) {
      try {
        listener(event, payload);
      } catch (e) {
        options.logger.warn(`a listener of ${event} failed`, e);
      }
    }
  };
  let notify: (payload: string) => void = () => {};
  const connectTimeoutMs = options.connectTimeoutMs ?? 5000;
  let opened;
  try {
    opened = await openPostgresServiceContext({
      url: options.url,
      localDir: options.localDir,
      actor: options.actor,
      logger: options.logger,
      notifier: options.notifier,
      secrets: options.secrets,
      userDataDir: options.userDataDir,
      connectTimeoutMs,
      ...(options.maxConnections ? { maxConnections: options.maxConnections } : {}),
      emit: (event, payload) => {
        emitHere(event, payload);
        // The other clients hear what changed here; their windows refetch as this one's do.
        const note = changeNotePayload(origin, event, payload);
        if (note !== null) notify(note);
      },
    });
  } catch (e) {
    if (isServerAway(e)) throw new AppError('SERVER_UNREACHABLE', msg('teamDb.serverUnreachable', { location }));
    throw e;
  }
  const { ctx } = opened;
  const pool = poolOf(ctx.db);
  notify = (payload) => {
    notifyChange(pool, payload).catch((e: unknown) => options.logger.warn('telling the other clients about a change failed', e));
  };
  let locale: Locale = await archiveLocale(ctx.db).catch(() => 'zh-CN' as const);
  let online = true;
  const setOnline = (next: boolean) => {
    if (next === online) return;
    online = next;
    options.logger[next ? 'info' : 'warn'](next ? `the server is back: ${location}` : `the server cannot be reached: ${location}`);
    emitHere('backend:connection', { state: next ? 'online' : 'offline', since: new Date().toISOString() });
    // Whatever the others changed while this client was away was never heard: every list refetches.
    if (next) emitHere('data:changed', { domains: [...API_DOMAINS] });
  };
  const listener: ChangeListener = listenForChanges({
    url: options.url,
    connectTimeoutMs,
    ...(options.retryMs ? { retryMs: options.retryMs } : {}),
    onPayload(payload) {
      const note = readChangeNote(payload);
      if (note && note.origin !== origin) emitHere(note.event, note.payload);
    },
    onState: setOnline,
  });
  // Open means listening: a change another client commits right after this returns reaches this one's windows.
  await listener.ready;

  const table = buildHandlerTable();
  let scheduler: Scheduler | null = null;
  if (options.tickIntervalMs !== null && options.notifier) {
    // While the server is away a tick could only fail: it waits for the next one after the server is back.
    scheduler = startScheduler(ctx, options.notifier, { intervalMs: options.tickIntervalMs, serialize: (work) => (online ? work() : Promise.resolve()) });
  }

  return {
    ready: { dataFile: ctx.dataFile, schemaVersion: ctx.schemaVersion, integrity: ctx.integrity },
    role: 'owner',
    async call(name, input, session) {
      if (!online) return unreachable(location, locale);
      // The caller's session (the host's header, the preload's argument, the CLI's login): dispatch's gate resolves
      // it to the account, checks the role, and names the account as the actor of what the handler writes.
      const callCtx = withSessionToken(ctx, session);
      let envelope = await dispatch(table, callCtx, name, input);
      // A connection the server dropped while it was away can linger in the pool and fail the first call after it is
      // back: a read is asked again once (a write is not: whether it committed is the server's to say).
      if (!envelope.ok && envelope.error.code === 'INTERNAL' && isApiName(name) && changesOf(name).length === 0) {
        envelope = await dispatch(table, callCtx, name, input);
      }
      if (envelope.ok) {
        if (name === 'settings:set') locale = await archiveLocale(ctx.db).catch(() => locale);
        return envelope;
      }
      // dispatch words any unexpected failure as INTERNAL; one the server's absence caused is said as such.
      if (envelope.error.code === 'INTERNAL' && !(await serverAnswers(pool, connectTimeoutMs))) {
        setOnline(false);
        return unreachable(location, locale);
      }
      return envelope;
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await scheduler?.stop();
      await listener.close();
      await opened.close();
    },
  };
}
