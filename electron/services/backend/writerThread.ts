// The writer thread: the archive's one write connection. It migrates the file at start, runs every operation that
// changes data one at a time, and runs the reminder scheduler in the same queue. The backend worker sends it the
// writes and hears its events; it asks the backend worker to close its reader around a restore.
import type { MessagePort } from 'node:worker_threads';
import { buildHandlerTable } from '../allHandlers.ts';
import { dispatch } from '../handlerTable.ts';
import { stderrLogger } from '../logger.ts';
import { createNodeNotifier } from '../notifier/nodeNotifierAdapter.ts';
import type { Notifier } from '../notifier/notifier.ts';
import { openServiceContext } from '../openServiceContext.ts';
import { hostSecretStore } from './hostSecrets.ts';
import { startScheduler, type Scheduler } from '../reminders/tickScheduler.ts';
import { autoBackupIfDue } from '../system/autoBackup.ts';
import { sweepAttachmentsAtStartup } from '../system/sweepAttachments.ts';
import type { BackendSettings, BackendToWriter, WriterToBackend } from './backendProtocol.ts';
import { openFailure } from './openFailure.ts';
import { SerialQueue } from './serialQueue.ts';

/**
 * A write still running after this long is announced, so every window can say what the archive is busy with. An
 * ordinary save is far shorter, even on a loaded machine, so the notice is kept for imports and their like.
 */
const BUSY_AFTER_MS = 1000;
/** The attachments folder's start-up sweep waits this long, so the first window's first answers go before it. */
const SWEEP_AFTER_MS = 5000;

export async function runWriterThread(port: MessagePort, settings: BackendSettings): Promise<void> {
  const post = (message: WriterToBackend) => port.postMessage(message);
  const logger = stderrLogger('renewal-desk:writer');
  let nextId = 1;
  const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  const ask = (make: (id: number) => WriterToBackend) =>
    new Promise<void>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      post(make(id));
    });

  const hostNotifier: Notifier = {
    notify: (request) => ask((id) => ({ type: 'notify', id, request })),
  };
  // The desktop's keychain lives in the main process (safeStorage): a secret is asked for across the threads.
  const hostSecrets = hostSecretStore(post, () => nextId++);
  const notifier: Notifier | undefined =
    settings.notifier === 'node' ? createNodeNotifier({ appName: settings.appName }) : settings.notifier === 'host' ? hostNotifier : undefined;

  let opened;
  try {
    opened = await openServiceContext({
      file: settings.file,
      nativeBinding: settings.nativeBinding,
      ...(settings.backupsDir ? { backupsDir: settings.backupsDir } : {}),
      actor: settings.actor,
      userDataDir: settings.userDataDir,
      logger,
      notifier,
      ...(settings.secrets === 'host' ? { secrets: hostSecrets.store } : {}),
      emit: (event, payload) => post({ type: 'event', event, payload }),
      // A restore swaps the file under both connections: the reader closes first and opens on the new file.
      aroundReopen: async (swap) => {
        await ask((id) => ({ type: 'reader', id, action: 'close' }));
        try {
          await swap();
        } finally {
          await ask((id) => ({ type: 'reader', id, action: 'open' }));
        }
      },
    });
  } catch (e) {
    post({ type: 'failed', failure: openFailure(e) });
    return;
  }
  const { ctx } = opened;
  const table = buildHandlerTable();
  const queue = new SerialQueue();

  const runWrite = (id: number, name: string, input: unknown) =>
    queue.run(async () => {
      const busy = setTimeout(() => post({ type: 'busy', operation: name }), BUSY_AFTER_MS);
      try {
        post({ type: 'result', id, envelope: await dispatch(table, ctx, name, input) });
      } finally {
        clearTimeout(busy);
        post({ type: 'busy', operation: null });
      }
    });

  if (settings.autoBackup) await queue.run(() => autoBackupIfDue(ctx));
  let scheduler: Scheduler | null = null;
  if (settings.tickIntervalMs !== null && notifier) {
    scheduler = startScheduler(ctx, notifier, { intervalMs: settings.tickIntervalMs, serialize: (work) => queue.run(work) });
  }
  post({ type: 'ready', ready: { dataFile: ctx.dataFile, schemaVersion: ctx.schemaVersion, integrity: ctx.integrity } });
  // Housekeeping of the long-running hosts (the desktop and the web host, which also take the automatic backup): in
  // the queue, after the first answers, never before them.
  const sweep = settings.autoBackup ? setTimeout(() => void queue.run(async () => sweepAttachmentsAtStartup(ctx)), SWEEP_AFTER_MS) : null;
  sweep?.unref();

  port.on('message', (message: BackendToWriter) => {
    switch (message.type) {
      case 'call':
        void runWrite(message.id, message.name, message.input);
        return;
      case 'secretAnswer':
        hostSecrets.answer(message);
        return;
      case 'notified':
      case 'reader': {
        const done = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.type === 'notified' && message.error !== null) done?.reject(new Error(message.error));
        else done?.resolve();
        return;
      }
      case 'close':
        void (async () => {
          // The tick in flight and every queued write finish before SQLite closes.
          if (sweep) clearTimeout(sweep);
          await scheduler?.stop();
          await queue.drained();
          await opened.close();
          post({ type: 'closed' });
          port.close();
        })().catch((e: unknown) => {
          logger.error('closing the archive failed', e);
          post({ type: 'closed' });
        });
        return;
    }
  });
}
