import type { ServerResponse } from 'node:http';
import type { ApiEventName, ApiEvents } from '../../shared/api/events.ts';

/**
 * Fans service events out to every open /api/events stream. Each stream remembers the team-mode session it was
 * opened with (null on an archive without accounts), so a logout or an ended session closes its streams.
 */
export class SseHub {
  readonly #clients = new Map<ServerResponse, string | null>();
  readonly #keepAlive: NodeJS.Timeout;

  constructor(keepAliveMs = 25_000) {
    // Proxies and browsers drop idle streams; a comment line keeps them open.
    this.#keepAlive = setInterval(() => this.#write(': keep-alive\n\n'), keepAliveMs);
    this.#keepAlive.unref();
  }

  attach(res: ServerResponse, session: string | null = null): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    res.write(': connected\n\n');
    this.#clients.set(res, session);
    res.on('close', () => this.#clients.delete(res));
  }

  emit = <E extends ApiEventName>(event: E, payload: ApiEvents[E]): void => {
    this.#write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  };

  get size(): number {
    return this.#clients.size;
  }

  /** The sessions open streams were opened with. */
  sessions(): Set<string> {
    return new Set([...this.#clients.values()].filter((s): s is string => s !== null));
  }

  /** Ends every stream opened with `session` (signed out, expired, or the account disabled). */
  endSession(session: string): void {
    for (const [res, s] of this.#clients) {
      if (s !== session) continue;
      this.#clients.delete(res);
      res.end();
    }
  }

  close(): void {
    clearInterval(this.#keepAlive);
    for (const res of this.#clients.keys()) res.end();
    this.#clients.clear();
  }

  #write(chunk: string): void {
    for (const res of this.#clients.keys()) res.write(chunk);
  }
}
