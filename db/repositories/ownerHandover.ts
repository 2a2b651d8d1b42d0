// 负责人交接: everything one owner holds (customers, contracts — and so their renewals and reminders, which follow
// the contract — and follow-ups) goes to another owner under one audit batch, undone by the one undo engine.
import { engineOf, q, rawOf, type Db, type Executor, type Tx } from '../handle.ts';
import { updateAudited, type AuditMeta } from './auditedWrites.ts';
import { movingScopesInBulkAsync } from './customerScopedBigrams.ts';

export interface HandoverCounts {
  customers: number;
  contracts: number;
  followUps: number;
}

/**
 * `db` is the connection `tx` runs on: on SQLite many customers take their search postings along set-wise. On
 * PostgreSQL the move trigger moves each customer's postings (the set-wise mover rewrites SQLite's stored triggers).
 */
export async function handOverOwner(db: Db, tx: Tx, fromOwnerId: string, toOwnerId: string, meta: AuditMeta): Promise<HandoverCounts> {
  const k = q(tx);
  const held = async (table: 'customers' | 'contracts' | 'follow_ups') =>
    (await k.selectFrom(table).select('id').where('owner_id', '=', fromOwnerId).where('deleted_at', 'is', null).orderBy('id').execute()).map((r) => r.id);
  const patch = { owner_id: toOwnerId };
  const customers = await held('customers');
  const moveCustomers = async () => {
    for (const id of customers) await updateAudited(tx, 'customers', id, patch, meta);
  };
  if (engineOf(db) === 'sqlite') await movingScopesInBulkAsync(rawOf(db), customers.length, moveCustomers);
  else await moveCustomers();
  const contracts = await held('contracts');
  for (const id of contracts) await updateAudited(tx, 'contracts', id, patch, meta);
  const followUps = await held('follow_ups');
  for (const id of followUps) await updateAudited(tx, 'follow_ups', id, patch, meta);
  return { customers: customers.length, contracts: contracts.length, followUps: followUps.length };
}

/** Whether `batchId` is a handover's batch (it wrote at least one row). */
export async function isHandoverBatch(x: Executor, batchId: string): Promise<boolean> {
  const row = await q(x).selectFrom('audit_log').select('id').where('batch_id', '=', batchId).where('action', '=', 'handover').executeTakeFirst();
  return row !== undefined;
}
