import { sql } from 'kysely';
import { q, type Executor } from '../handle.ts';
import { customerMessageFactsQuery } from './careMessagesRepo.ts';
import { chunks } from './remindersRepo.ts';

// Holiday greetings (issue 14): a customer is the subject of its holiday reminder (kind 'holiday').

export interface HolidayGreetingSource {
  /** The customer's id: the reminder's subject and its customer. */
  id: string;
  tier: string;
  /** Deleted or archived: no greeting. */
  closed: boolean;
}

function sources(x: Executor) {
  return q(x)
    .selectFrom('customers as c')
    .select((eb) => ['c.id', 'c.tier', eb.or([eb('c.deleted_at', 'is not', null), eb('c.archived_at', 'is not', null)]).as('closed')]);
}

const toBool = (r: { id: string; tier: string; closed: unknown }): HolidayGreetingSource => ({ ...r, closed: Boolean(r.closed) });

export async function holidayGreetingSourcesOf(x: Executor, customerIds: readonly string[]): Promise<HolidayGreetingSource[]> {
  const out: HolidayGreetingSource[] = [];
  for (const part of chunks(customerIds)) out.push(...(await sources(x).where('c.id', 'in', part).execute()).map(toBool));
  return out;
}

/** The live customers of these tiers, and every customer that still has a pending holiday step (to take it away). */
export async function allHolidayGreetingSources(x: Executor, tiers: readonly string[]): Promise<HolidayGreetingSource[]> {
  const pending = sql<boolean>`c.id IN (SELECT r.customer_id FROM reminders r WHERE r.kind = 'holiday' AND r.fired_at IS NULL)`;
  const rows = await sources(x)
    .where((eb) => (tiers.length === 0 ? pending : eb.or([eb.and([eb('c.tier', 'in', [...tiers]), eb('c.deleted_at', 'is', null), eb('c.archived_at', 'is', null)]), pending])))
    .execute();
  return rows.map(toBool);
}

export interface HolidayGreetingFacts {
  customerId: string;
  customerName: string;
  tier: string;
  /** The customer's primary contact (else its first), for the greeting's salutation. */
  contactName: string | null;
  ownerName: string | null;
  deleted: boolean;
}

/** What a holiday greeting reminder says about its customer. */
export async function holidayGreetingFacts(x: Executor, customerIds: readonly string[]): Promise<Map<string, HolidayGreetingFacts>> {
  const out = new Map<string, HolidayGreetingFacts>();
  for (const part of chunks(customerIds)) {
    const rows = await customerMessageFactsQuery(x)
      .select((eb) => eb.or([eb('c.deleted_at', 'is not', null), eb('c.archived_at', 'is not', null)]).as('deleted'))
      .where('c.id', 'in', part)
      .execute();
    for (const r of rows) out.set(r.customerId, { ...r, contactName: r.contactName ?? null, deleted: Boolean(r.deleted) });
  }
  return out;
}
