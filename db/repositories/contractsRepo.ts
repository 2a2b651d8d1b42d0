import type { Contract } from '../../shared/api/contracts.contract.ts';
import type { ContractPatch, NewContract } from '../../shared/api/recordWrites.ts';
import type { ContractStatus, Currency, Cycle, RenewalStage, Tier } from '../../shared/domain/enums.ts';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import type { ContractUpdate } from '../schema.ts';
import { insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';
import { refreshNextExpiry } from './customersRepo.ts';

function contractsQuery(x: Executor) {
  return q(x)
    .selectFrom('contracts as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .leftJoin('owners as o', 'o.id', 'k.owner_id')
    .leftJoin('renewals as r', (j) => j.onRef('r.contract_id', '=', 'k.id').on('r.deleted_at', 'is', null))
    .selectAll('k')
    .select(['c.name as customer_name', 'c.tier as customer_tier', 'o.name as owner_name', 'r.stage as renewal_stage', 'r.lost_reason', 'r.lost_note'])
    .where('k.deleted_at', 'is', null);
}

type ContractJoinRow = Awaited<ReturnType<ReturnType<typeof contractsQuery>['executeTakeFirstOrThrow']>>;

function toContract(r: ContractJoinRow): Contract {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    number: r.number,
    signedOn: r.signed_on,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    amountFen: r.amount_fen,
    currency: r.currency as Currency,
    cycle: r.cycle as Cycle | null,
    service: r.service,
    status: r.status as ContractStatus,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    renewalOf: r.renewal_of,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    stage: r.renewal_stage as RenewalStage | null,
    lostReason: r.lost_reason,
    lostNote: r.lost_note,
  };
}

/** A listed contract with its customer's tier, which decides when it is 即将到期. */
export type ContractWithTier = Contract & { customerTier: Tier };

export async function getContract(x: Executor, id: string): Promise<Contract | undefined> {
  const row = await contractsQuery(x).where('k.id', '=', id).executeTakeFirst();
  return row ? toContract(row) : undefined;
}

export async function findLiveContractIdByNumber(x: Executor, number: string): Promise<string | undefined> {
  const row = await q(x)
    .selectFrom('contracts')
    .select('id')
    .where('number', '=', number)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

export interface ContractListFilter {
  customerId?: string | undefined;
  status?: ContractStatus | undefined;
  offset: number;
  limit: number;
}

export async function listContracts(x: Executor, f: ContractListFilter): Promise<{ items: ContractWithTier[]; total: number }> {
  let base = contractsQuery(x);
  if (f.customerId) base = base.where('k.customer_id', '=', f.customerId);
  if (f.status) base = base.where('k.status', '=', f.status);
  const countRow = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const rows = await base
    .orderBy((eb) => eb('k.ends_on', 'is', null))
    .orderBy('k.ends_on')
    .orderBy('k.number')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items: rows.map((r) => ({ ...toContract(r), customerTier: r.customer_tier as Tier })), total: Number(countRow?.n ?? 0) };
}

function contractColumns(c: ContractPatch): ContractUpdate {
  return {
    number: c.number,
    signed_on: c.signedOn,
    starts_on: c.startsOn,
    ends_on: c.endsOn,
    amount_fen: c.amountFen,
    currency: c.currency,
    cycle: c.cycle,
    service: c.service,
    status: c.status,
    owner_id: c.ownerId,
    renewal_of: c.renewalOf,
    notes: c.notes,
  };
}

// Each contract write keeps its customer's next_expiry_on in step.

/** A new contract, audited; returns its id. */
export async function insertContract(tx: Tx, c: NewContract, meta: AuditMeta): Promise<string> {
  const row = await insertAudited(
    tx,
    'contracts',
    { ...contractColumns(c), id: newId(), customer_id: c.customerId, number: c.number, currency: c.currency, status: c.status, deleted_at: null },
    meta,
  );
  await refreshNextExpiry(tx, c.customerId);
  return row.id;
}

/** Changes the given fields; with `expectedVersion`, refuses when someone else changed the contract since. */
export async function patchContract(tx: Tx, id: string, patch: ContractPatch, meta: AuditMeta, expectedVersion?: number): Promise<void> {
  const row = await updateAudited(tx, 'contracts', id, contractColumns(patch), meta, expectedVersion);
  await refreshNextExpiry(tx, row.customer_id);
}

export async function softDeleteContract(tx: Tx, id: string, meta: AuditMeta): Promise<void> {
  const row = await updateAudited(tx, 'contracts', id, { deleted_at: meta.at }, meta);
  await refreshNextExpiry(tx, row.customer_id);
}
