import type { ServerResponse } from 'node:http';
import type { ApiEventName, ApiEvents } from '../../shared/api/events.ts';

/** Fans service events out to every open /api/events stream. */
export class SseHub {
  readonly #clients = new Set<ServerResponse>();
  readonly #keepAlive: NodeJS.Timeout;

  constructor(keepAliveMs = 25_000) {
    // Proxies and browsers drop idle streams; a comment line keeps them open.
    this.#keepAlive = setInterval(() => this.#write(': keep-alive\n\n'), keepAliveMs);
    this.#keepAlive.unref();
  }

  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    res.write(': connected\n\n');
    this.#clients.add(res);
    res.on('close', () => this.#clients.delete(res));
  }

  emit = <E extends ApiEventName>(event: E, payload: ApiEvents[E]): void => {
    this.#write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  };

  get size(): number {
    return this.#clients.size;
  }

  close(): void {
    clearInterval(this.#keepAlive);
    for (const res of this.#clients) res.end();
    this.#clients.clear();
  }

  #write(chunk: string): void {
    for (const res of this.#clients) res.write(chunk);
  }
}
