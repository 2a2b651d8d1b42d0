// One import's session on the raw connection. Per chunk the caller looks records up and hands over a plan;
// the session writes it in foreign-key order with its audit rows, then brings the search index and
// next_expiry_on in step with what the plan did, so a caller never drives the write steps itself.
import { bringNextExpiryForward, recomputeNextExpiry } from '../bulk/bulkNextExpiry.ts';
import { crashHooksOf, type CrashHooks } from '../crashHooks.ts';
import { BulkSearchIndex, type SearchSource } from '../bulk/bulkSearchIndex.ts';
import { rawOf, type Db } from '../handle.ts';
import { movingScopesInBulk } from '../repositories/customerScopedBigrams.ts';
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
  customersByName(names: readonly string[]): Map<string, CustomerSnapshot>;
  /** Owner ids by name. */
  ownersByName(names: readonly string[]): Map<string, string>;
  contractsByNumber(numbers: readonly string[]): Map<string, ContractSnapshot>;
  /** Keyed by customerEndKey, in number order. */
  contractsByCustomerEnd(pairs: readonly { customerId: string; endsOn: string }[]): Map<string, ContractSnapshot[]>;
  /** Follow-up ids keyed by followUpKey. */
  followUpsOfCustomers(customerIds: readonly string[]): Map<string, string>;
  /** Live renewal records keyed by contract id. */
  renewalsOfContracts(contractIds: readonly string[]): Map<string, RenewalSnapshot>;
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
  readonly #db: Db;
  readonly #meta: BatchMeta;
  readonly #writer: ImportBulkWriter;
  readonly #index: BulkSearchIndex;
  readonly #hooks: CrashHooks;
  readonly #contracts = new Map<string, BatchContract>();
  /** Customers created with a 等级依据 from the sheet: their tier stands as the sheet says until the next run. */
  readonly #tierFromSheet = new Set<string>();
  /** Customers this batch created: undo deletes them whole, so their classification needs no audit image. */
  readonly #createdCustomers = new Set<string>();

  constructor(db: Db, meta: BatchMeta) {
    this.#db = db;
    this.#hooks = crashHooksOf(db);
    this.#meta = meta;
    this.#writer = new ImportBulkWriter(rawOf(db), meta);
    this.#index = new BulkSearchIndex(this.#writer.cache);
    const cache = this.#writer.cache;
    this.lookup = {
      customersByName: (names) => customersByName(cache, names),
      ownersByName: (names) => ownersByName(cache, names),
      contractsByNumber: (numbers) => contractsByNumber(cache, numbers),
      contractsByCustomerEnd: (pairs) => contractsByCustomerEnd(cache, pairs),
      followUpsOfCustomers: (ids) => followUpsOfCustomers(cache, ids),
      renewalsOfContracts: (ids) => renewalsOfContracts(cache, ids),
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
  write(plan: ChunkPlan): void {
    const writer = this.#writer;
    for (const o of plan.owners) writer.insertOwner(o);
    // Out before the changes below, which may point at them.
    writer.flush();
    const earliest = earliestEnds(plan.contracts);
    const created = new Set<string>();
    const reindex = new Set<string>();
    const endsMoved = new Set<string>();
    for (const c of plan.customers) {
      writer.insertCustomer(c, earliest.get(c.id) ?? null);
      this.#createdCustomers.add(c.id);
      if (c.tierStanding) this.#tierFromSheet.add(c.id);
      created.add(c.id);
      reindex.add(c.id);
    }
    for (const p of plan.contacts) {
      writer.insertContact(p);
      reindex.add(p.customerId);
    }
    for (const change of plan.changes) {
      writer.change(change);
      if (change.entity === 'contact' && (change.changes.name !== undefined || change.changes.phone !== undefined)) reindex.add(change.customerId);
      if (change.entity === 'contract' && change.changes.endsOn !== undefined) endsMoved.add(change.customerId);
    }
    for (const k of plan.contracts) writer.insertContract(k);
    for (const f of plan.followUps) writer.insertFollowUp(f);
    for (const r of plan.renewals) writer.insertRenewal(r);
    writer.flush();
    // The reminder catch-up watches contracts by updated_at: a term whose renewal record alone changed is restamped.
    const restamp = [...plan.renewals.map((r) => r.contractId), ...plan.changes.flatMap((c) => (c.entity === 'renewal' ? [c.contractId] : []))];
    writer.restampContracts(restamp);
    this.#noteContracts(plan);

    // A stored end that moved (perhaps later) needs the minimum again; created contracts only bring it forward.
    const forward = new Map<string, string>();
    for (const [id, endsOn] of earliest) if (!created.has(id) && !endsMoved.has(id)) forward.set(id, endsOn);
    bringNextExpiryForward(writer.cache, forward);
    recomputeNextExpiry(writer.cache, [...endsMoved]);

    // Customers created here are indexed from the plan, not read back.
    const known = new Map<string, SearchSource>();
    for (const c of plan.customers) known.set(c.id, { name: c.name, contacts: [] });
    for (const p of plan.contacts) known.get(p.customerId)?.contacts.push({ name: p.name, phone: p.phone });
    this.#index.captureBefore([...reindex].filter((id) => !created.has(id)));
    this.#index.refresh([...reindex], known);
    this.#hooks.reached('import:after-chunk');
  }

  /**
   * Once every row is in: links the touched customers' terms into chains and stores the batch's old undecided
   * terms as 已到期 history (db/import/chainLinking.ts). `importDate` is the import's local date.
   */
  settleChains(importDate: string): ChainSettlement {
    return settleChains(this.#writer, new Set(this.#contracts.keys()), new Set(this.createdOrRedatedContracts()), importDate);
  }

  /**
   * Every customer whose own row, or one of whose contracts, the batch wrote so far: what classification
   * looks at after the rows are in. Customers the batch created with a 等级依据 from the sheet are left out.
   */
  touchedCustomers(): string[] {
    this.#writer.flush();
    const rows = this.#writer.cache
      .get(
        `SELECT entity_id AS id FROM audit_log WHERE batch_id = ? AND entity = 'customers'
         UNION SELECT k.customer_id FROM audit_log a JOIN contracts k ON k.id = a.entity_id WHERE a.batch_id = ? AND a.entity = 'contracts'`,
      )
      .all(this.#meta.batchId, this.#meta.batchId) as { id: string }[];
    return rows.map((r) => r.id).filter((id) => !this.#tierFromSheet.has(id));
  }

  /**
   * Tier classification's changes, in the batch like the rows' own: a new tier (its reason beside it, the pin
   * cleared: the rules decide it now), or a new reason alone. Audited, so undoing the import puts them back. A
   * customer the batch created is written in place (its audit entry is the create, which undo reverses by deleting
   * the row): a 100k-customer import would otherwise add a whole after-image per customer. Returns how many
   * audited patches it wrote (the batch summary's `customersRetiered`).
   */
  retier(patches: readonly TierPatch[]): number {
    const inPlace = this.#writer.cache.get('UPDATE customers SET tier = coalesce(?, tier), tier_reason = ?, tier_pinned = CASE WHEN ? IS NULL THEN tier_pinned END WHERE id = ?');
    // Many tier moves take their search postings along set-wise (0018's trigger per customer suspended meanwhile).
    const moves = patches.reduce((n, p) => (p.tier === null ? n : n + 1), 0);
    let audited = 0;
    movingScopesInBulk(this.#writer.cache.raw, moves, () => {
      for (const p of patches) {
        if (this.#createdCustomers.has(p.id)) {
          inPlace.run(p.tier, p.reasonJson, p.tier, p.id);
          continue;
        }
        const set: [string, string | null][] = p.tier === null ? [['tier_reason', p.reasonJson]] : [['tier', p.tier], ['tier_reason', p.reasonJson], ['tier_pinned', null]];
        this.#writer.patch('customers', p.id, set);
        audited++;
      }
    });
    return audited;
  }

  /** Records the batch for the history page and undo; it commits or rolls back with the rows. */
  recordBatch(summary: BatchSummary): void {
    const { batchId, at, actor } = this.#meta;
    recordImportBatch(this.#db, { ...summary, batchId, actor, createdAt: at });
  }

  finish(): void {
    this.#writer.flush();
    this.#index.finish();
  }
}
