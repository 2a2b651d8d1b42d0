// What a browser cannot put in a header: an EventSource (/api/events) and a new tab opened on an attachment's
// preview send no X-Renewal-Session. The page asks for a ticket with its session header (POST /tickets), then puts
// the ticket in the URL: single use, short-lived, bound to the session, and for a preview to the one attachment.
// A ticket in a URL may end up in history; by then it is spent and expired, and it never was the session token.
import { randomBytes } from 'node:crypto';

export interface Ticket {
  /** The session the ticket stands for; null on an archive without accounts (nothing to sign in to). */
  session: string | null;
  /** The one attachment a preview ticket opens; null for the event stream's ticket. */
  attachmentId: string | null;
}

const TICKET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export class SessionTickets {
  readonly #tickets = new Map<string, Ticket & { expiresAt: number }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  issue(ticket: Ticket): string {
    this.#sweep();
    const id = randomBytes(32).toString('base64url');
    this.#tickets.set(id, { ...ticket, expiresAt: this.now() + this.ttlMs });
    return id;
  }

  /** The ticket's session, spending it; undefined when unknown, spent, expired or issued for another attachment. */
  redeem(id: string | null, attachmentId: string | null): Ticket | undefined {
    if (id === null || !TICKET_SHAPE.test(id)) return undefined;
    const ticket = this.#tickets.get(id);
    if (!ticket) return undefined;
    this.#tickets.delete(id);
    if (ticket.expiresAt < this.now() || ticket.attachmentId !== attachmentId) return undefined;
    return { session: ticket.session, attachmentId: ticket.attachmentId };
  }

  #sweep(): void {
    const now = this.now();
    for (const [id, t] of this.#tickets) if (t.expiresAt < now) this.#tickets.delete(id);
  }
}
