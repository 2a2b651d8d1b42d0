import { differenceInCalendarDays } from 'date-fns';
import { AppError } from '../../../shared/api/appError.ts';
import { addDaysIso, localDateOf, MAX_SUPPORTED_DATE, MIN_SUPPORTED_DATE, parseIsoDate } from '../../../shared/domain/dates.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { findLiveOwner } from '../../../db/repositories/ownersRepo.ts';
import { findLiveCustomerIdByName } from '../../../db/repositories/customersRepo.ts';
import { findLiveContractIdByNumber } from '../../../db/repositories/contractsRepo.ts';
import { createContract } from '../contracts/contracts.service.ts';
import { createCustomer } from '../customers/customers.service.ts';
import { createFollowUp } from '../followUps/followUps.service.ts';
import { createOwner } from '../owners/owners.service.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { buildDemoCustomers, DEMO_OWNERS, DEMO_TAGS, type DemoCustomer } from './demoData.ts';
import { withSafetyBackup } from './withSafetyBackup.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { settleNewGreetings, settleNewTermReminders } from '../reminders/newTermReminders.ts';

/** Days the demo's relative dates reach before and after its `today` (the seeded generator's offsets). */
function demoReach(today: string, customers: readonly DemoCustomer[]): { before: number; after: number } {
  const offsets = customers.flatMap((d) => [
    ...d.contracts.flatMap((c) => [c.signedOn, c.startsOn, c.endsOn].flatMap((x) => (x === null ? [] : [differenceInCalendarDays(parseIsoDate(x), parseIsoDate(today))]))),
    ...d.followUps.flatMap((f) => [-f.daysAgo, ...(f.nextInDays === null ? [] : [f.nextInDays])]),
  ]);
  return { before: Math.max(0, -Math.min(...offsets)), after: Math.max(0, ...offsets) };
}

/**
 * Loads the demo archive through the ordinary services (so it is validated and audited like user data).
 * Idempotent: anything already present by name or number is left alone.
 */
export async function loadDemo(ctx: ServiceContext, todayInput?: string) {
  // Two hundred customers mixed into an archive that may hold real ones, with no undo: a backup comes first.
  return withSafetyBackup(ctx, 'pre-demo', () => loadDemoRecords(ctx, todayInput), (r) => !r.alreadyLoaded);
}

async function loadDemoRecords(ctx: ServiceContext, todayInput?: string) {
  const today = todayInput ?? localDateOf(ctx.now());
  const demoCustomers = buildDemoCustomers(today);
  // Every demo date must be one the app accepts, so `today` keeps the demo's reach away from the range's ends.
  const reach = demoReach(today, demoCustomers);
  if (addDaysIso(today, -reach.before) < MIN_SUPPORTED_DATE || addDaysIso(today, reach.after) > MAX_SUPPORTED_DATE) {
    const range = { min: addDaysIso(MIN_SUPPORTED_DATE, reach.before), max: addDaysIso(MAX_SUPPORTED_DATE, -reach.after) };
    throw new AppError('VALIDATION', msg('inputLimits.demoTodayRange', range), 'today');
  }
  const ownerIds: string[] = [];
  for (const name of DEMO_OWNERS) {
    ownerIds.push((await findLiveOwner(ctx.db, { name }))?.id ?? (await createOwner(ctx, { name })).id);
  }

  const contractIds: string[] = [];
  const createdCustomerIds: string[] = [];
  const followUpIds: string[] = [];
  let customersCreated = 0;
  let contractsCreated = 0;
  let followUpsCreated = 0;
  const base = parseIsoDate(today);
  for (const d of demoCustomers) {
    let customerId = await findLiveCustomerIdByName(ctx.db, d.name);
    if (!customerId) {
      const created = await createCustomer(ctx, {
        name: d.name,
        tier: d.tier,
        ownerId: ownerIds[d.ownerIndex] ?? null,
        industry: d.industry,
        lifecycleStage: 'customer',
        customFields: {},
        tags: d.tagIndexes.flatMap((i) => DEMO_TAGS[i] ?? []),
        primaryContact: { name: d.contact.name, title: d.contact.title, phone: d.contact.phone, birthday: d.contact.birthday, isPrimary: true },
      });
      customerId = created.id;
      createdCustomerIds.push(created.id);
      customersCreated++;
      for (const f of d.followUps) {
        const at = new Date(base.getFullYear(), base.getMonth(), base.getDate() - f.daysAgo, 10, 30);
        const next = f.nextInDays === null ? null : localDateOf(new Date(base.getFullYear(), base.getMonth(), base.getDate() + f.nextInDays));
        const followUp = await createFollowUp(ctx, {
          customer: customerId,
          at: at.toISOString(),
          channel: f.channel,
          kind: f.kind,
          summary: f.summary,
          nextFollowUpOn: next !== null && next < localDateOf(at) ? null : next,
          ownerId: ownerIds[d.ownerIndex] ?? null,
        });
        followUpIds.push(followUp.id);
        followUpsCreated++;
      }
    }
    for (const c of d.contracts) {
      if (await findLiveContractIdByNumber(ctx.db, c.number)) continue;
      const contract = await createContract(ctx, {
        customerId,
        number: c.number,
        signedOn: c.signedOn,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        amountFen: c.amountFen,
        currency: 'CNY',
        cycle: c.cycle,
        service: c.service,
        status: 'active',
        ownerId: ownerIds[d.ownerIndex] ?? null,
      });
      contractIds.push(contract.id);
      contractsCreated++;
    }
  }
  // Sample data is not news: what fell due before it existed is recorded as missed, and one summary says so.
  await withTransaction(ctx.db, async (tx) => {
    await settleNewTermReminders(ctx, tx, contractIds, { subjectId: 'demo', url: '/renewals?tab=overdue' }, followUpIds);
    // Greetings come days ahead (issue 14): a sample birthday or holiday whose greeting day has passed is not news either.
    await settleNewGreetings(ctx, tx, createdCustomerIds);
  });
  return { customersCreated, contractsCreated, followUpsCreated, alreadyLoaded: customersCreated === 0 && contractsCreated === 0 };
}
