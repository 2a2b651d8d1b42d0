import { createHash, randomBytes } from 'node:crypto';

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
