import { bearerMatches, sameToken } from '../services/backend/loopbackRequest.ts';
import type { IncomingMessage } from 'node:http';
import { receivedSessionToken } from '../services/accounts/sessionTokens.ts';

/** The header the browser bridge sends once its window has signed in to a team archive (renderer/api/httpBridge.ts). */
export const SESSION_HEADER = 'x-renewal-session';

/** The request's team-mode session token; a missing, repeated or malformed header counts as none. */
export function sessionOf(req: IncomingMessage): string | null {
  return receivedSessionToken(req.headers[SESSION_HEADER]);
}

export const TOKEN_COOKIE = 'rd_token';

/** A request the host cannot read (a malformed %-escape in its path or cookie): 400, never a logged stack. */
export class BadRequest extends Error {}

/** decodeURIComponent that refuses a malformed escape as a bad request instead of throwing a URIError. */
export function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new BadRequest('malformed percent-escape');
  }
}

/**
 * DNS rebinding defence: a page on evil.example that resolves to 127.0.0.1 still sends its own Host and
 * Origin, so anything but our loopback names and port is refused.
 */
export function isAllowedHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!host || !allowed.includes(host.toLowerCase())) return false;
  const origin = req.headers.origin;
  if (origin !== undefined && !allowed.map((h) => `http://${h}`).includes(origin.toLowerCase())) return false;
  return true;
}

function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === TOKEN_COOKIE) return decodeComponent(v.join('='));
  }
  return undefined;
}

export function isAuthorized(req: IncomingMessage, token: string): boolean {
  return bearerMatches(req, token) || sameToken(cookieToken(req), token);
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}
