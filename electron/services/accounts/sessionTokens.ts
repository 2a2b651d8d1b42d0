import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** A session lasts a working day and a bit; then the login page asks again. */
export const SESSION_HOURS = 12;

/** 256 random bits: the bearer secret the client keeps and sends with each call. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: a stolen copy of account_sessions opens no session. */
export function sessionTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * What a host accepts as a session token from outside (a header, an IPC argument): base64url, at most 128
 * characters (ours are 43). Anything else is treated as no session at all, so an odd value never reaches a query.
 */
export const sessionTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);

/** The token a host received, or null when there is none or it is not one of ours in shape. */
export function receivedSessionToken(value: unknown): string | null {
  const parsed = sessionTokenSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
