// A contract's attachments: added from an upload (`import:upload`, the one way a file's bytes reach the backend),
// checked by content (sniffAttachmentType) and size, stored once per content (an SQLite archive in its attachments
// folder, a team archive in its own table: db/archiveAttachments.ts), and referenced by an audited row, so an add or
// a remove is undone like any other write.
import fs from 'node:fs';
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/attachments.contract.ts';
import { sniffAttachmentType } from '../../../shared/domain/attachmentType.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { undoByToken } from '../../../db/audit/undoBatch.ts';
import { readArchiveAttachment, storeArchiveAttachment } from '../../../db/archiveAttachments.ts';
import { newId } from '../../../db/newId.ts';
import {
  findLiveAttachmentBySha,
  getLiveAttachment,
  insertAttachment,
  isAttachmentBatch,
  listContractAttachments,
  softDeleteAttachment,
} from '../../../db/repositories/attachmentsRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { auditMeta } from '../auditMeta.ts';
import { discardUpload, stagedUpload } from '../import/uploads/uploadStaging.ts';
import { requireContract } from '../references/contractRefs.ts';
import type { ServiceContext } from '../serviceContext.ts';

const MAX_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;
const MAX_NAME_CHARS = 200;

export async function listAttachments(ctx: ServiceContext, input: ApiParsedInput<'contracts:attachmentsList'>): Promise<ApiOutput<'contracts:attachmentsList'>> {
  await requireContract(ctx.db, input.contractId, 'contractId');
  const items = await listContractAttachments(ctx.db, input.contractId);
  return { items, total: items.length };
}

/** The upload's bytes when they may become an attachment; refused, naming the file, otherwise. */
function checkedUploadBytes(file: string, fileName: string, sizeBytes: number): Buffer {
  if (sizeBytes === 0) throw new AppError('VALIDATION', msg('attachmentErrors.empty', { name: fileName }), 'uploadId');
  if (sizeBytes > MAX_ATTACHMENT_BYTES) throw new AppError('VALIDATION', msg('attachmentErrors.tooLarge', { name: fileName, maxMb: MAX_MB }), 'uploadId');
  const bytes = fs.readFileSync(file);
  if (!sniffAttachmentType(bytes)) throw new AppError('VALIDATION', msg('attachmentErrors.type', { name: fileName }), 'uploadId');
  return bytes;
}

/** Attaches an upload to a live contract; the upload is discarded whatever happens. The batch id is the undo token. */
export async function addAttachment(ctx: ServiceContext, input: ApiParsedInput<'contracts:attachmentsAdd'>): Promise<ApiOutput<'contracts:attachmentsAdd'>> {
  const upload = stagedUpload(ctx, input.uploadId);
  try {
    const fileName = [...upload.fileName].slice(0, MAX_NAME_CHARS).join('');
    const bytes = checkedUploadBytes(upload.file, fileName, upload.sizeBytes);
    const mime = sniffAttachmentType(bytes) ?? 'application/pdf';
    return await withTransaction(ctx.db, async (tx) => {
      await requireContract(tx, input.contractId, 'contractId');
      const batchId = newId();
      const meta = auditMeta(ctx, 'attach', batchId);
      // Written before the row: a row never points at bytes that are not there. A file left in the folder by a
      // failed transaction is referenced by no row, and the next backup's cleanup removes it (the table's row rolls
      // back with the transaction).
      const stored = await storeArchiveAttachment(tx, ctx, bytes, meta.at);
      const same = await findLiveAttachmentBySha(tx, input.contractId, stored.sha256);
      if (same) throw new AppError('DUPLICATE', msg('attachmentErrors.duplicate', { name: same.fileName }), 'uploadId');
      const attachment = await insertAttachment(
        tx,
        { contractId: input.contractId, fileName, storedName: stored.storedName, mime, sizeBytes: bytes.length, sha256: stored.sha256 },
        meta,
      );
      return { attachment, undoToken: batchId };
    });
  } finally {
    discardUpload(ctx, input.uploadId);
  }
}

export async function removeAttachment(ctx: ServiceContext, input: ApiParsedInput<'contracts:attachmentsRemove'>): Promise<ApiOutput<'contracts:attachmentsRemove'>> {
  return withTransaction(ctx.db, async (tx) => {
    const attachment = await getLiveAttachment(tx, input.id);
    if (!attachment) throw new AppError('NOT_FOUND', msg('attachmentErrors.missing'), 'id');
    const batchId = newId();
    await softDeleteAttachment(tx, input.id, auditMeta(ctx, 'detach', batchId));
    return { id: input.id, fileName: attachment.fileName, undoToken: batchId };
  });
}

/**
 * Undoes an add (the row is soft-deleted; a file stays until a backup's cleanup, a team archive's bytes stay in its
 * table while any row references them) or a remove (the row is back).
 */
export async function undoAttachmentChange(ctx: ServiceContext, input: ApiParsedInput<'contracts:attachmentsUndo'>): Promise<ApiOutput<'contracts:attachmentsUndo'>> {
  return withTransaction(ctx.db, async (tx) => {
    if (!(await isAttachmentBatch(tx, input.undoToken))) throw new AppError('NOT_FOUND', msg('attachmentErrors.notAnAttachmentChange'), 'undoToken');
    const meta = auditMeta(ctx, 'undo', newId());
    const undone = await undoByToken(ctx.db, tx, input.undoToken, meta);
    return { undone: undone.entries };
  });
}

export async function readAttachment(ctx: ServiceContext, input: ApiParsedInput<'contracts:attachmentsRead'>): Promise<ApiOutput<'contracts:attachmentsRead'>> {
  const attachment = await getLiveAttachment(ctx.db, input.id);
  if (!attachment) throw new AppError('NOT_FOUND', msg('attachmentErrors.missing'), 'id');
  const bytes = await readArchiveAttachment(ctx.db, ctx, attachment, ctx.now().toISOString());
  if (!bytes) throw new AppError('NOT_FOUND', msg('attachmentErrors.fileGone', { name: attachment.fileName }), 'id');
  const { storedName: _stored, customerId: _customer, ...shown } = attachment;
  return { ...shown, contentBase64: bytes.toString('base64') };
}
