// Payments / 回款: a contract's instalments, set by hand (or by the 续约 dialog and the import), payments recorded
// against them, removed; every write is audited in its own batch, whose id is the undo token.
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import type { Instalment, InstalmentPlan } from '../../../shared/api/payments.contract.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { equalInstalments, instalmentStanding, withPayment } from '../../../shared/domain/paymentDelay.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { undoByToken } from '../../../db/audit/undoBatch.ts';
import { newId } from '../../../db/newId.ts';
import {
  findLiveInstalmentByDue,
  getLiveInstalment,
  insertInstalment,
  instalmentIdsOfBatch,
  isInstalmentBatch,
  listContractInstalments,
  softDeleteInstalment,
  updateInstalment,
  type InstalmentValues,
  type StoredInstalment,
} from '../../../db/repositories/instalmentsRepo.ts';
import type { Tx } from '../../../db/handle.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireContract } from '../references/contractRefs.ts';
import { recomputeRemindersForInstalments } from '../reminders/recomputeReminders.ts';
import type { ServiceContext } from '../serviceContext.ts';

/** The stored instalment with its figures as of `today`. */
export function withStanding(i: StoredInstalment, today: string): Instalment {
  return { ...i, ...instalmentStanding(i, today) };
}

export async function listInstalments(ctx: ServiceContext, input: ApiParsedInput<'payments:list'>): Promise<ApiOutput<'payments:list'>> {
  await requireContract(ctx.db, input.contractId, 'contractId');
  const today = localDateOf(ctx.now());
  const items = (await listContractInstalments(ctx.db, input.contractId)).map((i) => withStanding(i, today));
  const sum = (pick: (i: Instalment) => number) => items.reduce((s, i) => s + pick(i), 0);
  return { items, total: items.length, dueFen: sum((i) => i.dueAmountFen), paidFen: sum((i) => i.paidAmountFen), outstandingFen: sum((i) => i.outstandingFen) };
}

async function refuseTakenDue(tx: Tx, contractId: string, dueOn: string, exceptId: string | undefined): Promise<void> {
  const taken = await findLiveInstalmentByDue(tx, contractId, dueOn);
  if (taken && taken.id !== exceptId) throw new AppError('DUPLICATE', msg('paymentErrors.duplicateDue', { date: dueOn }), 'dueOn');
}

/** Adds or updates one instalment inside the caller's transaction (the 续约 dialog and the import call it too). */
export async function setInstalmentIn(ctx: ServiceContext, tx: Tx, input: ApiParsedInput<'payments:set'>, batchId: string | null): Promise<StoredInstalment> {
  await requireContract(tx, input.contractId, 'contractId');
  const existing = input.id === undefined ? undefined : await getLiveInstalment(tx, input.id);
  if (input.id !== undefined && (!existing || existing.contractId !== input.contractId)) throw new AppError('NOT_FOUND', msg('paymentErrors.missing'), 'id');
  await refuseTakenDue(tx, input.contractId, input.dueOn, input.id);
  const paidAmountFen = input.paidAmountFen ?? existing?.paidAmountFen ?? 0;
  const values: InstalmentValues = {
    dueOn: input.dueOn,
    dueAmountFen: input.dueAmountFen,
    paidAmountFen,
    paidOn: paidAmountFen === 0 ? null : (input.paidOn !== undefined ? input.paidOn : (existing?.paidOn ?? null)),
    invoiceNo: input.invoiceNo === undefined ? (existing?.invoiceNo ?? null) : input.invoiceNo || null,
    invoiceOn: input.invoiceOn === undefined ? (existing?.invoiceOn ?? null) : input.invoiceOn,
    note: input.note === undefined ? (existing?.note ?? null) : input.note || null,
  };
  if (values.paidAmountFen > 0 && values.paidOn === null) throw new AppError('VALIDATION', msg('paymentErrors.paidOnRequired'), 'paidOn');
  const meta = auditMeta(ctx, existing ? 'update' : 'create', batchId);
  const stored = existing ? await updateInstalment(tx, existing.id, values, meta, input.version) : await insertInstalment(tx, input.contractId, values, meta);
  // 回款逾期: the instalment's reminder step follows its due date and whether it is paid.
  await recomputeRemindersForInstalments(ctx, tx, [stored.id]);
  return stored;
}

export async function setInstalment(ctx: ServiceContext, input: ApiParsedInput<'payments:set'>): Promise<ApiOutput<'payments:set'>> {
  return withTransaction(ctx.db, async (tx) => {
    const batchId = newId();
    const stored = await setInstalmentIn(ctx, tx, input, batchId);
    return { instalment: withStanding(stored, localDateOf(ctx.now())), undoToken: batchId };
  });
}

export async function recordPayment(ctx: ServiceContext, input: ApiParsedInput<'payments:record'>): Promise<ApiOutput<'payments:record'>> {
  return withTransaction(ctx.db, async (tx) => {
    const existing = await getLiveInstalment(tx, input.id);
    if (!existing) throw new AppError('NOT_FOUND', msg('paymentErrors.missing'), 'id');
    const paid = withPayment(existing, input.amountFen, input.paidOn);
    const batchId = newId();
    const stored = await updateInstalment(tx, existing.id, { ...existing, paidAmountFen: paid.paidAmountFen, paidOn: paid.paidOn }, auditMeta(ctx, 'pay', batchId));
    await recomputeRemindersForInstalments(ctx, tx, [stored.id]);
    return { instalment: withStanding(stored, localDateOf(ctx.now())), undoToken: batchId };
  });
}

export async function removeInstalment(ctx: ServiceContext, input: ApiParsedInput<'payments:remove'>): Promise<ApiOutput<'payments:remove'>> {
  return withTransaction(ctx.db, async (tx) => {
    const existing = await getLiveInstalment(tx, input.id);
    if (!existing) throw new AppError('NOT_FOUND', msg('paymentErrors.missing'), 'id');
    const batchId = newId();
    await softDeleteInstalment(tx, existing.id, auditMeta(ctx, 'delete', batchId));
    await recomputeRemindersForInstalments(ctx, tx, [existing.id]);
    return { id: existing.id, dueOn: existing.dueOn, undoToken: batchId };
  });
}

export async function undoInstalmentChange(ctx: ServiceContext, input: ApiParsedInput<'payments:undo'>): Promise<ApiOutput<'payments:undo'>> {
  return withTransaction(ctx.db, async (tx) => {
    if (!(await isInstalmentBatch(tx, input.undoToken))) throw new AppError('NOT_FOUND', msg('paymentErrors.notAPaymentChange'), 'undoToken');
    const meta = auditMeta(ctx, 'undo', newId());
    const undone = await undoByToken(ctx.db, tx, input.undoToken, meta);
    // Undoing a payment makes the instalment unpaid again: its step is armed again unless it already fired.
    await recomputeRemindersForInstalments(ctx, tx, await instalmentIdsOfBatch(tx, input.undoToken));
    return { undone: undone.entries };
  });
}

/**
 * A new term's instalments from the 续约 dialog's plan, inside the renewal's transaction and audit batch. The
 * amounts must sum to the term's amount (an equal split puts the remainder fen on the last one).
 */
export async function addPlannedInstalments(ctx: ServiceContext, tx: Tx, contractId: string, amountFen: number | null, plan: InstalmentPlan): Promise<void> {
  if (amountFen === null) throw new AppError('VALIDATION', msg('paymentErrors.planNeedsAmount'), 'instalmentPlan');
  const rows = plan.kind === 'equal' ? equalInstalments(amountFen, plan.count, plan.firstDueOn, plan.everyMonths) : plan.rows;
  const sum = rows.reduce((s, r) => s + r.dueAmountFen, 0);
  if (sum !== amountFen) throw new AppError('VALIDATION', msg('paymentErrors.planSum'), 'instalmentPlan');
  for (const r of rows) await setInstalmentIn(ctx, tx, { contractId, dueOn: r.dueOn, dueAmountFen: r.dueAmountFen }, ctx.auditBatchId ?? null);
}
