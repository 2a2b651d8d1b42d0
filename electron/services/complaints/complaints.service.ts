// Complaint handling: receive a complaint (its 受理 step, the SLA deadline fixed from the settings then), record the
// next step one at a time (the pure state machine in shared/domain/complaints.ts refuses a skip, a step back, or
// anything after 关闭), with the step's handler, time and notes, and the customer's satisfaction at 反馈 or 关闭.
// Every write is audited in its own batch, whose id is the undo token (complaints:undo).
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import type { Complaint } from '../../../shared/api/complaints.contract.ts';
import { checkComplaintTransition, complaintDeadline, isComplaintOverdue, nextComplaintStep, SATISFACTION_STEPS } from '../../../shared/domain/complaints.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { undoByToken } from '../../../db/audit/undoBatch.ts';
import type { Executor } from '../../../db/handle.ts';
import { newId } from '../../../db/newId.ts';
import {
  complaintIdsOfBatch,
  complaintOfFollowUp,
  getComplaint,
  insertComplaint,
  insertComplaintStep,
  isComplaintBatch,
  listComplaints,
  listComplaintSteps,
  updateComplaint,
  type ComplaintRow,
} from '../../../db/repositories/complaintsRepo.ts';
import { getFollowUp } from '../../../db/repositories/followUpsRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireContract } from '../references/contractRefs.ts';
import { requireCustomer } from '../references/customerRefs.ts';
import { assertOwner } from '../references/ownerRefs.ts';
import { SETTING_KEYS } from '../settings/appSettings.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { recomputeComplaintReminders } from './complaintReminders.ts';
import { complaintCalendar, readComplaintSettings } from './complaintSettings.service.ts';

const missing = (field = 'id') => new AppError('NOT_FOUND', msg('complaintErrors.missing'), field);

export function toComplaintOutput(r: ComplaintRow, now: Date): Complaint {
  return { ...r, nextStep: nextComplaintStep(r.step), overdue: isComplaintOverdue(r, now) };
}

async function complaintOutput(x: Executor, id: string, now: Date): Promise<Complaint> {
  const row = await getComplaint(x, id);
  if (!row) throw missing();
  return toComplaintOutput(row, now);
}

export async function listComplaintsOutput(ctx: ServiceContext, input: ApiParsedInput<'complaints:list'>): Promise<ApiOutput<'complaints:list'>> {
  const now = ctx.now();
  const rows = await listComplaints(ctx.db, {
    step: input.step,
    severity: input.severity,
    open: input.open,
    overdueAt: input.overdue ? now.toISOString() : undefined,
    customerId: input.customerId,
    contractId: input.contractId,
  });
  const items = rows.map((r) => toComplaintOutput(r, now));
  return { items, total: items.length };
}

export async function getComplaintDetail(ctx: ServiceContext, input: ApiParsedInput<'complaints:get'>): Promise<ApiOutput<'complaints:get'>> {
  const complaint = await complaintOutput(ctx.db, input.id, ctx.now());
  return { complaint, steps: await listComplaintSteps(ctx.db, input.id) };
}

export async function createComplaint(ctx: ServiceContext, input: ApiParsedInput<'complaints:create'>): Promise<ApiOutput<'complaints:create'>> {
  return withTransaction(ctx.db, async (tx) => {
    const followUp = input.followUpId ? await getFollowUp(tx, input.followUpId) : undefined;
    if (input.followUpId) {
      if (!followUp) throw new AppError('NOT_FOUND', msg('complaintErrors.followUpMissing'), 'followUpId');
      if (followUp.kind !== 'complaint') throw new AppError('VALIDATION', msg('complaintErrors.notAComplaintFollowUp'), 'followUpId');
      if (await complaintOfFollowUp(tx, followUp.id)) throw new AppError('DUPLICATE', msg('complaintErrors.followUpTaken'), 'followUpId');
      if (input.customerId && input.customerId !== followUp.customerId) throw new AppError('VALIDATION', msg('complaintErrors.otherCustomer'), 'customerId');
    }
    const customerId = input.customerId ?? followUp?.customerId;
    if (!customerId) throw new AppError('VALIDATION', msg('complaintErrors.customerRequired'), 'customerId');
    await requireCustomer(tx, customerId, 'customerId');
    const contractId = input.contractId !== undefined ? input.contractId : (followUp?.contractId ?? null);
    if (contractId) {
      const contract = await requireContract(tx, contractId, 'contractId');
      if (contract.customerId !== customerId) throw new AppError('VALIDATION', msg('complaintErrors.otherCustomer'), 'contractId');
    }
    const handlerId = input.handlerId ?? followUp?.ownerId ?? null;
    if (!handlerId) throw new AppError('VALIDATION', msg('complaintErrors.handlerRequired'), 'handlerId');
    await assertOwner(tx, handlerId, 'handlerId');
    const summary = input.summary || followUp?.summary || '';
    if (!summary) throw new AppError('VALIDATION', msg('complaintErrors.summaryRequired'), 'summary');

    const settings = await readComplaintSettings(tx);
    const category = input.category ?? settings.categories[settings.categories.length - 1] ?? '';
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : followUp ? new Date(followUp.at) : ctx.now();
    const dueAt = complaintDeadline(receivedAt, settings.sla.hours[input.severity], settings.sla, await complaintCalendar(tx));
    const batchId = newId();
    const meta = auditMeta(ctx, 'create', batchId);
    const id = await insertComplaint(
      tx,
      {
        customerId,
        contractId,
        followUpId: followUp?.id ?? null,
        summary,
        category,
        severity: input.severity,
        handlerId,
        receivedAt: receivedAt.toISOString(),
        dueAt: dueAt.toISOString(),
      },
      meta,
    );
    await insertComplaintStep(tx, { complaintId: id, step: 'accepted', handlerId, at: receivedAt.toISOString(), note: input.note || null }, meta);
    await recomputeComplaintReminders(ctx, tx, [id]);
    return { complaint: await complaintOutput(tx, id, ctx.now()), undoToken: batchId };
  });
}

export async function advanceComplaint(ctx: ServiceContext, input: ApiParsedInput<'complaints:advance'>): Promise<ApiOutput<'complaints:advance'>> {
  return withTransaction(ctx.db, async (tx) => {
    const c = await getComplaint(tx, input.id);
    if (!c) throw missing();
    const refusal = checkComplaintTransition(c.step, input.step);
    if (refusal) throw new AppError('VALIDATION', refusal, 'step');
    const satisfaction = input.satisfaction ?? null;
    if (satisfaction !== null && !SATISFACTION_STEPS.includes(input.step)) throw new AppError('VALIDATION', msg('complaintErrors.satisfactionStep'), 'satisfaction');
    await assertOwner(tx, input.handlerId, 'handlerId');
    const at = ctx.now().toISOString();
    const batchId = newId();
    const meta = auditMeta(ctx, 'advance', batchId);
    await insertComplaintStep(tx, { complaintId: c.id, step: input.step, handlerId: input.handlerId, at, note: input.note || null }, meta);
    await updateComplaint(
      tx,
      c.id,
      {
        step: input.step,
        handlerId: input.handlerId,
        closedAt: input.step === 'closed' ? at : null,
        // Recorded at 反馈 stays unless 关闭 records another.
        ...(satisfaction !== null ? { satisfaction } : {}),
      },
      meta,
      input.version,
    );
    await recomputeComplaintReminders(ctx, tx, [c.id]);
    return { complaint: await complaintOutput(tx, c.id, ctx.now()), undoToken: batchId };
  });
}

export async function undoComplaintChange(ctx: ServiceContext, input: ApiParsedInput<'complaints:undo'>): Promise<ApiOutput<'complaints:undo'>> {
  return withTransaction(ctx.db, async (tx) => {
    if (!(await isComplaintBatch(tx, input.undoToken, SETTING_KEYS.complaints))) {
      throw new AppError('NOT_FOUND', msg('complaintErrors.notAComplaintChange'), 'undoToken');
    }
    const ids = await complaintIdsOfBatch(tx, input.undoToken);
    const meta = auditMeta(ctx, 'undo', newId());
    const undone = await undoByToken(ctx.db, tx, input.undoToken, meta);
    await recomputeComplaintReminders(ctx, tx, ids);
    return { undone: undone.entries };
  });
}
