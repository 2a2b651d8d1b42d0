// After an import's rows are in: link the customers' terms into chains (shared/renewals/chainRule.ts) and store
// old undecided terms as 已到期 history. Every write goes through the batch's writer, so it is audited in the
// batch and an undo removes exactly the links and statuses this import made.
import type { Cycle } from '../../shared/domain/enums.ts';
import { addDaysIso } from '../../shared/domain/dates.ts';
import { linkedOutcome, matchRenewals, RENEWAL_GRACE_DAYS, type ChainRuleTerm } from '../../shared/renewals/chainRule.ts';
import { recomputeNextExpiryOn } from '../bulk/bulkNextExpiry.ts';
import { inSlicesAsync, type BulkSql } from '../bulk/bulkSql.ts';
import { newId } from '../newId.ts';
import type { ImportBulkWriter } from './importBulkWriter.ts';

const SLICE = 400;
const DECIDED = new Set(['renewed', 'lost']);

interface TermRow {
  id: string;
  customer_id: string;
  service: string | null;
  signed_on: string | null;
  starts_on: string | null;
  ends_on: string | null;
  amount_fen: number | null;
  cycle: Cycle | null;
  status: string;
  renewal_of: string | null;
  renewal_id: string | null;
  stage: string | null;
  outcome_on: string | null;
  outcome_amount_fen: number | null;
  has_successor: number;
}

export interface ChainSettlement {
  /** Pairs linked by this import. */
  linked: number;
  /** Terms this import stored as 已到期 history. */
  history: number;
}

async function termsOfCustomers(bulk: BulkSql, customerIds: readonly string[]): Promise<TermRow[]> {
  const out: TermRow[] = [];
  await inSlicesAsync(customerIds, SLICE, async (slice) => {
    const rows = (await bulk.inList(`SELECT k.id, k.customer_id, k.service, k.signed_on, k.starts_on, k.ends_on, k.amount_fen, k.cycle, k.status,
                k.renewal_of, r.id AS renewal_id, r.stage, r.outcome_on, r.outcome_amount_fen,
                EXISTS (SELECT 1 FROM contracts s WHERE s.renewal_of = k.id AND s.deleted_at IS NULL) AS has_successor
           FROM contracts k
           LEFT JOIN renewals r ON r.contract_id = k.id AND r.deleted_at IS NULL
          WHERE k.deleted_at IS NULL AND k.customer_id IN ({list})`, slice)) as TermRow[];
    // EXISTS is a boolean on PostgreSQL: 1/0 here as on SQLite.
    for (const r of rows) out.push({ ...r, has_successor: Number(r.has_successor) });
  });
  return out;
}

async function customersOf(bulk: BulkSql, contractIds: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  await inSlicesAsync(contractIds, SLICE, async (slice) => {
    const rows = (await bulk.inList('SELECT DISTINCT customer_id FROM contracts WHERE id IN ({list})', slice)) as { customer_id: string }[];
    for (const r of rows) out.add(r.customer_id);
  });
  return [...out];
}

async function vetoedPairs(bulk: BulkSql, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  await inSlicesAsync(ids, SLICE, async (slice) => {
    const rows = (await bulk.inList('SELECT earlier_id, later_id FROM renewal_link_vetoes WHERE deleted_at IS NULL AND later_id IN ({list})', slice)) as { earlier_id: string; later_id: string }[];
    for (const r of rows) out.add(`${r.earlier_id}|${r.later_id}`);
  });
  return out;
}

/**
 * A term the batch wrote that already has a successor: marked 已流失, the link goes (a later term is then a
 * win-back); left undecided, the later term is the evidence and the term stays 已续约 with its record renewed.
 * `statusMoved` collects the customers whose terms changed status.
 */
async function settleLinkedTerms(writer: ImportBulkWriter, rows: TermRow[], touched: ReadonlySet<string>, statusMoved: Set<string>): Promise<void> {
  const linked = rows.filter((r) => touched.has(r.id) && r.has_successor === 1);
  if (linked.length === 0) return;
  const successors = new Map<string, TermRow[]>();
  for (const r of rows) if (r.renewal_of !== null) successors.set(r.renewal_of, [...(successors.get(r.renewal_of) ?? []), r]);
  for (const a of linked) {
    if (a.stage === 'lost') {
      for (const b of successors.get(a.id) ?? []) {
        await writer.patch('contracts', b.id, [['renewal_of', null]]);
        b.renewal_of = null;
      }
      a.has_successor = 0;
      if (a.status === 'renewed') {
        await writer.patch('contracts', a.id, [['status', 'active']]);
        a.status = 'active';
        statusMoved.add(a.customer_id);
      }
    } else if (a.stage !== 'renewed' && a.renewal_id !== null) {
      await writer.patch('renewals', a.renewal_id, [['stage', 'renewed']]);
      a.stage = 'renewed';
    }
  }
}

/**
 * Links and settles the terms of the customers whose contracts the batch's rows went to (`touched`). A link
 * needs one of its two terms among them; history is only what the batch created or re-dated (`redated`). `importDate` is the
 * local date of the import.
 */
export async function settleChains(
  writer: ImportBulkWriter,
  touched: ReadonlySet<string>,
  redated: ReadonlySet<string>,
  importDate: string,
): Promise<ChainSettlement> {
  await writer.flush();
  const rows = await termsOfCustomers(writer.bulk, await customersOf(writer.bulk, [...touched]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Customers whose terms changed status: their next expiry counts active terms only.
  const statusMoved = new Set<string>();
  await settleLinkedTerms(writer, rows, touched, statusMoved);
  const terms: ChainRuleTerm[] = rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    service: r.service,
    signedOn: r.signed_on,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    cycle: r.cycle,
    lost: r.stage === 'lost',
    terminated: r.status === 'terminated',
    hasSuccessor: r.has_successor === 1,
    renewalOf: r.renewal_of,
  }));
  const links = matchRenewals(terms, await vetoedPairs(writer.bulk, rows.map((r) => r.id))).filter((l) => touched.has(l.earlierId) || touched.has(l.laterId));
  const renewed = new Set<string>();
  for (const { earlierId, laterId } of links) {
    const a = byId.get(earlierId)!;
    const b = byId.get(laterId)!;
    await writer.patch('contracts', b.id, [['renewal_of', a.id]]);
    if (a.status !== 'renewed') {
      await writer.patch('contracts', a.id, [['status', 'renewed']]);
      statusMoved.add(a.customer_id);
    }
    const { outcomeOn, outcomeAmountFen } = linkedOutcome(
      { outcomeOn: a.outcome_on, outcomeAmountFen: a.outcome_amount_fen },
      { startsOn: b.starts_on, signedOn: b.signed_on, endsOn: b.ends_on, cycle: b.cycle, amountFen: b.amount_fen },
    );
    if (a.renewal_id) {
      await writer.patch('renewals', a.renewal_id, [
        ['stage', 'renewed'],
        ['outcome_on', outcomeOn],
        ['outcome_amount_fen', outcomeAmountFen],
        ['new_contract_id', b.id],
        ['lost_reason', null],
        ['lost_note', null],
      ]);
    } else {
      await writer.insertRenewal({ id: newId(), contractId: a.id, stage: 'renewed', outcomeOn, outcomeAmountFen, lostReason: null, lostNote: null, newContractId: b.id });
    }
    renewed.add(a.id);
  }

  // History: ended more than 92 days before the import, no successor, no decision.
  const cutoff = addDaysIso(importDate, -RENEWAL_GRACE_DAYS);
  const toHistory: string[] = [];
  const backToActive: string[] = [];
  for (const id of redated) {
    const r = byId.get(id);
    if (!r || r.ends_on === null || renewed.has(id) || r.has_successor === 1) continue;
    const undecided = r.stage === null || !DECIDED.has(r.stage);
    if (r.status === 'active' && undecided && r.ends_on < cutoff) {
      toHistory.push(id);
      statusMoved.add(r.customer_id);
    } else if (r.status === 'expired' && r.ends_on >= cutoff) {
      backToActive.push(id);
      statusMoved.add(r.customer_id);
    }
  }
  // Most of a big import's terms can become history: the same patch for all of them, set-wise on PostgreSQL.
  await writer.patchAll('contracts', toHistory, [['status', 'expired']]);
  await writer.patchAll('contracts', backToActive, [['status', 'active']]);
  const history = toHistory.length;
  await writer.flush();
  await recomputeNextExpiryOn(writer.bulk, [...statusMoved]);
  return { linked: links.length, history };
}
