// A single-use ticket from the web host (electron/web/sessionTickets.ts) for what the browser opens without our
// headers: the event stream and an attachment's preview tab. Asked for with this window's session header, so the
// stream and the tab run as the account this window signed in as, not as another tab's.
import { sessionToken } from '../accounts/sessionToken.ts';

/** The header the host reads the session from (electron/web/requestGuards.ts). */
export const SESSION_HEADER = 'X-Renewal-Session';

/** The ticket, or null when the host refused (no live session on a team archive) or could not be reached. */
export async function requestTicket(baseUrl: string, attachmentId: string | null, session: string | null = sessionToken()): Promise<string | null> {
  try {
    const response = await fetch(`${baseUrl}/tickets`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(session ? { [SESSION_HEADER]: session } : {}) },
      body: JSON.stringify(attachmentId === null ? {} : { attachmentId }),
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { ticket?: unknown };
    return typeof body.ticket === 'string' ? body.ticket : null;
  } catch {
    return null;
  }
}
