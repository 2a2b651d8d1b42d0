// The note one client of a team archive sends the others after a change (LISTEN/NOTIFY payload): the event the
// others emit to their windows as if the change were theirs. Only the events that say "refetch" travel; a fired
// reminder's toast stays with the client that fired it, and an import's progress with the window that runs it.
import { API_DOMAINS, type ApiDomain } from '../../../shared/api/apiDomains.ts';
import type { ApiEventName, ApiEvents } from '../../../shared/api/events.ts';

type Travelling = 'data:changed' | 'notifications:changed';
export type ChangeNote = { origin: string } & ({ event: 'data:changed'; payload: ApiEvents['data:changed'] } | { event: 'notifications:changed'; payload: ApiEvents['notifications:changed'] });

const TRAVELS: readonly ApiEventName[] = ['data:changed', 'notifications:changed'] satisfies Travelling[];

/** The payload to NOTIFY for `event`, or null for an event that stays with this client. */
export function changeNotePayload(origin: string, event: ApiEventName, payload: unknown): string | null {
  return TRAVELS.includes(event) ? JSON.stringify({ origin, event, payload }) : null;
}

const isDomain = (d: unknown): d is ApiDomain => typeof d === 'string' && (API_DOMAINS as readonly string[]).includes(d);

/** A note heard from the channel, checked: another client (another version, even) wrote it. Null if not one of ours. */
export function readChangeNote(text: string): ChangeNote | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { origin, event, payload } = value as { origin?: unknown; event?: unknown; payload?: unknown };
  if (typeof origin !== 'string' || typeof payload !== 'object' || payload === null) return null;
  if (event === 'data:changed') {
    const domains = (payload as { domains?: unknown }).domains;
    if (!Array.isArray(domains)) return null;
    return { origin, event, payload: { domains: domains.filter(isDomain) } };
  }
  if (event === 'notifications:changed') {
    const unread = (payload as { unread?: unknown }).unread;
    return typeof unread === 'number' && Number.isInteger(unread) && unread >= 0 ? { origin, event, payload: { unread } } : null;
  }
  return null;
}
