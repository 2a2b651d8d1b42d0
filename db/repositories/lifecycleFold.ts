import type { FactsRow } from './lifecycleFacts.ts';

// The one-pass fold of a customer's live contracts into the facts of the SQL aggregate in lifecycleFacts.ts
// (the last term by the aggregate's window order, the one before it, the renewal_of chain), shared by the
// SQLite scan (lifecycleScan.ts) and the PostgreSQL one (lifecycleScanPostgres.ts), so both engines fold alike.

/** A live contract: [id, customer_id, renewal_of, start (starts_on, else signed_on), ends_on, amount_fen, status, renewal stage, lost_reason, lost_note, outcome_on]. */
export type ContractRow = [string, string, string | null, string | null, string | null, number | null, string, string | null, string | null, string | null, string | null];
export const ID = 0, CUSTOMER = 1, RENEWAL_OF = 2, START = 3, ENDS = 4, AMOUNT = 5, STATUS = 6, STAGE = 7, LOST_REASON = 8, LOST_NOTE = 9, OUTCOME_ON = 10;

/** a ranks before b in the aggregate's window order: the latest end (none = latest), then the latest start, then the id, all descending. */
function ranksBefore(a: ContractRow, b: ContractRow): boolean {
  const ae = a[ENDS] ?? '9999-12-31', be = b[ENDS] ?? '9999-12-31';
  if (ae !== be) return ae > be;
  const as = a[START] ?? '', bs = b[START] ?? '';
  if (as !== bs) return as > bs;
  return a[ID] > b[ID];
}

export interface Terms {
  terms: number;
  renewed: number;
  firstOn: string | null;
  last: ContractRow;
  next: ContractRow | null;
}

export const isRenewed = (k: ContractRow) => (k[STATUS] === 'renewed' || k[STAGE] === 'renewed' ? 1 : 0);

/** The live contracts folded per customer: the terms' counts, first date, last and next-to-last term; every contract by id. */
export function foldTerms(contracts: Iterable<ContractRow>): { byId: Map<string, ContractRow>; termsOf: Map<string, Terms> } {
  const byId = new Map<string, ContractRow>();
  const termsOf = new Map<string, Terms>();
  for (const k of contracts) {
    byId.set(k[ID], k);
    if (k[STATUS] === 'terminated') continue;
    const first = k[START] ?? k[ENDS];
    const t = termsOf.get(k[CUSTOMER]);
    if (t === undefined) {
      termsOf.set(k[CUSTOMER], { terms: 1, renewed: isRenewed(k), firstOn: first, last: k, next: null });
      continue;
    }
    t.terms++;
    t.renewed += isRenewed(k);
    if (first !== null && (t.firstOn === null || first < t.firstOn)) t.firstOn = first;
    if (ranksBefore(k, t.last)) {
      t.next = t.last;
      t.last = k;
    } else if (t.next === null || ranksBefore(k, t.next)) t.next = k;
  }
  return { byId, termsOf };
}

/** The aggregate's row of one customer from its folded terms; `live` finds a live contract by id (a chain link). */
export function factsRowOf(customerId: string, t: Terms | undefined, lastFollowUpAt: string | null, live: (id: string) => ContractRow | undefined): FactsRow {
  const row: FactsRow = {
    customerId,
    terms: null,
    renewedTerms: null,
    firstOn: null,
    lastStart: null,
    lastEnds: null,
    lastAmount: null,
    lastRenewed: null,
    lastLost: null,
    lostReason: null,
    lostNote: null,
    outcomeOn: null,
    prevEnds: null,
    prevAmount: null,
    chain: null,
    lastFollowUpAt,
  };
  if (t === undefined) return row;
  const l = t.last;
  row.terms = t.terms;
  row.renewedTerms = t.renewed;
  row.firstOn = t.firstOn;
  row.lastStart = l[START];
  row.lastEnds = l[ENDS];
  row.lastAmount = l[AMOUNT];
  row.lastRenewed = isRenewed(l);
  row.lastLost = l[STAGE] === 'lost' ? 1 : 0;
  row.lostReason = l[LOST_REASON];
  row.lostNote = l[LOST_NOTE];
  row.outcomeOn = l[OUTCOME_ON];
  const p = l[RENEWAL_OF] === null ? undefined : live(l[RENEWAL_OF]);
  row.prevEnds = p !== undefined ? p[ENDS] : (t.next?.[ENDS] ?? null);
  row.prevAmount = p !== undefined ? p[AMOUNT] : (t.next?.[AMOUNT] ?? null);
  if (l[RENEWAL_OF] !== null) {
    // The links of the renewal_of chain ending at the last term (the aggregate's recursive walk, capped at 200).
    let n = 1;
    let at = live(l[RENEWAL_OF]);
    while (n < CHAIN_CAP && at !== undefined && at[RENEWAL_OF] !== null) {
      n++;
      at = live(at[RENEWAL_OF]);
    }
    row.chain = n;
  }
  return row;
}

/** The aggregate's recursive walk stops at this many links. */
export const CHAIN_CAP = 200;

