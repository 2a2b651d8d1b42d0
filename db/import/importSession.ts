// One import's session, on either engine (through a BulkSql runner on the import's transaction). Per chunk the caller looks records up and hands over a plan;
// the session writes it in foreign-key order with its audit rows, then brings the search index and
// next_expiry_on in step with what the plan did, so a caller never drives the write steps itself.
import { bringNextExpiryForwardOn, recomputeNextExpiryOn } from '../bulk/bulkNextExpiry.ts';
import type { SearchSource } from '../bulk/bulkSearchIndex.ts';
import { BulkSearchIndexWriter } from '../bulk/bulkSearchIndexWriter.ts';
import type { BulkSql } from '../bulk/bulkSql.ts';
import { crashHooksOf, type CrashHooks } from '../crashHooks.ts';
import type { Db, Tx } from '../handle.ts';
import { movingScopesInBulkAsync } from '../repositories/customerScopedBigrams.ts';
import type { BatchMeta, ChunkPlan, ContractSnapshot, CustomerSnapshot, NewContract, RenewalSnapshot } from './chunkPlan.ts';
import type { RenewalValues } from '../../shared/importExport/importFields.ts';
import type { ImportBatch } from '../../shared/api/import.contract.ts';
import { settleChains, type ChainSettlement } from './chainLinking.ts';
import { recordImportBatch } from './importBatchesRepo.ts';
import { ImportBulkWriter } from './importBulkWriter.ts';
import { contractsByCustomerEnd, contractsByNumber, customersByName, followUpsOfCustomers, ownersByName, renewalsOfContracts } from './importLookups.ts';

/** The reads a chunk needs before it can plan; live records only. */
export interface ImportLookup {
  /** By exact (trimmed) name, with the primary contact. */
  customersByName(names: readonly string[]): Promise<Map<string, CustomerSnapshot>>;
  /** Owner ids by name. */
  ownersByName(names: readonly string[]): Promise<Map<string, string>>;
  contractsByNumber(numbers: readonly string[]): Promise<Map<string, ContractSnapshot>>;
  /** Keyed by customerEndKey, in number order. */
  contractsByCustomerEnd(pairs: readonly { customerId: string; endsOn: string }[]): Promise<Map<string, ContractSnapshot[]>>;
  /** Follow-up ids keyed by followUpKey. */
  followUpsOfCustomers(customerIds: readonly string[]): Promise<Map<string, string>>;
  /** Live renewal records keyed by contract id. */
  renewalsOfContracts(contractIds: readonly string[]): Promise<Map<string, RenewalSnapshot>>;
}

/**
 * A contract a contract sheet's row went to. `created`: the batch created it; `redated`: the batch changed its
 * start, signing or end date; `sheet`: the row's renewal cells (the last row, when a number repeats), read by
 * the chain linker that runs after the rows in the same transaction.
 */
export interface BatchContract {
  id: string;
  created: boolean;
  redated: boolean;
  sheet: RenewalValues;
}

/** One customer's change by tier classification: `tier` null keeps the tier and stores the reason alone. */
export interface TierPatch {
  id: string;
  tier: string | null;
  reasonJson: string;
}

export type BatchSummary = Omit<ImportBatch, 'batchId' | 'actor' | 'createdAt' | 'undoneAt'>;

/** Rows of a batch at which PostgreSQL's statistics are first brought up to date (then at each doubling). */
const FIRST_ANALYZE_AT = 1000;

/** Earliest end per customer among contracts a chunk creates (all created active). */
function earliestEnds(contracts: readonly NewContract[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of contracts) {
    if (k.endsOn === null) continue;
    const known = out.get(k.customerId);
    if (known === undefined || k.endsOn < known) out.set(k.customerId, k.endsOn);
  }
  return out;
}

export class ImportSession {
  readonly lookup: ImportLookup;
  readonly #tx: Tx;
  readonly #meta: BatchMeta;
  readonly #writer: ImportBulkWriter;
  readonly #index: BulkSearchIndexWriter;
  readonly #hooks: CrashHooks;
  readonly #contracts = new Map<string, BatchContract>();
  /** Customers created with a 等级依据 from the sheet: their tier stands as the sheet says until the next run. */
  readonly #tierFromSheet = new Set<string>();
  /** Customers this batch created: undo deletes them whole, so their classification needs no audit image. */
  readonly #createdCustomers = new Set<string>();
  /** PostgreSQL: rows this batch wrote, and the count at which the tables it writes are analyzed next. */
  #rowsWritten = 0;
  #analyzeAt = FIRST_ANALYZE_AT;

  /** `bulk` runs inside `tx`, the import's transaction of `db`. */
  constructor(db: Db, tx: Tx, bulk: BulkSql, meta: BatchMeta) {
    this.#tx = tx;
    this.#hooks = crashHooksOf(db);
    this.#meta = meta;
    this.#writer = new ImportBulkWriter(bulk, meta);
    this.#index = new BulkSearchIndexWriter(bulk);
    this.lookup = {
      customersByName: (names) => customersByName(bulk, names),
      ownersByName: (names) => ownersByName(bulk, names),
      contractsByNumber: (numbers) => contractsByNumber(bulk, numbers),
      contractsByCustomerEnd: (pairs) => contractsByCustomerEnd(bulk, pairs),
      followUpsOfCustomers: (ids) => followUpsOfCustomers(bulk, ids),
      renewalsOfContracts: (ids) => renewalsOfContracts(bulk, ids),
    };
  }

  /** Every contract the batch's rows went to so far, in the order first met. */
  batchContracts(): ReadonlyMap<string, BatchContract> {
    return this.#contracts;
  }

  /** The contracts the batch created or re-dated: those whose reminder steps and chain links are the batch's. */
  createdOrRedatedContracts(): string[] {
    return [...this.#contracts.values()].filter((c) => c.created || c.redated).map((c) => c.id);
  }

  #noteContracts(plan: ChunkPlan): void {
    const entry = (id: string) => {
      let c = this.#contracts.get(id);
      if (!c) {
        c = { id, created: false, redated: false, sheet: { stage: null, outcomeOn: null, amountFen: null, lostReason: null, lostNote: null } };
        this.#contracts.set(id, c);
      }
      return c;
    };
    for (const k of plan.contracts) entry(k.id).created = true;
    for (const change of plan.changes) {
      if (change.entity !== 'contract') continue;
      const { startsOn, signedOn, endsOn } = change.changes;
      if (startsOn !== undefined || signedOn !== undefined || endsOn !== undefined) entry(change.id).redated = true;
    }
    for (const r of plan.sheetRenewals) entry(r.contractId).sheet = r.values;
  }

  /** Writes one chunk's plan. Changes may only name records that existed before this plan. */
  async write(plan: ChunkPlan): Promise<void> {
    const writer = this.#writer;
    for (const o of plan.owners) await writer.insertOwner(o);
    // Out before the changes below, which may point at them.
    await writer.flush();
    const earliest = earliestEnds(plan.contracts);
    const created = new Set<string>();
    const reindex = new Set<string>();
    const endsMoved = new Set<string>();
    for (const c of plan.customers) {
      await writer.insertCustomer(c, earliest.get(c.id) ?? null);
      this.#createdCustomers.add(c.id);
      if (c.tierStanding) this.#tierFromSheet.add(c.id);
      created.add(c.id);
      reindex.add(c.id);
    }
    for (const p of plan.contacts) {
      await writer.insertContact(p);
      reindex.add(p.customerId);
    }
    for (const change of plan.changes) {
      await writer.change(change);
      if (change.entity === 'contact' && (change.changes.name !== undefined || change.changes.phone !== undefined)) reindex.add(change.customerId);
      if (change.entity === 'contract' && change.changes.endsOn !== undefined) endsMoved.add(change.customerId);
    }
    for (const k of plan.contracts) await writer.insertContract(k);
    for (const f of plan.followUps) await writer.insertFollowUp(f);
    for (const r of plan.renewals) await writer.insertRenewal(r);
    await writer.flush();
    // The reminder catch-up watches contracts by updated_at: a term whose renewal record alone changed is restamped.
    const restamp = [...plan.renewals.map((r) => r.contractId), ...plan.changes.flatMap((c) => (c.entity === 'renewal' ? [c.contractId] : []))];
    await writer.restampContracts(restamp);
    this.#noteContracts(plan);

    // A stored end that moved (perhaps later) needs the minimum again; created contracts only bring it forward.
    const forward = new Map<string, string>();
    for (const [id, endsOn] of earliest) if (!created.has(id) && !endsMoved.has(id)) forward.set(id, endsOn);
    await bringNextExpiryForwardOn(writer.bulk, forward);
    await recomputeNextExpiryOn(writer.bulk, [...endsMoved]);

    // Customers created here are indexed from the plan, not read back.
    const known = new Map<string, SearchSource>();
    for (const c of plan.customers) known.set(c.id, { name: c.name, contacts: [] });
    for (const p of plan.contacts) known.get(p.customerId)?.contacts.push({ name: p.name, phone: p.phone });
    await this.#index.captureBefore([...reindex].filter((id) => !created.has(id)));
    await this.#index.refresh([...reindex], known);
    await this.#keepStatistics(plan);
    this.#hooks.reached('import:after-chunk');
  }

  /**
   * PostgreSQL plans every statement, the triggers' included, from the tables' statistics, which autovacuum cannot
   * update for rows this transaction has not committed. Into a fresh or small archive the plans stay those of near
   * empty tables, and each row's trigger scans what the import has written so far: a 10,000-row sheet took 20× the
   * time of a 2,000-row one (bench:import -- --engine postgres). ANALYZE inside the transaction counts its own rows;
   * run whenever the batch has doubled its rows since the last one, it costs a few samples per import. The new
   * statistics are the transaction's until it commits, and go with it on a rollback.
   */
  async #keepStatistics(plan: ChunkPlan): Promise<void> {
    const bulk = this.#writer.bulk;
    if (bulk.engine !== 'postgres') return;
    this.#rowsWritten += plan.customers.length + plan.contacts.length + plan.contracts.length + plan.followUps.length + plan.renewals.length;
    if (this.#rowsWritten < this.#analyzeAt) return;
    this.#analyzeAt = this.#rowsWritten * 2;
    await bulk.run('ANALYZE customers, contacts, contracts, renewals, follow_ups, report_terms, audit_log');
  }

  /**
   * Once every row is in: links the touched customers' terms into chains and stores the batch's old undecided
   * terms as 已到期 history (db/import/chainLinking.ts). `importDate` is the import's local date.
   */
  settleChains(importDate: string): Promise<ChainSettlement> {
    return settleChains(this.#writer, new Set(this.#contracts.keys()), new Set(this.createdOrRedatedContracts()), importDate);
  }

  /**
   * Every customer whose own row, or one of whose contracts, the batch wrote so far: what classification
   * looks at after the rows are in. Customers the batch created with a 等级依据 from the sheet are left out.
   */
  async touchedCustomers(): Promise<string[]> {
    await this.#writer.flush();
    const rows = await this.#writer.bulk.all<{ id: string }>(
      `SELECT entity_id AS id FROM audit_log WHERE batch_id = ? AND entity = 'customers'
         UNION SELECT k.customer_id FROM audit_log a JOIN contracts k ON k.id = a.entity_id WHERE a.batch_id = ? AND a.entity = 'contracts'`,
      [this.#meta.batchId, this.#meta.batchId],
    );
    return rows.map((r) => r.id).filter((id) => !this.#tierFromSheet.has(id));
  }

  /**
   * Tier classification's changes, in the batch like the rows' own: a new tier (its reason beside it, the pin
   * cleared: the rules decide it now), or a new reason alone. Audited, so undoing the import puts them back. A
   * customer the batch created is written in place (its audit entry is the create, which undo reverses by deleting
   * the row): a 100k-customer import would otherwise add a whole after-image per customer. Returns how many
   * audited patches it wrote (the batch summary's `customersRetiered`).
   */
  async retier(patches: readonly TierPatch[]): Promise<number> {
    const bulk = this.#writer.bulk;
    // The CAST gives PostgreSQL the parameter's type, which `? IS NULL` alone does not.
    const inPlace = 'UPDATE customers SET tier = coalesce(?, tier), tier_reason = ?, tier_pinned = CASE WHEN CAST(? AS TEXT) IS NULL THEN tier_pinned END WHERE id = ?';
    let audited = 0;
    const write = async () => {
      for (const p of patches) {
        if (this.#createdCustomers.has(p.id)) {
          await bulk.run(inPlace, [p.tier, p.reasonJson, p.tier, p.id]);
          continue;
        }
        const set: [string, string | null][] = p.tier === null ? [['tier_reason', p.reasonJson]] : [['tier', p.tier], ['tier_reason', p.reasonJson], ['tier_pinned', null]];
        await this.#writer.patch('customers', p.id, set);
        audited++;
      }
    };
    // Many tier moves take their search postings along set-wise on SQLite (0018's trigger per customer suspended
    // meanwhile); PostgreSQL's triggers move them per customer.
    const moves = patches.reduce((n, p) => (p.tier === null ? n : n + 1), 0);
    if (bulk.sqlite) await movingScopesInBulkAsync(bulk.sqlite.raw, moves, write);
    else await write();
    return audited;
  }

  /** Records the batch for the history page and undo; it commits or rolls back with the rows. */
  async recordBatch(summary: BatchSummary): Promise<void> {
    const { batchId, at, actor } = this.#meta;
    await recordImportBatch(this.#tx, { ...summary, batchId, actor, createdAt: at });
  }

  async finish(): Promise<void> {
    await this.#writer.flush();
    await this.#index.finish();
  }
}
