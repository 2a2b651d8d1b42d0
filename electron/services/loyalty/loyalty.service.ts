// Loyalty (issue 14): dated point entries with a reason (negative when points are redeemed; the balance is their
// sum) and referrals (who referred whom, when, the reward given), per customer, shown on the customer's page.
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import type { Referral } from '../../../shared/api/messages.contract.ts';
import { msg } from '../../../shared/i18n/message.ts';
import {
  findLiveReferral,
  getReferral,
  insertLoyaltyEntry,
  insertReferral,
  listLoyaltyEntries,
  referralsOf,
  removeLoyaltyRecord,
  type StoredReferral,
} from '../../../db/repositories/loyaltyRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireCustomer } from '../references/customerRefs.ts';
import type { ServiceContext } from '../serviceContext.ts';

const toReferral = (r: StoredReferral): Referral => ({ ...r, reward: r.reward ?? '' });

export async function getLoyalty(ctx: ServiceContext, input: ApiParsedInput<'loyalty:get'>): Promise<ApiOutput<'loyalty:get'>> {
  await requireCustomer(ctx.db, input.customerId, 'customerId');
  const entries = await listLoyaltyEntries(ctx.db, input.customerId);
  const { made, received } = await referralsOf(ctx.db, input.customerId);
  return { balance: entries.reduce((s, e) => s + e.points, 0), entries, referrals: made.map(toReferral), referredBy: received.map(toReferral) };
}

export async function addPoints(ctx: ServiceContext, input: ApiParsedInput<'loyalty:addPoints'>): Promise<ApiOutput<'loyalty:addPoints'>> {
  return withTransaction(ctx.db, async (tx) => {
    await requireCustomer(tx, input.customerId, 'customerId');
    return insertLoyaltyEntry(tx, input.customerId, { occurredOn: input.occurredOn, points: input.points, reason: input.reason }, auditMeta(ctx, 'create'));
  });
}

export async function addReferral(ctx: ServiceContext, input: ApiParsedInput<'loyalty:addReferral'>): Promise<ApiOutput<'loyalty:addReferral'>> {
  if (input.referrerId === input.referredId) throw new AppError('VALIDATION', msg('loyalty.errors.self'), 'referredId');
  return withTransaction(ctx.db, async (tx) => {
    await requireCustomer(tx, input.referrerId, 'referrerId');
    await requireCustomer(tx, input.referredId, 'referredId');
    if (await findLiveReferral(tx, input.referrerId, input.referredId)) throw new AppError('DUPLICATE', msg('loyalty.errors.duplicate'), 'referredId');
    const id = await insertReferral(tx, { referrerId: input.referrerId, referredId: input.referredId, referredOn: input.referredOn, reward: input.reward || null }, auditMeta(ctx, 'create'));
    return toReferral((await getReferral(tx, id))!);
  });
}

export async function removeLoyalty(ctx: ServiceContext, input: ApiParsedInput<'loyalty:remove'>): Promise<ApiOutput<'loyalty:remove'>> {
  return withTransaction(ctx.db, async (tx) => {
    const removed = await removeLoyaltyRecord(tx, input.what, input.id, auditMeta(ctx, 'delete'));
    if (!removed) throw new AppError('NOT_FOUND', msg('loyalty.errors.missing'), 'id');
    return { id: input.id };
  });
}
