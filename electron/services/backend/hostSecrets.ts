import type { SecretName, SecretStore } from '../secretStore.ts';
import type { WorkerToHost } from './backendProtocol.ts';

type SecretRequest = Extract<WorkerToHost, { type: 'secret' }>;

/**
 * The host's keychain seen from a worker thread: each read or write is a message to the host (the main process,
 * where Electron's safeStorage lives) and its answer. `nextId` numbers the requests apart from the other threads'.
 */
export function hostSecretStore(send: (request: SecretRequest) => void, nextId: () => number) {
  const waiting = new Map<number, { resolve: (value: string | null) => void; reject: (e: Error) => void }>();
  const ask = (name: SecretName, set?: { value: string | null }) =>
    new Promise<string | null>((resolve, reject) => {
      const id = nextId();
      waiting.set(id, { resolve, reject });
      send({ type: 'secret', id, name, ...(set ? { set } : {}) });
    });
  const store: SecretStore = {
    kind: 'keychain',
    get: (name) => ask(name),
    set: async (name, value) => void (await ask(name, { value })),
  };
  return {
    store,
    /** Settles the request the answer is for; false when it is another thread's. */
    answer(message: { id: number; value: string | null; error: string | null }): boolean {
      const pending = waiting.get(message.id);
      if (!pending) return false;
      waiting.delete(message.id);
      if (message.error !== null) pending.reject(new Error(message.error));
      else pending.resolve(message.value);
      return true;
    },
  };
}
