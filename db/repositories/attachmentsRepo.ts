// A contract's attachments (migration 0022), as the contract's 附件 section reads and changes them. The files
// themselves are attachmentStore.ts's.
import type { Selectable } from 'kysely';
import type { Attachment, AttachmentMime } from '../../shared/api/attachments.contract.ts';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import type { ContractAttachmentsTable } from '../schema.ts';
import { insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';

export interface StoredAttachmentRow extends Attachment {
  storedName: string;
  /** The contract's customer, whose page lists the contract. */
  customerId: string;
}

function toAttachment(r: Selectable<ContractAttachmentsTable>): Attachment & { storedName: string } {
  return {
    id: r.id,
    contractId: r.contract_id,
    fileName: r.file_name,
    mime: r.mime as AttachmentMime,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    createdAt: r.created_at,
    storedName: r.stored_name,
  };
}

/** The live attachments of a contract, oldest first. */
export async function listContractAttachments(x: Executor, contractId: string): Promise<Attachment[]> {
  const rows = await q(x)
    .selectFrom('contract_attachments')
    .selectAll()
    .where('contract_id', '=', contractId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const { storedName: _stored, ...attachment } = toAttachment(r);
    return attachment;
  });
}

/** A live attachment of a live contract, with where its bytes are; undefined otherwise. */
export async function getLiveAttachment(x: Executor, id: string): Promise<StoredAttachmentRow | undefined> {
  const row = await q(x)
    .selectFrom('contract_attachments as a')
    .innerJoin('contracts as k', 'k.id', 'a.contract_id')
    .selectAll('a')
    .select('k.customer_id')
    .where('a.id', '=', id)
    .where('a.deleted_at', 'is', null)
    .where('k.deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? { ...toAttachment(row), customerId: row.customer_id } : undefined;
}

/** A live attachment of the contract with these bytes, if it has one already. */
export async function findLiveAttachmentBySha(x: Executor, contractId: string, sha256: string): Promise<Attachment | undefined> {
  const row = await q(x)
    .selectFrom('contract_attachments')
    .selectAll()
    .where('contract_id', '=', contractId)
    .where('sha256', '=', sha256)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? toAttachment(row) : undefined;
}

export interface NewAttachment {
  contractId: string;
  fileName: string;
  storedName: string;
  mime: AttachmentMime;
  sizeBytes: number;
  sha256: string;
}

export async function insertAttachment(tx: Tx, a: NewAttachment, meta: AuditMeta): Promise<Attachment> {
  const row = await insertAudited(
    tx,
    'contract_attachments',
    {
      id: newId(),
      contract_id: a.contractId,
      file_name: a.fileName,
      stored_name: a.storedName,
      mime: a.mime,
      size_bytes: a.sizeBytes,
      sha256: a.sha256,
      deleted_at: null,
    },
    meta,
  );
  const { storedName: _stored, ...attachment } = toAttachment(row);
  return attachment;
}

export async function softDeleteAttachment(tx: Tx, id: string, meta: AuditMeta): Promise<void> {
  await updateAudited(tx, 'contract_attachments', id, { deleted_at: meta.at }, meta);
}

/** Whether `batchId` is an attachment's add or remove (its entries are all attachment rows), which its undo may reverse. */
export async function isAttachmentBatch(x: Executor, batchId: string): Promise<boolean> {
  const rows = await q(x).selectFrom('audit_log').select('entity').distinct().where('batch_id', '=', batchId).where('action', '!=', 'undone').execute();
  return rows.length > 0 && rows.every((r) => r.entity === 'contract_attachments');
}
