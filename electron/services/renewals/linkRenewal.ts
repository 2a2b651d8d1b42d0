import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { linkedOutcome, matchRenewals, mayRenew, termStart, type ChainRuleTerm } from '../../../shared/renewals/chainRule.ts';
import type { Executor } from '../../../db/handle.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { linkCandidateTermsOfCustomer, type LinkCandidateTerm } from '../../../db/repositories/renewalLinkCandidatesRepo.ts';
import { isLinkVetoed, linkVetoesFor } from '../../../db/repositories/renewalLinkVetoesRepo.ts';
import { renewalOfContract, saveRenewalStage } from '../../../db/repositories/renewalsRepo.ts';
import { auditMeta } from '../auditMeta.ts';
import { updateContractIn } from '../contracts/contracts.service.ts';
import { requireContract } from '../references/contractRefs.ts';
import { recomputeRemindersForContract } from '../reminders/recomputeReminders.ts';
import type { ServiceContext } from '../serviceContext.ts';

// A contract entered by hand may be the next term of an earlier one. The app offers the link the chain rule
// would make (renewals:linkSuggestion) and applies it only when the user says so (renewals:link); it never
// links silently. The link writes what an import's linker writes (db/import/chainLinking.ts).

const asRuleTerm = (t: LinkCandidateTerm): ChainRuleTerm => ({
  id: t.id,
  customerId: t.customerId,
  service: t.service,
  signedOn: t.signedOn,
  startsOn: t.startsOn,
  endsOn: t.endsOn,
  cycle: t.cycle,
  lost: t.stage === 'lost',
  terminated: t.status === 'terminated',
  hasSuccessor: t.hasSuccessor,
  renewalOf: t.renewalOf,
});

/** Why the pair may not be linked, as a message key; null when it may. */
function refusalOf(earlier: LinkCandidateTerm, later: LinkCandidateTerm, vetoed: boolean) {
  if (earlier.id === later.id) return msg('errors.contractRenewsItself');
  if (earlier.customerId !== later.customerId) return msg('errors.linkOtherCustomer');
  if (later.renewalOf !== null) return msg('errors.linkLaterLinked');
  if (earlier.hasSuccessor) return msg('errors.linkEarlierRenewed');
  if (earlier.stage === 'lost') return msg('errors.linkEarlierLost');
  if (earlier.status === 'terminated' || later.status === 'terminated') return msg('errors.linkTerminated');
  if (vetoed) return msg('errors.linkVetoed');
  if (!mayRenew(asRuleTerm(earlier), asRuleTerm(later))) return msg('errors.linkNotRenewal');
  return null;
}

async function termsAround(x: Executor, contractId: string, field: string) {
  const contract = await requireContract(x, contractId, field);
  const terms = await linkCandidateTermsOfCustomer(x, contract.customerId);
  return { terms, byId: new Map(terms.map((t) => [t.id, t])) };
}

/** The earlier term the chain rule would link `contractId` to, with what the user needs to decide; or null. */
export async function renewalLinkSuggestion(ctx: ServiceContext, contractId: string) {
  const { terms, byId } = await termsAround(ctx.db, contractId, 'contractId');
  const later = byId.get(contractId);
  if (!later || later.renewalOf !== null) return { suggestion: null };
  const vetoed = new Set((await linkVetoesFor(ctx.db, terms.map((t) => t.id))).map((v) => `${v.earlierId}|${v.laterId}`));
  const link = matchRenewals(terms.map(asRuleTerm), vetoed).find((l) => l.laterId === contractId);
  const earlier = link ? byId.get(link.earlierId) : undefined;
  if (!earlier || refusalOf(earlier, later, vetoed.has(`${earlier.id}|${later.id}`)) !== null) return { suggestion: null };
  return {
    suggestion: {
      earlierId: earlier.id,
      laterId: later.id,
      number: earlier.number,
      service: earlier.service,
      startsOn: termStart(earlier),
      endsOn: earlier.endsOn,
      amountFen: earlier.amountFen,
      currency: earlier.currency,
    },
  };
}

/** 关联为续约: `laterId` renews `earlierId`; the earlier term becomes 已续约 and its reminders stop. */
export async function linkRenewal(ctx: ServiceContext, earlierId: string, laterId: string) {
  return withTransaction(ctx.db, async (tx) => {
    await requireContract(tx, earlierId, 'earlierId');
    const { byId } = await termsAround(tx, laterId, 'laterId');
    const later = byId.get(laterId)!;
    const earlier = byId.get(earlierId);
    if (!earlier) throw new AppError('VALIDATION', msg('errors.linkOtherCustomer'), 'earlierId');
    const refusal = refusalOf(earlier, later, await isLinkVetoed(tx, { earlierId, laterId }));
    if (refusal) throw new AppError('VALIDATION', refusal, 'earlierId');
    await updateContractIn(ctx, tx, { id: later.id, renewalOf: earlier.id });
    if (earlier.status !== 'renewed') await updateContractIn(ctx, tx, { id: earlier.id, status: 'renewed' });
    // A record that already says when and for how much keeps it, as on import.
    const outcome = linkedOutcome((await renewalOfContract(tx, earlier.id)) ?? null, later);
    await saveRenewalStage(tx, earlier.id, { stage: 'renewed', lostReason: null, lostNote: null, ...outcome, newContractId: later.id }, auditMeta(ctx, 'link'));
    await recomputeRemindersForContract(ctx, tx, earlier.id);
    return { earlierId: earlier.id, laterId: later.id };
  });
}
