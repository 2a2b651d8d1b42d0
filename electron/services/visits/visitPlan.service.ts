// The 回访计划: each key customer's planned visits for a year under its tier's service standard, matched against
// its 回访 follow-ups (shared/domain/visitPlan.ts), the adherence per owner, the visits due now (the CLI's
// `visits due`), and marking a visit done (a 回访 follow-up, logged as 记录跟进 would, undoable).
//
// The plan covers the key customers of today (criteria + manual decisions), each for the whole year from the period
// in which it became key as far as the archive knows (the customer's creation, or its manual addition; a tier change
// has no date here, so a customer key by its tier is planned from January or its creation): a customer that stopped
// being key has no plan. The plan counts under the assigned account manager, else the customer's
// 负责人, else nobody (未分配).
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import type { CustomerPlan, DueVisit, OwnerAdherence, VisitCountsOutput } from '../../../shared/api/visits.contract.ts';
import { addDaysIso, localDateOf, parseIsoDate } from '../../../shared/domain/dates.ts';
import { adherenceRate, countVisits, emptyCounts, planVisits, type VisitCounts } from '../../../shared/domain/visitPlan.ts';
import { msg, renderIn } from '../../../shared/i18n/message.ts';
import { differenceInCalendarDays } from 'date-fns';
import type { Executor } from '../../../db/handle.ts';
import { newId } from '../../../db/newId.ts';
import { insertFollowUp, markFollowUpDone, openFollowUpIds } from '../../../db/repositories/followUpsRepo.ts';
import { revisitInstants, VISIT_DONE_ACTION } from '../../../db/repositories/keyCustomersRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { archiveLocale } from '../archiveLocale.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireCustomer } from '../references/customerRefs.ts';
import { recomputeFollowUpRemindersOfCustomer } from '../reminders/recomputeReminders.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { currentKeyCustomers, standardsByTier, toKeyCustomer } from './keyCustomers.service.ts';

export const withRate = (c: VisitCounts): VisitCountsOutput => ({ ...c, rate: adherenceRate(c) });

/** The local calendar year as instants: [1 Jan 00:00, next 1 Jan 00:00). */
export function yearInstants(year: number): { fromAt: string; untilAt: string } {
  return { fromAt: new Date(year, 0, 1).toISOString(), untilAt: new Date(year + 1, 0, 1).toISOString() };
}

/** Every key customer's plan for `year` as of `today`. */
export async function buildPlans(x: Executor, year: number, today: string): Promise<CustomerPlan[]> {
  const keys = await currentKeyCustomers(x);
  const standards = await standardsByTier(x);
  const { fromAt, untilAt } = yearInstants(year);
  const revisits = await revisitInstants(x, keys.map((k) => k.customerId), fromAt, untilAt);
  return keys.map((k) => {
    const standard = standards.get(k.tier) ?? null;
    const days = (revisits.get(k.customerId) ?? []).map((at) => localDateOf(new Date(at)));
    // Key since: the day the customer was created, or added by hand, whichever is later (a tier's membership has no date).
    const since = [k.customerCreatedAt, k.addedAt].filter((v): v is string => v !== null).map((at) => localDateOf(new Date(at))).sort().at(-1) ?? null;
    const visits = standard ? planVisits(year, standard, days, today, since) : [];
    const planOwnerId = k.managerId ?? k.ownerId;
    const planOwnerName = k.managerId ? k.managerName : k.ownerName;
    return { ...toKeyCustomer(k), planOwnerId, planOwnerName, standard, visits, counts: withRate(countVisits(visits)) };
  });
}

function byOwner(plans: readonly CustomerPlan[]): OwnerAdherence[] {
  const owners = new Map<string, { ownerId: string | null; ownerName: string | null; counts: VisitCounts; customers: number }>();
  for (const p of plans) {
    const key = p.planOwnerId ?? '';
    const entry = owners.get(key) ?? { ownerId: p.planOwnerId, ownerName: p.planOwnerName, counts: emptyCounts(), customers: 0 };
    countVisits(p.visits, entry.counts);
    entry.customers += 1;
    owners.set(key, entry);
  }
  return [...owners.values()]
    .map((o) => ({ ownerId: o.ownerId, ownerName: o.ownerName, customers: o.customers, ...withRate(o.counts) }))
    .sort((a, b) => (a.ownerName ?? '\uffff').localeCompare(b.ownerName ?? '\uffff'));
}

export async function visitPlan(ctx: ServiceContext, input: ApiParsedInput<'visits:plan'>): Promise<ApiOutput<'visits:plan'>> {
  const today = input.today ?? localDateOf(ctx.now());
  const year = input.year ?? Number(today.slice(0, 4));
  let customers = await buildPlans(ctx.db, year, today);
  if (input.ownerId) customers = customers.filter((c) => c.planOwnerId === input.ownerId);
  const totals = emptyCounts();
  for (const c of customers) countVisits(c.visits, totals);
  return { year, today, customers, owners: byOwner(customers), totals: withRate(totals) };
}

export async function dueVisits(x: Executor, today: string, ownerId?: string): Promise<DueVisit[]> {
  const plans = await buildPlans(x, Number(today.slice(0, 4)), today);
  const items: DueVisit[] = [];
  for (const p of plans) {
    if (ownerId && p.planOwnerId !== ownerId) continue;
    for (const v of p.visits) {
      if (v.status !== 'due') continue;
      items.push({
        customerId: p.customerId,
        customerName: p.customerName,
        tier: p.tier,
        ownerId: p.planOwnerId,
        ownerName: p.planOwnerName,
        periodStart: v.periodStart,
        periodEnd: v.periodEnd,
        index: v.index,
        remindOn: v.remindOn,
        daysLeft: differenceInCalendarDays(parseIsoDate(v.periodEnd), parseIsoDate(today)) + 1,
      });
    }
  }
  return items.sort((a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.customerName.localeCompare(b.customerName) || a.index - b.index);
}

export async function listDueVisits(ctx: ServiceContext, input: ApiParsedInput<'visits:due'>): Promise<ApiOutput<'visits:due'>> {
  const today = input.today ?? localDateOf(ctx.now());
  const items = await dueVisits(ctx.db, today, input.ownerId);
  return { today, items, total: items.length };
}

/**
 * Records the 回访 follow-up that marks a visit done, as 记录跟进 does (the customer's open 下次跟进 dates are
 * closed), by the customer's account manager (else its 负责人). A past day is logged at its local noon.
 */
export async function markVisitDone(ctx: ServiceContext, input: ApiParsedInput<'visits:markDone'>): Promise<ApiOutput<'visits:markDone'>> {
  return withTransaction(ctx.db, async (tx) => {
    const customer = await requireCustomer(tx, input.customerId, 'customerId');
    const today = localDateOf(ctx.now());
    const on = input.on ?? today;
    if (on > today) throw new AppError('VALIDATION', msg('visitErrors.futureVisit'), 'on');
    if (on < addDaysIso(today, -366)) throw new AppError('VALIDATION', msg('visitErrors.tooOld'), 'on');
    const batchId = newId();
    const meta = auditMeta(ctx, VISIT_DONE_ACTION, batchId);
    const at = on === today ? meta.at : new Date(`${on}T12:00:00`).toISOString();
    const manager = (await currentKeyCustomers(tx)).find((k) => k.customerId === customer.id)?.managerId ?? null;
    for (const openId of await openFollowUpIds(tx, customer.id)) await markFollowUpDone(tx, openId, { ...meta, action: 'complete' });
    const followUpId = await insertFollowUp(
      tx,
      {
        customerId: customer.id,
        contractId: null,
        at,
        channel: input.channel,
        kind: 'revisit',
        summary: input.summary || renderIn(await archiveLocale(tx), msg('visits.doneSummary')),
        nextFollowUpOn: null,
        ownerId: manager ?? customer.ownerId ?? null,
      },
      meta,
    );
    await recomputeFollowUpRemindersOfCustomer(ctx, tx, customer.id);
    return { followUpId, undoToken: batchId };
  });
}
