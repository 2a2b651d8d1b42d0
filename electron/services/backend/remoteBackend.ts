// A forwarder's backend: every call goes to the owner's endpoint (ownerEndpoint.ts), events come back over one
// Server-Sent Events stream. When the owner goes away, `onLost` hears it once.
import http from 'node:http';
import type { Envelope } from '../../../shared/api/appError.ts';
import type { ApiEventName, ApiEvents } from '../../../shared/api/events.ts';
import { archiveUnavailable, type Backend, type BackendEventListener } from './backend.ts';
import type { BackendReady } from './backendProtocol.ts';
import type { OwnerRecord } from './ownerFile.ts';

function request(owner: OwnerRecord, method: string, path: string, body?: unknown, timeoutMs = 0): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        host: '127.0.0.1',
        port: owner.port,
        method,
        path,
        headers: {
          Authorization: `Bearer ${owner.token}`,
          ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}),
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Whether the owner in the file answers with its token (a process that reused a dead owner's pid does not). */
export async function ownerAnswers(owner: OwnerRecord): Promise<boolean> {
  try {
    return (await request(owner, 'GET', '/ping', undefined, 2000)).status === 200;
  } catch {
    return false;
  }
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && (value.ok === true || (value.ok === false && 'error' in value));
}

export async function connectRemoteBackend(owner: OwnerRecord, onLost: () => void): Promise<Backend> {
  let lost = false;
  const loseOnce = () => {
    if (lost) return;
    lost = true;
    onLost();
  };
  const call = async (name: string, input: unknown): Promise<Envelope<unknown>> => {
    try {
      const r = await request(owner, 'POST', '/call', { name, input });
      const body: unknown = JSON.parse(r.text);
      return isEnvelope(body) ? body : archiveUnavailable();
    } catch {
      loseOnce();
      return archiveUnavailable();
    }
  };
  const info = await call('system:info', {});
  if (!info.ok) throw new Error('the archive’s owner does not answer');
  const ready = info.data as BackendReady;

  const listeners = new Set<BackendEventListener>();
  let stream: http.ClientRequest | null = null;
  const openStream = () => {
    stream = http.get({ host: '127.0.0.1', port: owner.port, path: '/events', headers: { Authorization: `Bearer ${owner.token}` } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!frame.startsWith('data: ')) continue;
          // The owner relays its worker's events as shared/api/events.ts types them.
          const { event, payload } = JSON.parse(frame.slice(6)) as { event: ApiEventName; payload: ApiEvents[ApiEventName] };
          for (const listener of listeners) listener(event, payload);
        }
      });
      res.on('end', loseOnce);
      res.on('error', loseOnce);
    });
    stream.on('error', loseOnce);
  };
  // Always listening: the stream ending is how a forwarder learns that the owner stopped.
  openStream();

  return {
    ready: { dataFile: ready.dataFile, schemaVersion: ready.schemaVersion, integrity: ready.integrity },
    role: 'forwarder',
    call,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      lost = true;
      stream?.destroy();
      return Promise.resolve();
    },
  };
}
