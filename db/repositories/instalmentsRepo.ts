// A contract's instalments (migration 0024), as the payments tab, the import and the export read and change them.
// The derived figures (outstanding, delay) are shared/domain/paymentDelay.ts's; this file stores facts only.
import type { Selectable } from 'kysely';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import type { ContractInstalmentsTable } from '../schema.ts';
import { insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';
import type { PaymentSheetRecord } from '../../shared/importExport/paymentSheet.ts';

export interface StoredInstalment {
  id: string;
  contractId: string;
  dueOn: string;
  dueAmountFen: number;
  paidAmountFen: number;
  paidOn: string | null;
  invoiceNo: string | null;
  invoiceOn: string | null;
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type InstalmentValues = Pick<StoredInstalment, 'dueOn' | 'dueAmountFen' | 'paidAmountFen' | 'paidOn' | 'invoiceNo' | 'invoiceOn' | 'note'>;

function toInstalment(r: Selectable<ContractInstalmentsTable>): StoredInstalment {
  return {
    id: r.id,
    contractId: r.contract_id,
    dueOn: r.due_on,
    dueAmountFen: r.due_amount_fen,
    paidAmountFen: r.paid_amount_fen,
    paidOn: r.paid_on,
    invoiceNo: r.invoice_no,
    invoiceOn: r.invoice_on,
    note: r.note,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const toColumns = (v: InstalmentValues) => ({
  due_on: v.dueOn,
  due_amount_fen: v.dueAmountFen,
  paid_amount_fen: v.paidAmountFen,
  paid_on: v.paidOn,
  invoice_no: v.invoiceNo,
  invoice_on: v.invoiceOn,
  note: v.note,
});

/** The live instalments of a contract, in due order. */
export async function listContractInstalments(x: Executor, contractId: string): Promise<StoredInstalment[]> {
  const rows = await q(x)
    .selectFrom('contract_instalments')
    .selectAll()
    .where('contract_id', '=', contractId)
    .where('deleted_at', 'is', null)
    .orderBy('due_on')
    .execute();
  return rows.map(toInstalment);
}

/** A live instalment of a live contract; undefined otherwise. */
export async function getLiveInstalment(x: Executor, id: string): Promise<StoredInstalment | undefined> {
  const row = await q(x)
    .selectFrom('contract_instalments as i')
    .innerJoin('contracts as k', 'k.id', 'i.contract_id')
    .selectAll('i')
    .where('i.id', '=', id)
    .where('i.deleted_at', 'is', null)
    .where('k.deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? toInstalment(row) : undefined;
}

/** The live instalment of the contract due on that date (the key of an instalment), if any. */
export async function findLiveInstalmentByDue(x: Executor, contractId: string, dueOn: string): Promise<StoredInstalment | undefined> {
  const row = await q(x)
    .selectFrom('contract_instalments')
    .selectAll()
    .where('contract_id', '=', contractId)
    .where('due_on', '=', dueOn)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? toInstalment(row) : undefined;
}

export async function insertInstalment(tx: Tx, contractId: string, v: InstalmentValues, meta: AuditMeta): Promise<StoredInstalment> {
  const row = await insertAudited(tx, 'contract_instalments', { id: newId(), contract_id: contractId, ...toColumns(v), deleted_at: null }, meta);
  return toInstalment(row);
}

export async function updateInstalment(tx: Tx, id: string, v: InstalmentValues, meta: AuditMeta, expectedVersion?: number): Promise<StoredInstalment> {
  return toInstalment(await updateAudited(tx, 'contract_instalments', id, toColumns(v), meta, expectedVersion));
}

export async function softDeleteInstalment(tx: Tx, id: string, meta: AuditMeta): Promise<void> {
  await updateAudited(tx, 'contract_instalments', id, { deleted_at: meta.at }, meta);
}

/** Whether `batchId` is an instalment change (its entries are all instalment rows), which its undo may reverse. */
export async function isInstalmentBatch(x: Executor, batchId: string): Promise<boolean> {
  const rows = await q(x).selectFrom('audit_log').select('entity').distinct().where('batch_id', '=', batchId).where('action', '!=', 'undone').execute();
  return rows.length > 0 && rows.every((r) => r.entity === 'contract_instalments');
}

/** The instalments an audit batch wrote (a payment change or an import), for recomputing their reminders on undo. */
export async function instalmentIdsOfBatch(x: Executor, batchId: string): Promise<string[]> {
  const rows = await q(x).selectFrom('audit_log').select('entity_id').distinct().where('batch_id', '=', batchId).where('entity', '=', 'contract_instalments').execute();
  return rows.map((r) => r.entity_id);
}

/** Live contracts by number (the payments sheet's key), id by number. */
export async function liveContractIdsByNumber(x: Executor, numbers: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < numbers.length; i += 500) {
    const rows = await q(x)
      .selectFrom('contracts')
      .select(['id', 'number'])
      .where('number', 'in', numbers.slice(i, i + 500))
      .where('deleted_at', 'is', null)
      .execute();
    for (const r of rows) out.set(r.number, r.id);
  }
  return out;
}

/**
 * Every live instalment of a live contract, by contract number then due date: the payments sheet; `ownerId`: only
 * the contracts of that owner's customers.
 */
export async function listInstalmentsForExport(x: Executor, ownerId?: string): Promise<PaymentSheetRecord[]> {
  const rows = await q(x)
    .selectFrom('contract_instalments as i')
    .innerJoin('contracts as k', 'k.id', 'i.contract_id')
    .select(['k.number', 'i.due_on', 'i.due_amount_fen', 'i.paid_on', 'i.paid_amount_fen', 'i.invoice_no', 'i.invoice_on'])
    .where('i.deleted_at', 'is', null)
    .where('k.deleted_at', 'is', null)
    .$if(ownerId !== undefined, (b) => b.where('k.customer_id', 'in', (eb) => eb.selectFrom('customers').select('id').where('owner_id', '=', ownerId ?? '')))
    .orderBy('k.number')
    .orderBy('i.due_on')
    .execute();
  return rows.map((r) => ({
    contractNumber: r.number,
    dueOn: r.due_on,
    dueAmountFen: r.due_amount_fen,
    paidOn: r.paid_on,
    paidAmountFen: r.paid_amount_fen,
    invoiceNo: r.invoice_no,
    invoiceOn: r.invoice_on,
  }));
}
