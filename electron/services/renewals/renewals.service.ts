import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { addPlannedInstalments } from '../payments/payments.service.ts';
import type { RenewalItem } from '../../../shared/api/renewals.contract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg, renderIn } from '../../../shared/i18n/message.ts';
import { addDaysIso, localDateOf, parseIsoDate } from '../../../shared/domain/dates.ts';
import type { Cycle, RenewalStage, Tier } from '../../../shared/domain/enums.ts';
import { differenceInCalendarDays } from 'date-fns';
import { chainIssues, nextTermDates } from '../../../shared/renewals/renewalTerm.ts';
import { defaultLostReasons, isDecidedStage, sheetStatusOfStage } from '../../../shared/renewals/sheetRenewalStatus.ts';
import { crashHooksOf } from '../../../db/crashHooks.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import type { Executor, Tx } from '../../../db/handle.ts';
import { findLiveContractIdByNumber } from '../../../db/repositories/contractsRepo.ts';
import { contractChain, flaggedContracts, listRenewals, saveRenewalStage } from '../../../db/repositories/renewalsRepo.ts';
import { readStoredSetting, saveSetting } from '../settings/appSettings.ts';
import { displayStatusOf } from '../../../shared/renewals/displayStatus.ts';
import { dueSoonDaysByTier } from './contractDisplay.ts';
import { archiveLocale } from '../archiveLocale.ts';
import { auditMeta } from '../auditMeta.ts';
import { createContractIn, updateContractIn } from '../contracts/contracts.service.ts';
import { requireContract } from '../references/contractRefs.ts';
import { recomputeRemindersForContract } from '../reminders/recomputeReminders.ts';
import type { ServiceContext } from '../serviceContext.ts';

const WINDOW_DAYS = { '7': 7, '30': 30, '90': 90 } as const;

/** The 续约 page: terms ending in the chosen window (or overdue), with totals for the whole filtered list. */
export async function listRenewalPage(ctx: ServiceContext, input: ApiParsedInput<'renewals:list'>) {
  const today = input.today ?? localDateOf(ctx.now());
  let from: string | undefined;
  let to: string | undefined;
  // 已逾期 is an active term whose end passed; 已到期 history (stored by an import) has its own tab.
  let statuses: string[] = ['active'];
  if (input.window === 'overdue') to = addDaysIso(today, -1);
  else if (input.window === 'history') statuses = ['expired'];
  else if (input.window === 'custom') {
    from = input.from;
    to = input.to;
    statuses = ['active', 'expired'];
    if (from && to && from > to) throw new AppError('VALIDATION', msg('errors.rangeReversed'), 'to');
  } else {
    from = today;
    to = addDaysIso(today, WINDOW_DAYS[input.window]);
  }
  const page = await listRenewals(ctx.db, { ...input, statuses, endsFrom: from, endsTo: to });
  const dueSoon = page.rows.length > 0 ? await dueSoonDaysByTier(ctx.db) : null;
  const items: RenewalItem[] = page.rows.map((r) => {
    const dueSoonDays = dueSoon?.get(r.tier) ?? dueSoon?.get('normal') ?? 0;
    return {
      contractId: r.contractId,
      contractNo: r.contractNo,
      customerId: r.customerId,
      customerName: r.customerName,
      tier: r.tier as Tier,
      ownerId: r.ownerId,
      ownerName: r.ownerName,
      cycle: r.cycle as Cycle | null,
      endsOn: r.endsOn!,
      daysLeft: differenceInCalendarDays(parseIsoDate(r.endsOn!), parseIsoDate(today)),
      amountFen: r.amountFen,
      currency: r.currency,
      stage: r.stage as RenewalStage,
      sheetStatus: sheetStatusOfStage(r.stage as RenewalStage),
      lostReason: r.lostReason,
      lostNote: r.lostNote,
      status: r.status,
      dueSoonDays,
      displayStatus: displayStatusOf({ status: r.status, stage: r.storedStage, endsOn: r.endsOn }, today, dueSoonDays),
    };
  });
  return { items, total: page.total, totalAmountFen: page.totalAmountFen, from: from ?? null, to: to ?? null };
}

/** Creates or updates the term's pipeline record; deciding it (renewed, lost) stops its reminders. */
export async function writeStage(
  ctx: ServiceContext,
  tx: Tx,
  contractId: string,
  patch: { stage: RenewalStage; lostReason?: string | null; lostNote?: string | null; outcomeOn?: string | null; outcomeAmountFen?: number | null; newContractId?: string | null },
) {
  await saveRenewalStage(
    tx,
    contractId,
    {
      stage: patch.stage,
      lostReason: patch.stage === 'lost' ? (patch.lostReason ?? null) : null,
      lostNote: patch.stage === 'lost' ? (patch.lostNote ?? null) : null,
      outcomeOn: patch.outcomeOn ?? (isDecidedStage(patch.stage) ? localDateOf(ctx.now()) : null),
      outcomeAmountFen: patch.outcomeAmountFen ?? null,
      newContractId: patch.newContractId,
    },
    auditMeta(ctx, 'stage'),
  );
  await recomputeRemindersForContract(ctx, tx, contractId);
}

export async function setRenewalStage(ctx: ServiceContext, input: ApiParsedInput<'renewals:setStage'>) {
  if (input.stage === 'lost' && !input.lostReason) throw new AppError('VALIDATION', msg('errors.lostReasonNeeded'), 'lostReason');
  if (input.stage === 'renewed') throw new AppError('VALIDATION', msg('errors.renewThroughRenew'), 'stage');
  await withTransaction(ctx.db, async (tx) => {
    await requireContract(tx, input.contractId, 'contractId');
    await writeStage(ctx, tx, input.contractId, input);
  });
  return { contractId: input.contractId, stage: input.stage };
}

async function chainPosition(x: Executor, contractId: string) {
  const terms = await contractChain(x, contractId);
  const index = terms.findIndex((t) => t.id === contractId);
  return { terms, index: Math.max(index, 0), anchorEndsOn: terms[0]?.endsOn ?? null };
}

async function freeNumber(x: Executor, base: string): Promise<string> {
  for (let k = 1; ; k++) {
    const candidate = `${base}-R${k}`;
    if (!(await findLiveContractIdByNumber(x, candidate))) return candidate;
  }
}

/** `cycle` overrides the contract's own, for a term whose 续费周期 is unknown once the user has picked one. */
export async function renewDefaults(ctx: ServiceContext, contractId: string, cycle?: Cycle) {
  return renewDefaultsIn(ctx.db, contractId, cycle);
}

/** renewDefaults over `x`, which may be a running transaction (a bulk renewal reads them inside its own). */
export async function renewDefaultsIn(x: Executor, contractId: string, cycle?: Cycle) {
  const contract = await requireContract(x, contractId, 'contractId');
  const { terms, index, anchorEndsOn } = await chainPosition(x, contractId);
  const nextCycle = cycle ?? contract.cycle;
  const dates = nextTermDates({ ...contract, cycle: nextCycle }, anchorEndsOn, index);
  if (!dates.ok) throw new AppError('VALIDATION', dates.message, 'contractId');
  return {
    number: await freeNumber(x, terms[0]?.number ?? contract.number),
    startsOn: dates.startsOn,
    endsOn: dates.endsOn,
    amountFen: contract.amountFen,
    cycle: nextCycle,
    anchorEndsOn,
  };
}

/** 续约: the next term, linked by renewalOf; this term becomes 已续约 and its renewal 已续费. */
export async function renewContract(ctx: ServiceContext, input: ApiParsedInput<'renewals:renew'>) {
  return withTransaction(ctx.db, (tx) => renewContractIn(ctx, tx, input));
}

/** renewContract inside a running transaction. */
export async function renewContractIn(ctx: ServiceContext, tx: Tx, input: ApiParsedInput<'renewals:renew'>) {
  {
    const current = await requireContract(tx, input.contractId, 'contractId');
    if (current.status === 'renewed' || current.status === 'terminated') {
      throw new AppError('VALIDATION', msg('errors.alreadyRenewed'), 'contractId');
    }
    // The notes are the new contract's data, written in the archive's language.
    const locale = await archiveLocale(tx);
    const notes = [
      input.discountNote ? renderIn(locale, msg('renewals.discountNote', { note: input.discountNote })) : null,
      input.instalmentNote ? renderIn(locale, msg('renewals.instalmentNote', { note: input.instalmentNote })) : null,
    ]
      .filter(Boolean)
      .join('\n');
    const created = await createContractIn(ctx, tx, {
      customerId: current.customerId,
      number: input.number,
      signedOn: input.signedOn ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      amountFen: input.amountFen ?? current.amountFen,
      currency: current.currency,
      // An unknown cycle stays unknown unless the user chose one for the new term.
      cycle: input.cycle === undefined ? current.cycle : input.cycle,
      service: current.service,
      status: 'active',
      ownerId: current.ownerId,
      renewalOf: current.id,
      notes: notes || null,
    });
    if (input.instalmentPlan) await addPlannedInstalments(ctx, tx, created.id, created.amountFen, input.instalmentPlan);
    crashHooksOf(ctx.db).reached('renew:after-new-term');
    await updateContractIn(ctx, tx, { id: current.id, status: 'renewed' });
    await writeStage(ctx, tx, current.id, {
      stage: 'renewed',
      outcomeOn: input.outcomeOn ?? localDateOf(ctx.now()),
      outcomeAmountFen: created.amountFen,
      newContractId: created.id,
    });
    return { contractId: current.id, newContractId: created.id, number: created.number };
  }
}

export async function renewalChain(ctx: ServiceContext, contractId: string) {
  await requireContract(ctx.db, contractId, 'contractId');
  const terms = (await contractChain(ctx.db, contractId)).map((t) => ({ ...t, cycle: t.cycle as Cycle | null }));
  return { terms, issues: chainIssues(terms) };
}

export async function flaggedRenewals(ctx: ServiceContext, today?: string) {
  const lists = await flaggedContracts(ctx.db, today ?? localDateOf(ctx.now()));
  const shape = (rows: typeof lists.overdue) => rows.map((r) => ({ ...r, tier: r.tier as Tier, stage: r.stage as RenewalStage }));
  return { overdue: shape(lists.overdue), noEndDate: shape(lists.noEndDate) };
}

export async function lostReasons(ctx: ServiceContext) {
  const stored = await readStoredSetting(ctx.db, 'lostReasons');
  if (Array.isArray(stored)) return { items: stored as string[] };
  return { items: [...defaultLostReasons(await archiveLocale(ctx.db))] };
}

export async function setLostReasons(ctx: ServiceContext, items: string[]) {
  const unique = [...new Set(items)];
  await withTransaction(ctx.db, (tx) => saveSetting(tx, 'lostReasons', unique, auditMeta(ctx, 'update')));
  return { items: unique };
}
