import { sql, type RawBuilder } from 'kysely';
import type { RenewalStageWrite } from '../../shared/api/recordWrites.ts';
import { CYCLE_UNSET } from '../../shared/api/renewals.contract.ts';
import { pinyinQueryOf } from '../../shared/domain/pinyinSearch.ts';
import { normalizeSearchText } from '../../shared/domain/searchText.ts';
import { engineOf, q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import { insertAudited, updateAudited, writeAudit, type AuditMeta } from './auditedWrites.ts';
import { undoBatch, type UndoneBatch } from '../audit/undoBatch.ts';
import type { Db } from '../handle.ts';

// The renewal pipeline: one live record per contract term; a term without one is still 待跟进 (pending).

export interface RenewalRecord {
  id: string;
  contractId: string;
  stage: string;
  outcomeOn: string | null;
  outcomeAmountFen: number | null;
  lostReason: string | null;
  lostNote: string | null;
  newContractId: string | null;
  notes: string | null;
  version: number;
}

export async function renewalOfContract(x: Executor, contractId: string): Promise<RenewalRecord | undefined> {
  return q(x)
    .selectFrom('renewals')
    .select([
      'id',
      'contract_id as contractId',
      'stage',
      'outcome_on as outcomeOn',
      'outcome_amount_fen as outcomeAmountFen',
      'lost_reason as lostReason',
      'lost_note as lostNote',
      'new_contract_id as newContractId',
      'notes',
      'version',
    ])
    .where('contract_id', '=', contractId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Creates or updates the term's one live pipeline record. */
export async function saveRenewalStage(tx: Tx, contractId: string, w: RenewalStageWrite, meta: AuditMeta): Promise<void> {
  const existing = await renewalOfContract(tx, contractId);
  const values = {
    stage: w.stage,
    lost_reason: w.lostReason,
    lost_note: w.lostNote,
    outcome_on: w.outcomeOn,
    outcome_amount_fen: w.outcomeAmountFen,
    new_contract_id: w.newContractId,
  };
  if (existing) await updateAudited(tx, 'renewals', existing.id, values, meta);
  else {
    await insertAudited(
      tx,
      'renewals',
      { ...values, id: newId(), contract_id: contractId, new_contract_id: w.newContractId ?? null, notes: null, deleted_at: null },
      meta,
    );
  }
}

export interface RenewalListFilter {
  /** Inclusive bounds on the end date; either may be open. */
  endsFrom?: string | undefined;
  endsTo?: string | undefined;
  ownerId?: string | undefined;
  tier?: string | undefined;
  /** A cycle code, or CYCLE_UNSET for contracts whose cycle is unknown (NULL). */
  cycle?: string | undefined;
  /** Without a stage, decided terms (renewed, lost) are left out. */
  stage?: string | undefined;
  /** Stored contract statuses to list: active, and/or expired (已到期 history). */
  statuses: readonly string[];
  /** Customer name, a contact's name or phone (the customer search text), or contract number. */
  search?: string | undefined;
  /** Only contracts written by this import batch. */
  batchId?: string | undefined;
  offset: number;
  limit: number;
}

/** `haystack` contains `needle`: instr on SQLite (as tuned), strpos on PostgreSQL (which has no instr). */
function contains(x: Executor, haystack: RawBuilder<string>, needle: string) {
  return engineOf(x) === 'postgres' ? sql`strpos(${haystack}, ${needle}) > 0` : sql`instr(${haystack}, ${needle}) > 0`;
}

function renewalBase(x: Executor, f: RenewalListFilter) {
  let query = q(x)
    .selectFrom('contracts as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .leftJoin('renewals as r', (j) => j.onRef('r.contract_id', '=', 'k.id').on('r.deleted_at', 'is', null))
    .where('k.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where('k.status', 'in', [...f.statuses])
    .where('k.ends_on', 'is not', null);
  const needle = normalizeSearchText(f.search ?? '');
  if (needle) {
    // A letter query also matches the customer's name by pinyin, as in the customer list.
    const pinyin = pinyinQueryOf(needle);
    const byReading = pinyin === null ? sql`` : sql` OR pinyin_match(cs.pinyin, ${pinyin})`;
    query = query.where(
      sql<boolean>`(${contains(x, sql`lower(k.number)`, needle)}
        OR EXISTS (SELECT 1 FROM customer_search cs WHERE cs.customer_id = c.id AND (${contains(x, sql`cs.text`, needle)}${byReading})))`,
    );
  }
  if (f.batchId) {
    query = query.where(
      'k.id',
      'in',
      q(x).selectFrom('audit_log').select('entity_id').where('batch_id', '=', f.batchId).where('entity', '=', 'contracts'),
    );
  }
  if (f.endsFrom) query = query.where('k.ends_on', '>=', f.endsFrom);
  if (f.endsTo) query = query.where('k.ends_on', '<=', f.endsTo);
  if (f.ownerId) query = query.where(sql<string>`coalesce(k.owner_id, c.owner_id)`, '=', f.ownerId);
  if (f.tier) query = query.where('c.tier', '=', f.tier);
  if (f.cycle === CYCLE_UNSET) query = query.where('k.cycle', 'is', null);
  else if (f.cycle) query = query.where('k.cycle', '=', f.cycle);
  const stage = sql<string>`coalesce(r.stage, 'pending')`;
  query = f.stage ? query.where(stage, '=', f.stage) : query.where(stage, 'not in', ['renewed', 'lost']);
  return query;
}

export async function listRenewals(x: Executor, f: RenewalListFilter) {
  const base = renewalBase(x, f);
  const totals = await base
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('k.amount_fen').as('amount')])
    .executeTakeFirst();
  const rows = await base
    .leftJoin('owners as o', (j) => j.on((eb) => eb('o.id', '=', eb.fn.coalesce('k.owner_id', 'c.owner_id'))))
    .select([
      'k.id as contractId',
      'k.number as contractNo',
      'k.customer_id as customerId',
      'c.name as customerName',
      'c.tier',
      'o.id as ownerId',
      'o.name as ownerName',
      'k.cycle',
      'k.ends_on as endsOn',
      'k.amount_fen as amountFen',
      'k.currency',
      'k.status',
      sql<string>`coalesce(r.stage, 'pending')`.as('stage'),
      'r.stage as storedStage',
      'r.lost_reason as lostReason',
      'r.lost_note as lostNote',
      'r.version as renewalVersion',
    ])
    .orderBy('k.ends_on')
    .orderBy('k.number')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(totals?.n ?? 0), totalAmountFen: Number(totals?.amount ?? 0) };
}

/** Terms whose end date passed with no decision, and active once-only terms with no end date at all. */
export async function flaggedContracts(x: Executor, today: string) {
  const common = (query: ReturnType<typeof flaggedBase>) =>
    query
      .select([
        'k.id as contractId',
        'k.number as contractNo',
        'k.customer_id as customerId',
        'c.name as customerName',
        'c.tier',
        'k.ends_on as endsOn',
        'k.amount_fen as amountFen',
        sql<string>`coalesce(r.stage, 'pending')`.as('stage'),
      ])
      .orderBy('k.ends_on')
      .orderBy('k.number')
      .limit(500)
      .execute();
  const overdue = await common(overdueUndecidedTerms(x, today));
  const noEndDate = await common(flaggedBase(x).where('k.status', '=', 'active').where('k.ends_on', 'is', null));
  return { overdue, noEndDate };
}

/** 已逾期: live active terms past their end with no decision (已到期 history, status 'expired', is listed apart). */
export function overdueUndecidedTerms(x: Executor, today: string) {
  return flaggedBase(x)
    .where('k.status', '=', 'active')
    .where('k.ends_on', '<', today)
    .where(sql<string>`coalesce(r.stage, 'pending')`, 'not in', ['renewed', 'lost']);
}

function flaggedBase(x: Executor) {
  return q(x)
    .selectFrom('contracts as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .leftJoin('renewals as r', (j) => j.onRef('r.contract_id', '=', 'k.id').on('r.deleted_at', 'is', null))
    .where('k.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null);
}

export interface ChainRow {
  id: string;
  number: string;
  startsOn: string | null;
  endsOn: string | null;
  cycle: string | null;
  amountFen: number | null;
  status: string;
  renewalOf: string | null;
}

/** Every live term linked to `contractId` through renewal_of, in either direction, oldest first. */
export async function contractChain(x: Executor, contractId: string): Promise<ChainRow[]> {
  const rows = await sql<ChainRow>`
    WITH RECURSIVE up(id) AS (
      SELECT id FROM contracts WHERE id = ${contractId}
      UNION SELECT k.renewal_of FROM contracts k JOIN up ON k.id = up.id WHERE k.renewal_of IS NOT NULL
    ),
    root(id) AS (SELECT up.id FROM up JOIN contracts k ON k.id = up.id WHERE k.renewal_of IS NULL),
    down(id, depth) AS (
      SELECT id, 0 FROM root
      UNION SELECT k.id, down.depth + 1 FROM contracts k JOIN down ON k.renewal_of = down.id WHERE down.depth < 500
    )
    SELECT k.id, k.number, k.starts_on AS "startsOn", k.ends_on AS "endsOn", k.cycle, k.amount_fen AS "amountFen", k.status,
           k.renewal_of AS "renewalOf"
    FROM down JOIN contracts k ON k.id = down.id
    WHERE k.deleted_at IS NULL
    ORDER BY down.depth, coalesce(k.starts_on, k.ends_on), k.id`.execute(q(x));
  return rows.rows;
}

/** Removes the term's live renewal record (the term is then 待跟进 again). */
export async function removeRenewalRecord(tx: Tx, contractId: string, meta: AuditMeta): Promise<void> {
  const existing = await renewalOfContract(tx, contractId);
  if (existing) await updateAudited(tx, 'renewals', existing.id, { deleted_at: meta.at }, meta);
}

/** Contracts an audited batch wrote, directly or through their renewal records. */
export async function contractIdsOfBatch(x: Executor, batchId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    SELECT entity_id AS id FROM audit_log WHERE batch_id = ${batchId} AND entity = 'contracts'
    UNION
    SELECT r.contract_id AS id FROM renewals r
      WHERE r.id IN (SELECT entity_id FROM audit_log WHERE batch_id = ${batchId} AND entity = 'renewals')`.execute(q(x));
  return rows.rows.map((r) => r.id);
}

/** Customers whose own row an audited batch wrote. */
export async function customerIdsOfBatch(x: Executor, batchId: string): Promise<string[]> {
  const rows = await q(x)
    .selectFrom('audit_log')
    .select('entity_id')
    .distinct()
    .where('batch_id', '=', batchId)
    .where('entity', '=', 'customers')
    .execute();
  return rows.map((r) => r.entity_id);
}

/** Whether `batchId` carries the marker a batch of kind `kind` writes first (see markBatch). */
export async function batchHasMarker(x: Executor, batchId: string, kind: string): Promise<boolean> {
  const row = await q(x)
    .selectFrom('audit_log')
    .select('id')
    .where('batch_id', '=', batchId)
    .where('entity', '=', 'batch')
    .where('action', '=', kind)
    .executeTakeFirst();
  return row !== undefined;
}

/** The marker a bulk action writes into its batch, so its undo knows the batch for one of its own. */
export async function markBatch(tx: Tx, meta: AuditMeta & { batchId: string }, summary: Record<string, unknown>): Promise<void> {
  await writeAudit(tx, meta, 'batch', meta.batchId, null, summary);
}

/** Undoes a marked batch (see markBatch); must run inside a transaction. */
export async function undoMarkedBatch(db: Db, tx: Tx, batchId: string, meta: AuditMeta & { batchId: string }): Promise<UndoneBatch> {
  return undoBatch(db, tx, batchId, { batchId: meta.batchId, at: meta.at, actor: meta.actor }, { field: 'undoToken' });
}
