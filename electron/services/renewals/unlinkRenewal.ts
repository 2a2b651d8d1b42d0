import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import type { Tx } from '../../../db/handle.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { getContract } from '../../../db/repositories/contractsRepo.ts';
import { insertLinkVeto } from '../../../db/repositories/renewalLinkVetoesRepo.ts';
import { removeRenewalRecord, renewalOfContract } from '../../../db/repositories/renewalsRepo.ts';
import { auditMeta } from '../auditMeta.ts';
import { updateContractIn } from '../contracts/contracts.service.ts';
import { requireContract } from '../references/contractRefs.ts';
import { recomputeRemindersForContract } from '../reminders/recomputeReminders.ts';
import type { ServiceContext } from '../serviceContext.ts';

// 取消关联 and 不是续约: a later term stops counting as the renewal of an earlier one, and the pair is vetoed so
// that no re-import links it again. The earlier term is undecided again.

/** Clears `laterId`'s link to `earlierId` and reverts the earlier term to undecided. */
async function breakLink(ctx: ServiceContext, tx: Tx, earlierId: string, laterId: string): Promise<void> {
  const later = await requireContract(tx, laterId, 'contractId');
  if (later.renewalOf === earlierId) await updateContractIn(ctx, tx, { id: later.id, version: later.version, renewalOf: null });
  const earlier = await getContract(tx, earlierId);
  if (!earlier) return;
  const record = await renewalOfContract(tx, earlierId);
  if (record?.stage === 'renewed' && record.newContractId === laterId) await removeRenewalRecord(tx, earlierId, auditMeta(ctx, 'unlink'));
  // Both recompute the earlier term's reminders, now that it is undecided again.
  if (earlier.status === 'renewed') await updateContractIn(ctx, tx, { id: earlier.id, version: earlier.version, status: 'active' });
  else await recomputeRemindersForContract(ctx, tx, earlier.id);
}

export async function unlinkRenewal(ctx: ServiceContext, contractId: string, reason: 'unlink' | 'notRenewal') {
  return withTransaction(ctx.db, async (tx) => {
    const later = await requireContract(tx, contractId, 'contractId');
    const earlierId = later.renewalOf;
    if (!earlierId) throw new AppError('VALIDATION', msg('errors.notLinked'), 'contractId');
    await insertLinkVeto(tx, { earlierId, laterId: later.id }, auditMeta(ctx, reason === 'notRenewal' ? 'not-renewal' : 'unlink'));
    await breakLink(ctx, tx, earlierId, later.id);
    return { contractId: later.id, earlierId };
  });
}

/** 不是续约 for a pair: vetoed for good, and unlinked when it is linked. */
export async function vetoRenewalLink(ctx: ServiceContext, earlierId: string, laterId: string) {
  if (earlierId === laterId) throw new AppError('VALIDATION', msg('errors.contractRenewsItself'), 'laterId');
  return withTransaction(ctx.db, async (tx) => {
    await requireContract(tx, earlierId, 'earlierId');
    const later = await requireContract(tx, laterId, 'laterId');
    await insertLinkVeto(tx, { earlierId, laterId }, auditMeta(ctx, 'not-renewal'));
    if (later.renewalOf === earlierId) await breakLink(ctx, tx, earlierId, laterId);
    return { earlierId, laterId };
  });
}
