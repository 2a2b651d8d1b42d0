import type { Backend, BackendEventListener } from './backend.ts';
import type { Logger } from '../logger.ts';

/**
 * A backend that survives its owner: when a forwarder's owner goes away, `open` runs again (this process may become
 * the owner), calls made meanwhile wait for it, and listeners keep hearing events from whichever backend serves.
 */
export async function supervise(open: (onLost: () => void) => Promise<Backend>, logger: Logger): Promise<Backend> {
  const listeners = new Set<BackendEventListener>();
  let closed = false;
  let current: Promise<Backend>;
  let detach: () => void = () => {};
  let latest: Backend | null = null;

  const connect = (): Promise<Backend> => {
    const next = open(() => {
      if (closed) return;
      logger.info('the archive’s owner stopped; taking over');
      detach();
      current = connect();
    }).then((backend) => {
      latest = backend;
      detach = backend.on((event, payload) => {
        for (const listener of listeners) listener(event, payload);
      });
      return backend;
    });
    return next;
  };
  current = connect();
  const first = await current;
  const serving = () => latest ?? first;

  return {
    get ready() {
      return serving().ready;
    },
    get role() {
      return serving().role;
    },
    async call(name, input, session) {
      return (await current).call(name, input, session);
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      await (await current).close();
    },
  };
}
