import { sql, type RawBuilder } from 'kysely';
import type { ComputedStage } from '../../shared/domain/lifecycleRules.ts';
import { q, type Executor } from '../handle.ts';
import { inIdList } from './idListSql.ts';
import { factsOfRow } from './lifecycleFacts.ts';
import { CHAIN_CAP, RENEWAL_OF, factsRowOf, foldTerms, type ContractRow } from './lifecycleFold.ts';
import { digestOfStoredRow } from './lifecycleRepo.ts';
import type { LifecycleInput } from './lifecycleScan.ts';

// The PostgreSQL side of lifecycleScan.ts: the same rows read through the transaction's connection (there is no
// raw better-sqlite3 handle, and reading beside the transaction would miss its own writes), folded by the same
// lifecycleFold.ts. Chain links outside the customers read are fetched a round of ids at a time instead of one
// look-up per link, and everyone's customers are read in pages by id, so a server round trip is not paid per row.

/** Customers read per page when everyone is read. */
const CUSTOMER_PAGE = 2000;

interface ContractObject {
  id: string;
  customer_id: string;
  renewal_of: string | null;
  start_on: string | null;
  ends_on: string | null;
  amount_fen: number | null;
  status: string;
  stage: string | null;
  lost_reason: string | null;
  lost_note: string | null;
  outcome_on: string | null;
}

const tupleOf = (k: ContractObject): ContractRow => [
  k.id, k.customer_id, k.renewal_of, k.start_on, k.ends_on, k.amount_fen, k.status, k.stage, k.lost_reason, k.lost_note, k.outcome_on,
];

interface CustomerObject {
  id: string;
  stage: string | null;
  since: string;
  reason: string;
  loyalty: string;
  consecutive_renewals: number;
  years: number;
  last_amount_fen: number | null;
  lost_on: string | null;
  lost_reason: string | null;
  signals: string;
  computed_on: string;
}

export async function scanLifecycleInputsOnPostgres(x: Executor, ids: readonly string[] | undefined, visit: (input: LifecycleInput) => void): Promise<number> {
  const db = q(x);
  const only = (column: RawBuilder<unknown>) => (ids === undefined ? sql`` : sql` AND ${inIdList('postgres', column, ids)}`);
  const contracts = await sql<ContractObject>`
    SELECT k.id, k.customer_id, k.renewal_of, coalesce(k.starts_on, k.signed_on) AS start_on, k.ends_on, k.amount_fen, k.status,
           r.stage, r.lost_reason, r.lost_note, r.outcome_on
    FROM contracts k LEFT JOIN renewals r ON r.contract_id = k.id AND r.deleted_at IS NULL
    WHERE k.deleted_at IS NULL${only(sql`k.customer_id`)}`.execute(db);
  const { byId, termsOf } = foldTerms(contracts.rows.map(tupleOf));
  if (ids !== undefined) await fetchChainLinks(x, byId, [...termsOf.values()].map((t) => t.last));
  const live = (id: string) => byId.get(id);
  const followUps = await sql<{ customer_id: string; at: string }>`
    SELECT customer_id, max(at) AS at FROM follow_ups WHERE deleted_at IS NULL${only(sql`customer_id`)} GROUP BY customer_id`.execute(db);
  const lastFollowUp = new Map(followUps.rows.map((r) => [r.customer_id, r.at]));
  let visited = 0;
  const visitRows = (rows: readonly CustomerObject[]) => {
    for (const c of rows) {
      const row = factsRowOf(c.id, termsOf.get(c.id), lastFollowUp.get(c.id) ?? null, live);
      visited++;
      visit({
        facts: factsOfRow(row),
        stored: c.stage === null ? undefined : { stage: c.stage as ComputedStage, since: c.since, computedOn: c.computed_on, digest: digestOfStoredRow(c as CustomerObject & { stage: string }) },
      });
    }
  };
  const customers = (where: RawBuilder<unknown>, limit: RawBuilder<unknown>) => sql<CustomerObject>`
    SELECT c.id, s.stage, s.since, s.reason, s.loyalty, s.consecutive_renewals, s.years, s.last_amount_fen, s.lost_on, s.lost_reason,
           s.signals, s.computed_on
    FROM customers c LEFT JOIN customer_lifecycle s ON s.customer_id = c.id
    WHERE c.deleted_at IS NULL AND ${where}${limit}`.execute(db);
  if (ids !== undefined) {
    visitRows((await customers(inIdList('postgres', sql`c.id`, ids), sql``)).rows);
    return visited;
  }
  for (let after = ''; ; ) {
    const page = (await customers(sql`c.id > ${after}`, sql` ORDER BY c.id LIMIT ${CUSTOMER_PAGE}`)).rows;
    visitRows(page);
    if (page.length < CUSTOMER_PAGE) break;
    after = page[page.length - 1]!.id;
  }
  return visited;
}

/**
 * Adds to `byId` the live contracts the renewal_of chains of `lasts` walk through that were not read (another
 * customer's terms), a round of ids at a time: the links the walk of lifecycleFold.ts factsRowOf would look up.
 */
async function fetchChainLinks(x: Executor, byId: Map<string, ContractRow>, lasts: readonly ContractRow[]): Promise<void> {
  const absent = new Set<string>();
  for (let round = 0; round < CHAIN_CAP; round++) {
    const wanted = new Set<string>();
    for (const last of lasts) {
      let link = last[RENEWAL_OF];
      for (let n = 1; link !== null && n <= CHAIN_CAP; n++) {
        const k = byId.get(link);
        if (k === undefined) {
          if (!absent.has(link)) wanted.add(link);
          break;
        }
        link = k[RENEWAL_OF];
      }
    }
    if (wanted.size === 0) return;
    const found = await sql<ContractObject>`
      SELECT id, customer_id, renewal_of, NULL AS start_on, ends_on, amount_fen, status, NULL AS stage, NULL AS lost_reason,
             NULL AS lost_note, NULL AS outcome_on
      FROM contracts WHERE deleted_at IS NULL AND ${inIdList('postgres', sql`id`, [...wanted])}`.execute(q(x));
    for (const k of found.rows) byId.set(k.id, tupleOf(k));
    for (const id of wanted) if (!byId.has(id)) absent.add(id);
  }
}
