// Team mode: every client of one PostgreSQL archive hears the others' changes through LISTEN/NOTIFY. A client's
// write NOTIFYs one channel; each client keeps one connection of its own LISTENing on it. That connection doubles
// as the client's watch on the server: when it drops, the server is away, and it is dialled again until it answers.
import pg from 'pg';
import { postgresTypes } from './postgresTypes.ts';

/** The one channel every client of an archive LISTENs on (a fixed identifier, never built from input). */
export const CHANGE_CHANNEL = 'renewal_desk_changes';

/** Sends one change note to every client listening, this one included (it skips its own by the payload's origin). */
export async function notifyChange(pool: pg.Pool, payload: string): Promise<void> {
  await pool.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, payload]);
}

/** Whether the server answers a trivial query within `timeoutMs`: tells "the server is away" from a failing query. */
export async function serverAnswers(pool: pg.Pool, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([pool.query('SELECT 1').then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface ChangeListenerOptions {
  url: string;
  onPayload(payload: string): void;
  /** Called when the listening connection goes down (false) or comes back (true); only on a change, starting from up. */
  onState(online: boolean): void;
  /** The pause between attempts to dial a server that is away. */
  retryMs?: number;
  connectTimeoutMs?: number;
  onError?(e: unknown): void;
}

export interface ChangeListener {
  readonly online: boolean;
  /** Settles once the first dial is listening (or has failed and will retry): a change after it is heard. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * LISTENs on CHANGE_CHANNEL over a connection of its own (a pooled one would go back to the pool and stop
 * listening), and dials again after `retryMs` whenever that connection fails or the server ends it.
 */
export function listenForChanges(options: ChangeListenerOptions): ChangeListener {
  const retryMs = options.retryMs ?? 2000;
  // Its caller has just reached the server (it opened the archive there): a first dial that fails is a change.
  let online = true;
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const setOnline = (next: boolean) => {
    if (next === online) return;
    online = next;
    options.onState(next);
  };
  const scheduleRetry = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void dial();
    }, retryMs);
  };
  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    c.end().catch(() => {});
    if (closed) return;
    setOnline(false);
    scheduleRetry();
  };
  const dial = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: options.url, types: postgresTypes, keepAlive: true, connectionTimeoutMillis: options.connectTimeoutMs ?? 5000 });
    client = c;
    c.on('error', (e) => {
      options.onError?.(e);
      lost(c);
    });
    c.on('end', () => lost(c));
    c.on('notification', (n) => {
      if (n.channel === CHANGE_CHANNEL && n.payload !== undefined) options.onPayload(n.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (closed) {
        await c.end();
        return;
      }
      setOnline(true);
    } catch (e) {
      options.onError?.(e);
      lost(c);
    }
  };
  const first = dial();
  return {
    get online() {
      return online;
    },
    ready: first,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await first;
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
