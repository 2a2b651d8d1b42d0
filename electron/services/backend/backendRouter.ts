// The backend worker: the one place (besides its writer thread) that holds the archive's connections. Reads run
// here on a read-only connection, side by side and while a long import holds the write transaction; writes go to
// the writer thread and queue there. The host only forwards calls and hears events.
import { Worker, type MessagePort } from 'node:worker_threads';
import { changesOf, isApiName } from '../../../shared/api/apiContract.ts';
import { buildHandlerTable } from '../allHandlers.ts';
import { dispatch } from '../handlerTable.ts';
import { stderrLogger } from '../logger.ts';
import { openServiceContext, type OpenContext } from '../openServiceContext.ts';
import type { BusyState } from '../serviceContext.ts';
import type { BackendReady, BackendSettings, BackendToWriter, HostToWorker, WorkerToHost, WriterToBackend } from './backendProtocol.ts';
import { archiveUnavailable } from './backend.ts';
import { openFailure } from './openFailure.ts';
import { ReadGate } from './readGate.ts';
import { hostSecretStore } from './hostSecrets.ts';

export async function runBackendWorker(port: MessagePort, settings: BackendSettings): Promise<void> {
  const post = (message: WorkerToHost) => port.postMessage(message);
  const logger = stderrLogger('renewal-desk:backend');
  const writer = new Worker(settings.workerScript, { workerData: { ...settings, role: 'writer' } });
  const toWriter = (message: BackendToWriter) => writer.postMessage(message);
  const gate = new ReadGate();
  const table = buildHandlerTable();
  let busy: BusyState | null = null;
  let reader: OpenContext | null = null;
  let writerGone = false;
  let closing = false;
  // Writes sent to the writer and not answered yet: if it dies, they are answered with an error, never left hanging.
  const pendingWrites = new Set<number>();
  // The reader's own requests to the host's keychain (mail:getSettings asks whether a password is kept), numbered
  // below zero so their answers are told apart from the writer's.
  let nextSecretId = -1;
  const readerSecrets = hostSecretStore(post, () => nextSecretId--);

  const openReader = (ready: BackendReady) =>
    openServiceContext({
      file: ready.dataFile,
      nativeBinding: settings.nativeBinding,
      ...(settings.backupsDir ? { backupsDir: settings.backupsDir } : {}),
      actor: settings.actor,
      userDataDir: settings.userDataDir,
      logger,
      readOnly: { integrity: ready.integrity },
      emit: (event, payload) => post({ type: 'event', event, payload }),
      busyWith: () => busy,
      ...(settings.secrets === 'host' ? { secrets: readerSecrets.store } : {}),
    });

  let lastReady: BackendReady | null = null;
  let writerClosed: () => void = () => {};
  const writerDone = new Promise<void>((resolve) => {
    writerClosed = resolve;
  });
  const started = new Promise<BackendReady | null>((resolve) => {
    writer.on('message', (message: WriterToBackend) => {
      switch (message.type) {
        case 'ready':
          lastReady = message.ready;
          resolve(message.ready);
          return;
        case 'failed':
          post(message);
          resolve(null);
          return;
        case 'result':
          pendingWrites.delete(message.id);
          post(message);
          return;
        case 'event':
        case 'notify':
        case 'secret':
          post(message);
          return;
        case 'busy':
          busy = message.operation === null ? null : { operation: message.operation, since: new Date().toISOString() };
          post({ type: 'event', event: 'backend:busy', payload: busy ?? { operation: null, since: null } });
          return;
        case 'reader':
          void onReaderRequest(message.id, message.action);
          return;
        case 'closed':
          writerClosed();
          return;
      }
    });
    writer.on('error', (e) => {
      logger.error('the writer thread failed', e);
      resolve(null);
    });
    writer.on('exit', () => {
      writerGone = true;
      writerClosed();
      for (const id of pendingWrites) post({ type: 'result', id, envelope: archiveUnavailable() });
      pendingWrites.clear();
      resolve(null);
      if (!closing) post({ type: 'failed', failure: { code: 'INTERNAL', detail: null, text: 'the writer thread stopped' } });
    });
  });

  const onReaderRequest = async (id: number, action: 'close' | 'open') => {
    try {
      if (action === 'close') {
        await gate.pause();
        await reader?.close();
        reader = null;
      } else {
        try {
          if (lastReady) reader = await openReader(lastReady);
        } finally {
          gate.resume();
        }
      }
    } catch (e) {
      logger.error(`reader ${action} failed`, e);
    } finally {
      toWriter({ type: 'reader', id });
    }
  };

  const ready = await started;
  if (!ready) {
    await writer.terminate();
    port.close();
    return;
  }
  try {
    reader = await openReader(ready);
  } catch (e) {
    post({ type: 'failed', failure: openFailure(e) });
    toWriter({ type: 'close' });
    port.close();
    return;
  }
  post({ type: 'ready', ready });

  const read = (id: number, name: string, input: unknown) =>
    gate.run(async () => {
      const envelope = reader ? await dispatch(table, reader.ctx, name, input) : archiveUnavailable();
      post({ type: 'result', id, envelope });
    });

  port.on('message', (message: HostToWorker) => {
    switch (message.type) {
      case 'call':
        // Unknown names are refused by dispatch on the reader; a write goes to the writer's queue.
        if (isApiName(message.name) && changesOf(message.name).length > 0) {
          if (writerGone) {
            post({ type: 'result', id: message.id, envelope: archiveUnavailable() });
            return;
          }
          pendingWrites.add(message.id);
          toWriter(message);
          return;
        }
        void read(message.id, message.name, message.input);
        return;
      case 'secretAnswer':
        if (!readerSecrets.answer(message)) toWriter(message);
        return;
      case 'notified':
        toWriter(message);
        return;
      case 'close':
        closing = true;
        void (async () => {
          // The reader closes first, so that the writer's close is the last one and checkpoints the WAL away.
          await gate.pause();
          await reader?.close();
          reader = null;
          if (!writerGone) {
            toWriter({ type: 'close' });
            await writerDone;
            // The writer has closed SQLite; whatever else keeps its loop alive (a toast helper) must not keep us.
            await writer.terminate();
          }
          post({ type: 'closed' });
          port.close();
        })();
        return;
    }
  });
}
