import { sql } from 'kysely';
import type { FollowUp } from '../../shared/api/followUps.contract.ts';
import type { NewFollowUp } from '../../shared/api/recordWrites.ts';
import type { FollowUpChannel, FollowUpKind } from '../../shared/domain/enums.ts';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import { insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';

function followUpsQuery(x: Executor) {
  return q(x)
    .selectFrom('follow_ups as f')
    .innerJoin('customers as c', 'c.id', 'f.customer_id')
    .leftJoin('contracts as k', 'k.id', 'f.contract_id')
    .leftJoin('owners as o', 'o.id', 'f.owner_id')
    .selectAll('f')
    .select(['c.name as customer_name', 'k.number as contract_no', 'o.name as owner_name'])
    .where('f.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null);
}

type FollowUpJoinRow = Awaited<ReturnType<ReturnType<typeof followUpsQuery>['executeTakeFirstOrThrow']>>;

function toFollowUp(r: FollowUpJoinRow): FollowUp {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    contractId: r.contract_id,
    contractNo: r.contract_no,
    at: r.at,
    channel: r.channel as FollowUpChannel,
    kind: r.kind as FollowUpKind,
    summary: r.summary,
    nextFollowUpOn: r.next_follow_up_on,
    nextDoneAt: r.next_done_at,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    version: r.version,
  };
}

export async function getFollowUp(x: Executor, id: string): Promise<FollowUp | undefined> {
  const row = await followUpsQuery(x).where('f.id', '=', id).executeTakeFirst();
  return row ? toFollowUp(row) : undefined;
}

export async function listFollowUps(
  x: Executor,
  f: { customerId?: string | undefined; contractId?: string | undefined; offset: number; limit: number },
): Promise<{ items: FollowUp[]; total: number }> {
  let base = followUpsQuery(x);
  if (f.customerId) base = base.where('f.customer_id', '=', f.customerId);
  if (f.contractId) base = base.where('f.contract_id', '=', f.contractId);
  const countRow = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const rows = await base.orderBy('f.at', 'desc').orderBy('f.id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { items: rows.map(toFollowUp), total: Number(countRow?.n ?? 0) };
}

/** Open next-follow-up dates on or before `today`, oldest first. */
export async function listDueFollowUps(
  x: Executor,
  f: { today: string; ownerId?: string | undefined; offset: number; limit: number },
): Promise<{ items: FollowUp[]; total: number }> {
  let base = followUpsQuery(x)
    .where('f.next_follow_up_on', 'is not', null)
    .where('f.next_done_at', 'is', null)
    .where('f.next_follow_up_on', '<=', f.today)
    .where('c.archived_at', 'is', null);
  if (f.ownerId) base = base.where(sql<boolean>`coalesce(f.owner_id, c.owner_id) = ${f.ownerId}`);
  const countRow = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const rows = await base.orderBy('f.next_follow_up_on').orderBy('f.id').limit(f.limit).offset(f.offset).execute();
  return { items: rows.map(toFollowUp), total: Number(countRow?.n ?? 0) };
}

/** Ids of a customer's follow-ups that still wait for their next contact. */
export async function openFollowUpIds(x: Executor, customerId: string): Promise<string[]> {
  const rows = await q(x)
    .selectFrom('follow_ups')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .where('next_follow_up_on', 'is not', null)
    .where('next_done_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** A new follow-up's columns, for the audited insert here and the import's bulk writer. */
export function followUpColumns(f: NewFollowUp) {
  return {
    customer_id: f.customerId,
    contract_id: f.contractId,
    at: f.at,
    channel: f.channel,
    kind: f.kind,
    summary: f.summary,
    next_follow_up_on: f.nextFollowUpOn,
    next_done_at: null,
    owner_id: f.ownerId,
  };
}

/** A new follow-up, audited; returns its id. */
export async function insertFollowUp(tx: Tx, f: NewFollowUp, meta: AuditMeta): Promise<string> {
  const row = await insertAudited(tx, 'follow_ups', { ...followUpColumns(f), id: newId(), deleted_at: null }, meta);
  return row.id;
}

/** The follow-up's next date is done with (at `meta.at`); it leaves the due list. */
export async function markFollowUpDone(tx: Tx, id: string, meta: AuditMeta): Promise<void> {
  await updateAudited(tx, 'follow_ups', id, { next_done_at: meta.at }, meta);
}

export async function softDeleteFollowUp(tx: Tx, id: string, meta: AuditMeta): Promise<void> {
  await updateAudited(tx, 'follow_ups', id, { deleted_at: meta.at }, meta);
}
