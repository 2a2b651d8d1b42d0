import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import type { Contract } from '../../../shared/api/contracts.contract.ts';
import type { BulkRefusal } from '../../../shared/api/renewals.contract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg, type Message } from '../../../shared/i18n/message.ts';
import type { Tx } from '../../../db/handle.ts';
import { newId } from '../../../db/newId.ts';
import { withSavepoint, withTransaction } from '../../../db/withTransaction.ts';
import { getContract } from '../../../db/repositories/contractsRepo.ts';
import {
  batchHasMarker,
  contractIdsOfBatch,
  customerIdsOfBatch,
  markBatch,
  undoMarkedBatch,
} from '../../../db/repositories/renewalsRepo.ts';
import { auditMeta, inAuditBatch } from '../auditMeta.ts';
import { updateContractIn } from '../contracts/contracts.service.ts';
import { setArchivedIn } from '../customers/customers.service.ts';
import { assertOwner } from '../references/ownerRefs.ts';
import { recomputeRemindersForContract, recomputeRemindersForCustomer } from '../reminders/recomputeReminders.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { renewContractIn, renewDefaultsIn, writeStage } from './renewals.service.ts';

// The 续约 list's bulk actions: one call, one transaction, one audited batch and so one undo. A row that
// cannot take the action (already renewed, say) is refused on its own; the others go ahead.

/** The audit marker of a bulk batch: its undo accepts only batches that carry it. */
const BULK_MARKER = 'bulk-renewals';

type BulkInput = ApiParsedInput<'renewals:bulk'>;

function assertComplete(input: BulkInput): void {
  if (input.action === 'stage' && !input.stage) throw new AppError('VALIDATION', msg('validation.renewalStage'), 'stage');
  if (input.action === 'lost' && !input.lostReason) throw new AppError('VALIDATION', msg('errors.lostReasonNeeded'), 'lostReason');
  if (input.action === 'owner' && input.ownerId === undefined) throw new AppError('VALIDATION', msg('errors.bulkOwnerNeeded'), 'ownerId');
}

/** Why `contract` cannot take the action, or null. Owner and archive apply to any term. */
function refusalOf(action: BulkInput['action'], contract: Contract): Message | null {
  if (action === 'owner' || action === 'archive') return null;
  if (contract.status === 'renewed' || contract.stage === 'renewed') return msg('errors.bulkAlreadyRenewed');
  if (contract.status === 'terminated') return msg('errors.bulkTerminated');
  return null;
}

async function applyTo(ctx: ServiceContext, tx: Tx, input: BulkInput, contract: Contract, archived: Set<string>): Promise<void> {
  switch (input.action) {
    case 'stage':
      await writeStage(ctx, tx, contract.id, { stage: input.stage ?? 'pending' });
      return;
    case 'lost':
      await writeStage(ctx, tx, contract.id, { stage: 'lost', lostReason: input.lostReason ?? null, lostNote: input.lostNote ?? null });
      return;
    case 'owner':
      await updateContractIn(ctx, tx, { id: contract.id, version: contract.version, ownerId: input.ownerId ?? null });
      return;
    case 'renew': {
      const d = await renewDefaultsIn(tx, contract.id);
      if (!d.startsOn || !d.endsOn) throw new AppError('VALIDATION', msg('errors.bulkRenewNeedsDates'), 'contractIds');
      await renewContractIn(ctx, tx, {
        contractId: contract.id,
        number: d.number,
        startsOn: d.startsOn,
        endsOn: d.endsOn,
        amountFen: d.amountFen,
        cycle: d.cycle,
      });
      return;
    }
    case 'archive':
      if (archived.has(contract.customerId)) return;
      archived.add(contract.customerId);
      await setArchivedIn(ctx, tx, contract.customerId, true);
      return;
  }
}

function refusal(contract: Pick<Contract, 'id' | 'number' | 'customerName'>, m: Message): BulkRefusal {
  return { contractId: contract.id, contractNo: contract.number, customerName: contract.customerName, key: m.key, params: m.params };
}

export async function bulkRenewals(ctx: ServiceContext, input: BulkInput) {
  assertComplete(input);
  const ids = [...new Set(input.contractIds)];
  const batchId = newId();
  const batch = inAuditBatch(ctx, batchId);
  return withTransaction(ctx.db, async (tx) => {
    if (input.action === 'owner') await assertOwner(tx, input.ownerId);
    const refused: BulkRefusal[] = [];
    const archived = new Set<string>();
    let done = 0;
    for (const id of ids) {
      const contract = await getContract(tx, id);
      if (!contract) {
        refused.push(refusal({ id, number: id, customerName: '' }, msg('errors.contractMissing')));
        continue;
      }
      const why = refusalOf(input.action, contract);
      if (why) {
        refused.push(refusal(contract, why));
        continue;
      }
      try {
        await withSavepoint(tx, () => applyTo(batch, tx, input, contract, archived));
        done++;
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        refused.push(refusal(contract, e.detail));
      }
    }
    if (done === 0) return { undoToken: null, done, refused };
    await markBatch(tx, { ...auditMeta(batch, BULK_MARKER), batchId }, { action: input.action, done, refused: refused.length });
    return { undoToken: batchId, done, refused };
  });
}

/** Undoes one bulk call as a whole, then puts the reminders of what it touched back in step. */
export async function undoBulkRenewals(ctx: ServiceContext, undoToken: string) {
  return withTransaction(ctx.db, async (tx) => {
    if (!(await batchHasMarker(tx, undoToken, BULK_MARKER))) throw new AppError('NOT_FOUND', msg('errors.undoUnknown'), 'undoToken');
    const contractIds = await contractIdsOfBatch(tx, undoToken);
    const customerIds = await customerIdsOfBatch(tx, undoToken);
    const undone = await undoMarkedBatch(ctx.db, tx, undoToken, { ...auditMeta(ctx, 'undo'), batchId: newId() });
    for (const id of contractIds) await recomputeRemindersForContract(ctx, tx, id);
    for (const id of customerIds) await recomputeRemindersForCustomer(ctx, tx, id);
    return { entries: undone.entries };
  });
}
