// The host's side of the backend worker: start it, forward calls, hear events, show its notifications when
// the host is the one that can (Electron), and close it so that SQLite closes after the last write.
import { Worker } from 'node:worker_threads';
import { AppError, ERROR_CODES, errorData, type Envelope, type ErrorCode } from '../../../shared/api/appError.ts';
import type { ApiEventName, ApiEvents } from '../../../shared/api/events.ts';
import { msg } from '../../../shared/i18n/message.ts';
import type { Logger } from '../logger.ts';
import type { Notifier } from '../notifier/notifier.ts';
import type { SecretStore } from '../secretStore.ts';
import { archiveUnavailable, type Backend, type BackendEventListener } from './backend.ts';
import type { BackendOpenFailure, BackendReady, BackendSettings, BackendToWriter, HostToWorker, WriterToBackend } from './backendProtocol.ts';

export interface BackendWorkerOptions {
  /** Shows what the worker asks to show, when settings.notifier is 'host'. */
  hostNotifier?: Notifier | undefined;
  /** Keeps the secrets the worker asks for, when settings.secrets is 'host' (Electron's safeStorage). */
  hostSecrets?: SecretStore | undefined;
  logger: Logger;
}

const isErrorCode = (code: string): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code);

function openError(failure: BackendOpenFailure): Error {
  return failure.detail && isErrorCode(failure.code) ? new AppError(failure.code, failure.detail) : new Error(failure.text);
}

/** Starts the backend worker on `settings.file`; resolves once the archive is open (and migrated), or rejects why not. */
export function startBackendWorker(settings: BackendSettings, options: BackendWorkerOptions): Promise<Backend> {
  // 'single' runs the writer thread alone: the host then answers its reader requests (there is no reader) itself.
  const worker = new Worker(settings.workerScript, { workerData: { ...settings, role: settings.threads === 'single' ? 'writer' : 'backend' } });
  const post = (message: HostToWorker) => worker.postMessage(message);
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const listeners = new Set<BackendEventListener>();
  let nextId = 1;
  let exited = false;
  let closed: (() => void) | null = null;

  const failAll = () => {
    for (const resolve of pending.values()) resolve(archiveUnavailable());
    pending.clear();
  };

  return new Promise<Backend>((resolveStart, rejectStart) => {
    let started = false;
    const backendOf = (ready: BackendReady): Backend => ({
      ready,
      role: 'owner',
      call(name, input) {
        if (exited) return Promise.resolve(archiveUnavailable());
        const id = nextId++;
        return new Promise((resolve) => {
          pending.set(id, resolve);
          try {
            post({ type: 'call', id, name, input });
          } catch {
            // An input the worker cannot be sent (nested deeper than the structured clone's stack): invalid input.
            pending.delete(id);
            resolve({ ok: false, error: errorData('VALIDATION', msg('errors.invalidInput'), null, 'zh-CN') });
          }
        });
      },
      on(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close() {
        if (exited) return Promise.resolve();
        return new Promise<void>((resolve) => {
          closed = resolve;
          post({ type: 'close' });
        });
      },
    });

    const emit = (event: ApiEventName, payload: ApiEvents[ApiEventName]) => {
      for (const listener of listeners) {
        try {
          listener(event, payload);
        } catch (e) {
          options.logger.warn(`a listener of ${event} failed`, e);
        }
      }
    };
    worker.on('message', (message: WriterToBackend) => {
      switch (message.type) {
        case 'reader':
          worker.postMessage({ type: 'reader', id: message.id } satisfies BackendToWriter);
          return;
        case 'busy':
          emit('backend:busy', { operation: message.operation, since: message.operation === null ? null : new Date().toISOString() });
          return;
        case 'ready':
          started = true;
          resolveStart(backendOf(message.ready));
          return;
        case 'failed':
          if (!started) rejectStart(openError(message.failure));
          else options.logger.error(`the backend stopped: ${message.failure.text}`);
          return;
        case 'result': {
          const resolve = pending.get(message.id);
          pending.delete(message.id);
          resolve?.(message.envelope);
          return;
        }
        case 'event':
          // The worker sends each event's payload as shared/api/events.ts types it.
          emit(message.event, message.payload as ApiEvents[ApiEventName]);
          return;
        case 'notify': {
          const notifier = options.hostNotifier;
          const id = message.id;
          const answer = (error: string | null) => {
            if (!exited) post({ type: 'notified', id, error });
          };
          if (!notifier) answer('no notifier in this host');
          else notifier.notify(message.request).then(() => answer(null), (e: unknown) => answer(e instanceof Error ? e.message : String(e)));
          return;
        }
        case 'secret': {
          const { id, name, set } = message;
          const answer = (value: string | null, error: string | null) => {
            if (!exited) post({ type: 'secretAnswer', id, value, error });
          };
          const store = options.hostSecrets;
          const work = !store ? Promise.reject(new Error('no secret store in this host')) : set ? store.set(name, set.value).then(() => null) : store.get(name);
          work.then((value) => answer(value, null), (e: unknown) => answer(null, e instanceof Error ? e.message : String(e)));
          return;
        }
        case 'closed':
          return;
      }
    });
    worker.on('error', (e) => {
      options.logger.error('the backend worker failed', e);
      if (!started) rejectStart(e);
    });
    worker.on('exit', (code) => {
      exited = true;
      failAll();
      if (!started) rejectStart(new Error(`the backend worker exited (${code}) before the archive opened`));
      closed?.();
    });
  });
}
