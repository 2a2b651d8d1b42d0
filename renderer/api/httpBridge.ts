import type { ApiBridge, SaveFileRequest, SaveFileResult } from '../../shared/api/apiBridge.ts';
import type { ApiInput, ApiName, ApiOutput } from '../../shared/api/apiContract.ts';
import type { Envelope, ErrorCode } from '../../shared/api/appError.ts';
import type { ApiEventName, ApiEvents } from '../../shared/api/events.ts';
import { msg, renderMessage, type Message } from '../../shared/i18n/message.ts';
import { pageTranslator } from '../i18n/pageTranslator.ts';
import { sessionToken } from '../accounts/sessionToken.ts';
import { createEventStream } from './httpEventStream.ts';
import { requestTicket, SESSION_HEADER } from './webTicket.ts';

function failure(code: ErrorCode, message: Message): Envelope<never> {
  return { ok: false, error: { code, field: null, key: message.key, params: message.params, message: renderMessage(pageTranslator(), message) } };
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'data' in value;
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}

/** The session header, once this window has signed in to a team database. */
function sessionHeader(): Record<string, string> {
  const token = sessionToken();
  return token ? { [SESSION_HEADER]: token } : {};
}

/** The host answers with the envelope of the operation named in the URL (the contract types its data). */
async function post<T>(url: string, input: unknown): Promise<Envelope<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      // Team mode: the account this window signed in as (the host hands it to dispatch, which checks the role).
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...sessionHeader() },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return failure('INTERNAL', msg('app.serviceUnreachable'));
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (isEnvelope(body)) return body as Envelope<T>;
  if (response.status === 401) {
    return failure('FORBIDDEN', msg('app.unauthorized'));
  }
  return failure('INTERNAL', msg('app.badResponse', { status: response.status }));
}

const MIME: Record<string, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A browser keeps bytes as a download; where it lands is the browser's (and its user's) choice. */
function download(request: SaveFileRequest): Promise<SaveFileResult> {
  const bytes = Uint8Array.from(atob(request.contentBase64), (c) => c.charCodeAt(0));
  const type = MIME[request.fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = request.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return Promise.resolve({ saved: true, path: null });
}

/**
 * The browser's stand-in for Electron's `window.api`: operations are `POST /api/<name>` with the auth cookie and
 * the session header; events arrive over one shared Server-Sent Events stream (httpEventStream.ts).
 */
export function createHttpBridge(baseUrl = ''): ApiBridge {
  const events = createEventStream(baseUrl);

  return {
    invoke: <N extends ApiName>(name: N, input: ApiInput<N>) => post<ApiOutput<N>>(`${baseUrl}/api/${encodeURIComponent(name)}`, input),
    saveFile: download,
    // The web host's preview route in a new tab, which sends no session header: the tab is opened at once (within
    // the click, so no pop-up blocker stops it) and sent to the preview with a ticket bound to this attachment.
    async openAttachment(attachmentId, session) {
      const tab = window.open('', '_blank');
      if (tab === null) return { opened: false, message: null };
      const ticket = await requestTicket(baseUrl, attachmentId, session ?? sessionToken());
      if (ticket === null) {
        tab.close();
        return { opened: false, message: null };
      }
      tab.opener = null;
      tab.location.replace(`${baseUrl}/files/attachments/${encodeURIComponent(attachmentId)}?ticket=${encodeURIComponent(ticket)}`);
      return { opened: true, message: null };
    },
    on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      const handle = (e: MessageEvent<string>) => {
        try {
          listener(JSON.parse(e.data) as ApiEvents[E]);
        } catch {
          // A malformed event is dropped; the next data:changed brings the UI back in sync.
        }
      };
      return events.listen(event, handle as EventListener);
    },
  };
}
