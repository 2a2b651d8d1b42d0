// Two ways to talk to the web host: an ordinary HTTP request (any method, path, headers and body, the Host header
// included), and raw bytes on a socket for what no client would send (broken request lines, endless headers,
// a body cut off, a request trickled in slowly).
import http from 'node:http';
import net from 'node:net';

export interface WebResponse {
  /** 0 when the connection closed without an answer. */
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

export interface WebRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** Sends `r` with exactly its headers (no Host of its own); an event stream is read up to its headers only. */
export function httpRequest(port: number, r: WebRequest, timeoutMs = 30_000): Promise<WebResponse> {
  const started = Date.now();
  return new Promise((resolve) => {
    const done = (status: number, headers: http.IncomingHttpHeaders, body: string) => resolve({ status, headers, body, ms: Date.now() - started });
    const req = http.request({ host: '127.0.0.1', port, method: r.method, path: r.path, headers: r.headers, setHost: false, timeout: timeoutMs }, (res) => {
      if (String(res.headers['content-type']).startsWith('text/event-stream')) {
        res.destroy();
        return done(res.statusCode ?? 0, res.headers, '');
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(res.statusCode ?? 0, res.headers, Buffer.concat(chunks).toString('utf8')));
      res.on('error', () => done(res.statusCode ?? 0, res.headers, Buffer.concat(chunks).toString('utf8')));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => done(0, {}, `client error: ${e.message}`));
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}

export interface RawExchange {
  /** Pieces sent one after another, `pauseMs` apart. */
  pieces: (string | Buffer)[];
  pauseMs?: number;
  /** Close the socket after the last piece instead of waiting for the answer. */
  abort?: boolean;
}

/** Writes raw bytes and reads what comes back until the host closes or `timeoutMs`; the status from the first line. */
export function rawExchange(port: number, x: RawExchange, timeoutMs = 15_000): Promise<WebResponse> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const headers = Object.fromEntries(head.split('\r\n').slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status, headers, body: rest.join('\r\n\r\n'), ms: Date.now() - started });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', finish);
    socket.on('error', finish);
    socket.on('connect', () => {
      void (async () => {
        for (const piece of x.pieces) {
          if (socket.destroyed) return;
          socket.write(piece);
          if (x.pauseMs) await new Promise((r) => setTimeout(r, x.pauseMs));
        }
        if (x.abort) finish();
      })();
    });
  });
}
