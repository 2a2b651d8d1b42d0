// Renewal offers (issue 14): 优惠方案 and 续约赠品 recorded on a contract (the term being renewed); its 分期付款 part is
// the contract's instalments (the 续约 dialog or the 回款 tab set them), shown beside it and filled into {分期}.
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { findOffer, saveOffer } from '../../../db/repositories/careMessagesRepo.ts';
import type { Executor } from '../../../db/handle.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireContract } from '../references/contractRefs.ts';
import { loadReminderConfig } from '../reminders/reminderConfig.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { offerInstalments } from './messages.service.ts';

async function offerOf(x: Executor, contractId: string): Promise<ApiOutput<'messages:getOffer'>> {
  const contract = await requireContract(x, contractId, 'contractId');
  const offer = await findOffer(x, contractId);
  const { locale } = await loadReminderConfig(x);
  return {
    contractId,
    contractNo: contract.number,
    discount: offer?.discount ?? '',
    gift: offer?.gift ?? '',
    note: offer?.note ?? '',
    version: offer?.version ?? 0,
    ...(await offerInstalments(x, contractId, contract.currency, locale)),
  };
}

export async function getOffer(ctx: ServiceContext, input: ApiParsedInput<'messages:getOffer'>) {
  return offerOf(ctx.db, input.contractId);
}

export async function setOffer(ctx: ServiceContext, input: ApiParsedInput<'messages:setOffer'>): Promise<ApiOutput<'messages:setOffer'>> {
  return withTransaction(ctx.db, async (tx) => {
    const contract = await requireContract(tx, input.contractId, 'contractId');
    const values = { discount: input.discount || null, gift: input.gift || null, note: input.note || null };
    await saveOffer(tx, contract.id, contract.customerId, values, auditMeta(ctx, 'update'), input.version || undefined);
    return offerOf(tx, contract.id);
  });
}
