// The browser's one shared Server-Sent Events stream from the web host. An EventSource sends no headers, so each
// connection opens with a fresh single-use ticket (webTicket.ts); when the host ends the stream (a logout, an ended
// session, a restart) or refuses it (not signed in yet), it is opened again with a new ticket after a growing pause,
// so signing in brings the events back without a reload. It closes when nobody listens.
import { requestTicket } from './webTicket.ts';

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 15_000;

export interface EventStream {
  /** Adds a listener for `event`; returns its removal. */
  listen(event: string, handle: EventListener): () => void;
}

export function createEventStream(baseUrl: string): EventStream {
  const listeners = new Set<{ event: string; handle: EventListener }>();
  let source: EventSource | null = null;
  let opening = false;
  let retryMs = FIRST_RETRY_MS;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const scheduleRetry = () => {
    if (retry !== null || listeners.size === 0) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  };

  async function connect(): Promise<void> {
    if (source !== null || opening || listeners.size === 0) return;
    opening = true;
    try {
      const ticket = await requestTicket(baseUrl, null);
      if (listeners.size === 0) return;
      if (ticket === null) return scheduleRetry();
      const es = new EventSource(`${baseUrl}/api/events?ticket=${encodeURIComponent(ticket)}`, { withCredentials: true });
      for (const l of listeners) es.addEventListener(l.event, l.handle);
      es.onopen = () => {
        retryMs = FIRST_RETRY_MS;
      };
      // The browser would reconnect with the spent ticket: close it and open again with a new one.
      es.onerror = () => {
        es.close();
        if (source === es) source = null;
        scheduleRetry();
      };
      source = es;
    } finally {
      opening = false;
    }
  }

  return {
    listen(event, handle) {
      const entry = { event, handle };
      listeners.add(entry);
      source?.addEventListener(event, handle);
      void connect();
      return () => {
        listeners.delete(entry);
        source?.removeEventListener(event, handle);
        if (listeners.size > 0) return;
        source?.close();
        source = null;
        if (retry !== null) clearTimeout(retry);
        retry = null;
      };
    },
  };
}
