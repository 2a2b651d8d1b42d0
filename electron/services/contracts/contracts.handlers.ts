import { handlersFor } from '../handlerTable.ts';
import { requireContract } from '../references/contractRefs.ts';
import { addAttachment, listAttachments, readAttachment, removeAttachment, undoAttachmentChange } from './attachments.service.ts';
import { createContract, deleteContract, listContractPage, updateContract } from './contracts.service.ts';

export const contractsHandlers = handlersFor('contracts', {
  'contracts:list': (ctx, input) => listContractPage(ctx, input),
  'contracts:get': (ctx, input) => requireContract(ctx.db, input.id),
  'contracts:create': (ctx, input) => createContract(ctx, input),
  'contracts:update': (ctx, input) => updateContract(ctx, input),
  'contracts:delete': (ctx, input) => deleteContract(ctx, input.id),
  'contracts:attachmentsList': (ctx, input) => listAttachments(ctx, input),
  'contracts:attachmentsAdd': (ctx, input) => addAttachment(ctx, input),
  'contracts:attachmentsRemove': (ctx, input) => removeAttachment(ctx, input),
  'contracts:attachmentsUndo': (ctx, input) => undoAttachmentChange(ctx, input),
  'contracts:attachmentsRead': (ctx, input) => readAttachment(ctx, input),
});
