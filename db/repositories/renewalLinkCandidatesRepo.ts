import type { Cycle } from '../../shared/domain/enums.ts';
import { q, type Executor } from '../handle.ts';

// A customer's live terms as the chain rule (shared/renewals/chainRule.ts) sees them, with what a user needs to
// decide on a link offered when a contract is entered by hand (number, service, dates, amount).

export interface LinkCandidateTerm {
  id: string;
  customerId: string;
  number: string;
  service: string | null;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  amountFen: number | null;
  currency: string;
  cycle: Cycle | null;
  status: string;
  renewalOf: string | null;
  /** The term's renewal stage; null when it has no record (待跟进). */
  stage: string | null;
  /** A live term names this one in renewal_of. */
  hasSuccessor: boolean;
}

export async function linkCandidateTermsOfCustomer(x: Executor, customerId: string): Promise<LinkCandidateTerm[]> {
  const rows = await q(x)
    .selectFrom('contracts as k')
    .leftJoin('renewals as r', (j) => j.onRef('r.contract_id', '=', 'k.id').on('r.deleted_at', 'is', null))
    .select((eb) => [
      'k.id',
      'k.customer_id',
      'k.number',
      'k.service',
      'k.signed_on',
      'k.starts_on',
      'k.ends_on',
      'k.amount_fen',
      'k.currency',
      'k.cycle',
      'k.status',
      'k.renewal_of',
      'r.stage',
      eb
        .exists(eb.selectFrom('contracts as s').select('s.id').whereRef('s.renewal_of', '=', 'k.id').where('s.deleted_at', 'is', null))
        .as('has_successor'),
    ])
    .where('k.customer_id', '=', customerId)
    .where('k.deleted_at', 'is', null)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    number: r.number,
    service: r.service,
    signedOn: r.signed_on,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    amountFen: r.amount_fen,
    currency: r.currency,
    cycle: r.cycle as Cycle | null,
    status: r.status,
    renewalOf: r.renewal_of,
    stage: r.stage ?? null,
    hasSuccessor: Boolean(r.has_successor),
  }));
}
