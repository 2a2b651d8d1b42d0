// What the two loopback servers (the web host and the owner's endpoint) need of a request alike: its body, read
// with a size cap, and a token comparison that takes the same time whatever the guess.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The body as text; past `maxBytes` it stops reading and throws an error carrying status 413. */
export async function readBodyText(req: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Whether the request's `Authorization: Bearer …` header carries `token`. */
export function bearerMatches(req: IncomingMessage, token: string): boolean {
  const auth = req.headers.authorization ?? '';
  return auth.startsWith('Bearer ') && sameToken(auth.slice(7).trim(), token);
}

export function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
