import { sql } from 'kysely';
import { q, type Executor } from '../handle.ts';
import type { ContractReminderSource } from './reminderSourcesRepo.ts';

// The terms a calendar export shows: every contract that still reminds, in one statement (100k contracts are one
// read, never one per contract), with what its event says and what its ladder is computed from.

export interface CalendarTerm extends ContractReminderSource {
  number: string;
  amountFen: number | null;
  currency: string;
  customerName: string;
  ownerName: string | null;
}

/**
 * Live active terms with an end date and no decision (not renewed, not lost), of customers neither deleted nor
 * archived: the same terms contractInactiveReason lets remind. By end date, then contract number.
 * `ownerId` keeps one owner's terms: the contract's own owner, else its customer's (as the 续约 list reads it).
 */
export async function listCalendarTerms(x: Executor, filter: { ownerId?: string | undefined }): Promise<CalendarTerm[]> {
  let query = q(x)
    .selectFrom('contracts as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .leftJoin('renewals as r', (j) => j.onRef('r.contract_id', '=', 'k.id').on('r.deleted_at', 'is', null))
    .leftJoin('reminder_rules as rr', (j) => j.onRef('rr.scope_id', '=', 'k.id').on('rr.scope', '=', 'contract').on('rr.deleted_at', 'is', null))
    .leftJoin('owners as o', (j) => j.on((eb) => eb('o.id', '=', eb.fn.coalesce('k.owner_id', 'c.owner_id'))))
    .where('k.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where('c.archived_at', 'is', null)
    .where('k.status', '=', 'active')
    .where('k.ends_on', 'is not', null)
    .where(sql<string>`coalesce(r.stage, 'pending')`, 'not in', ['renewed', 'lost']);
  if (filter.ownerId !== undefined) query = query.where(sql<string>`coalesce(k.owner_id, c.owner_id)`, '=', filter.ownerId);
  const rows = await query
    .select([
      'k.id',
      'k.customer_id as customerId',
      'k.number',
      'k.ends_on as endsOn',
      'k.amount_fen as amountFen',
      'k.currency',
      'k.status',
      'k.remind_on as remindOn',
      'c.name as customerName',
      'c.tier',
      'o.name as ownerName',
      'r.stage',
      'rr.steps as overrideSteps',
    ])
    .orderBy('k.ends_on')
    .orderBy('k.number')
    .execute();
  return rows.map((r) => ({ ...r, deleted: false, archived: false }));
}
