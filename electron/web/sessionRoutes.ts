// The web host's routes a browser reaches without its session header (the event stream, an attachment's preview
// tab), and the ticket that carries the session to them (sessionTickets.ts). On a team archive with accounts a
// stream or preview without a live session is refused with 401, and a stream ends when its session does: at a
// logout through this host at once, otherwise (expired, signed out elsewhere, account disabled) at the next sweep.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Backend } from '../services/backend/backend.ts';
import { readBodyText } from '../services/backend/loopbackRequest.ts';
import { sessionOf } from './requestGuards.ts';
import type { SessionTickets } from './sessionTickets.ts';
import type { SseHub } from './sseHub.ts';

export const TICKET_ROUTE = '/tickets';
const TICKET_PARAM = 'ticket';

export interface SessionRoutes {
  backend: Backend;
  hub: SseHub;
  tickets: SessionTickets;
}

/** Whether `session` may see the archive: always without accounts; on a team archive with accounts, a live session. */
export async function sessionAccepted(backend: Backend, session: string | null): Promise<boolean> {
  const status = await backend.call('accounts:status', {}, session);
  if (!status.ok) return false;
  const s = status.data as { teamMode: boolean; accountsExist: boolean; signedIn: unknown };
  return !s.teamMode || !s.accountsExist || s.signedIn !== null;
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(message);
}

/**
 * The session a stream or preview request stands for: its ticket's when it brings one (a bad ticket is no
 * session), else its header's (a client that can send headers). `attachmentId` binds a preview's ticket.
 */
export function requestSession(req: IncomingMessage, url: URL, routes: SessionRoutes, attachmentId: string | null): { ok: true; session: string | null } | { ok: false } {
  if (!url.searchParams.has(TICKET_PARAM)) return { ok: true, session: sessionOf(req) };
  const ticket = routes.tickets.redeem(url.searchParams.get(TICKET_PARAM), attachmentId);
  return ticket ? { ok: true, session: ticket.session } : { ok: false };
}

/** POST /tickets `{ attachmentId? }` with the session header: `{ ticket }`, or 401 when the session is not live. */
export async function issueTicket(req: IncomingMessage, res: ServerResponse, routes: SessionRoutes): Promise<void> {
  if (req.method !== 'POST') return refuse(res, 405, 'method not allowed');
  let attachmentId: string | null = null;
  try {
    const body = (await readBodyText(req, 4096)).trim();
    const parsed = (body === '' ? {} : JSON.parse(body)) as { attachmentId?: unknown };
    if (typeof parsed.attachmentId === 'string') attachmentId = parsed.attachmentId;
  } catch {
    return refuse(res, 400, 'bad request');
  }
  const session = sessionOf(req);
  if (!(await sessionAccepted(routes.backend, session))) return refuse(res, 401, 'sign in required');
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify({ ticket: routes.tickets.issue({ session, attachmentId }) }));
}

/** GET /api/events[?ticket=…]: the change stream, for a live session only on a team archive with accounts. */
export async function openEventStream(req: IncomingMessage, res: ServerResponse, url: URL, routes: SessionRoutes): Promise<void> {
  if (req.method !== 'GET') return refuse(res, 405, 'method not allowed');
  const who = requestSession(req, url, routes, null);
  if (!who.ok || !(await sessionAccepted(routes.backend, who.session))) return refuse(res, 401, 'sign in required');
  routes.hub.attach(res, who.session);
}

/** Ends the streams of every session that is no longer live (or cannot be checked: the page reconnects). */
export async function sweepEndedSessions(routes: SessionRoutes): Promise<void> {
  for (const session of routes.hub.sessions()) {
    if (!(await sessionAccepted(routes.backend, session))) routes.hub.endSession(session);
  }
}
