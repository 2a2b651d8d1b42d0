// Who serves an archive: the first process to open it becomes its owner (it runs the backend worker, writes
// `<archive>.owner` and serves other processes through its endpoint); every other process forwards to it. Restore
// and migration therefore run in one process only, and nothing writes to the file behind the owner's back.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import type { Logger } from '../logger.ts';
import type { Notifier } from '../notifier/notifier.ts';
import type { Backend } from './backend.ts';
import type { BackendSettings } from './backendProtocol.ts';
import type { SecretStore } from '../secretStore.ts';
import { startOwnerEndpoint } from './ownerEndpoint.ts';
import { claimOwnerFile, ownerFileFor, processAlive, readOwnerFile, releaseOwnerFile, takeOverStaleOwner, type OwnerKind } from './ownerFile.ts';
import { connectRemoteBackend, ownerAnswers } from './remoteBackend.ts';
import { startBackendWorker } from './startBackendWorker.ts';
import { supervise } from './supervisedBackend.ts';

export interface OpenBackendOptions {
  settings: BackendSettings;
  kind: OwnerKind;
  hostNotifier?: Notifier | undefined;
  /** The desktop's keychain, for a backend started with settings.secrets 'host'. */
  hostSecrets?: SecretStore | undefined;
  logger: Logger;
  /** How long the desktop or the web host waits for a CLI that owns the archive to finish its command. */
  waitForCliMs?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Becomes the owner of the archive, or connects to the process that is; `onLost` hears when that owner stops. */
async function ownOrForward(options: OpenBackendOptions, onLost: () => void): Promise<Backend> {
  const ownerFile = ownerFileFor(options.settings.file);
  const waitUntil = Date.now() + (options.waitForCliMs ?? 120_000);
  for (;;) {
    const seen = readOwnerFile(ownerFile);
    if (seen) {
      const owner = seen.record;
      if (owner && owner.pid !== process.pid && processAlive(owner.pid) && (await ownerAnswers(owner))) {
        // A CLI owns it for one command: a long-running host waits for it rather than lean on a process about to exit.
        if (owner.kind === 'cli' && options.kind !== 'cli') {
          if (Date.now() > waitUntil) throw new AppError('CONFLICT', msg('errors.archiveHeldByCli', { pid: owner.pid }));
          await pause(200);
          continue;
        }
        try {
          return await connectRemoteBackend(owner, onLost);
        } catch {
          await pause(100);
          continue;
        }
      }
      // Its process is gone, or a process that reused its pid does not answer with its token: stale.
      takeOverStaleOwner(ownerFile, seen);
      continue;
    }
    const token = randomBytes(24).toString('base64url');
    const endpoint = await startOwnerEndpoint(token, options.logger);
    const record = { pid: process.pid, kind: options.kind, port: endpoint.port, token, startedAt: new Date().toISOString() };
    if (!claimOwnerFile(ownerFile, record)) {
      await endpoint.close();
      continue;
    }
    let local: Backend;
    try {
      local = await startBackendWorker(options.settings, { hostNotifier: options.hostNotifier, hostSecrets: options.hostSecrets, logger: options.logger });
    } catch (e) {
      releaseOwnerFile(ownerFile, record);
      await endpoint.close();
      throw e;
    }
    endpoint.attach(local);
    return {
      ...local,
      async close() {
        // Writes in flight (forwarded ones included) finish first; then the file says nobody owns the archive.
        await local.close();
        releaseOwnerFile(ownerFile, record);
        await endpoint.close();
      },
    };
  }
}

/**
 * Opens the archive for a host. The CLI gets the owner or a forwarder for its one command. The desktop and the web
 * host stay up for hours: if the owner they forward to stops, they take over (and become the owner themselves).
 */
export async function openBackend(options: OpenBackendOptions): Promise<Backend> {
  if (options.kind === 'cli') return ownOrForward(options, () => {});
  return supervise((onLost) => ownOrForward(options, onLost), options.logger);
}
