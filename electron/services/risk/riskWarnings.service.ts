// The warning workflow: publish a warning on a term (role + owner), plan actions, move it 新建 → 处理中 → 已解除 /
// 已流失. Every write is audited in its own batch, whose id is the undo token (risk:undo).
//
// Actions and follow-ups: an action is a plan item (kind, owner, due date). Completing it logs a real follow-up on
// the customer's timeline (its kind and text as summary, the warning's contract, the action's owner), exactly as
// 记录跟进 would, so it closes the customer's open 待跟进 dates and counts as the customer's latest contact; the
// action keeps the follow-up's id. Planned, not yet done actions are not follow-ups: logging a contact with 下次跟进
// would be closed by the next contact the user logs, which would silently tick off the rest of the plan.
import { factorsOn } from '../../../shared/domain/healthBands.ts';
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import type { Warning, WarningAction } from '../../../shared/api/risk.contract.ts';
import type { FollowUpChannel, FollowUpKind } from '../../../shared/domain/enums.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import type { WarningActionKind, WarningStatus } from '../../../shared/domain/riskWarnings.ts';
import { msg, renderIn } from '../../../shared/i18n/message.ts';
import { undoByToken } from '../../../db/audit/undoBatch.ts';
import type { Executor, Tx } from '../../../db/handle.ts';
import { newId } from '../../../db/newId.ts';
import { insertFollowUp, markFollowUpDone, openFollowUpIds } from '../../../db/repositories/followUpsRepo.ts';
import { contractRiskFacts } from '../../../db/repositories/riskTermsQuery.ts';
import {
  getWarning,
  getWarningAction,
  getWarningRow,
  insertWarning,
  insertWarningAction,
  isWarningBatch,
  listWarningActions,
  markWarningActionDone,
  openWarningOfContract,
  softDeleteWarningAction,
  updateWarningStatus,
  warningActivity,
  type StoredWarning,
  type StoredWarningAction,
  type WarningListRow,
} from '../../../db/repositories/riskWarningsRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { archiveLocale } from '../archiveLocale.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireContract } from '../references/contractRefs.ts';
import { assertOwner } from '../references/ownerRefs.ts';
import { recomputeFollowUpRemindersOfCustomer } from '../reminders/recomputeReminders.ts';
import type { ServiceContext } from '../serviceContext.ts';

const missing = () => new AppError('NOT_FOUND', msg('riskErrors.missing'), 'id');

/** A warning as the API gives it; the customer's current factors with their day counts as of `today`. */
export function toWarningOutput(r: WarningListRow, today: string): Warning {
  return {
    id: r.id,
    contractId: r.contractId,
    contractNo: r.contractNo,
    contractEndsOn: r.contractEndsOn,
    amountFen: r.amountFen,
    customerId: r.customerId,
    customerName: r.customerName,
    status: r.status,
    role: r.role,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    score: r.score,
    band: r.band,
    factors: r.factors,
    currentScore: r.currentScore,
    currentBand: r.currentBand,
    currentFactors: r.currentFactors && factorsOn(r.currentFactors, today),
    probability: null,
    publishedOn: r.publishedOn,
    closedOn: r.closedOn,
    closeReason: r.closeReason,
    note: r.note,
    actions: r.actions,
    openActions: r.openActions,
    version: r.version,
  };
}

async function warningOutput(x: Executor, id: string, today: string): Promise<Warning> {
  const row = await getWarningRow(x, id);
  if (!row) throw missing();
  return toWarningOutput(row, today);
}

async function requireWarning(x: Executor, id: string, field = 'id'): Promise<StoredWarning> {
  const w = await getWarning(x, id);
  if (!w) throw new AppError('NOT_FOUND', msg('riskErrors.missing'), field);
  return w;
}

function refuseClosed(w: StoredWarning, field: string | null = null): void {
  if (w.closedOn !== null) throw new AppError('VALIDATION', msg('riskErrors.closed'), field);
}

function actionOutput(a: StoredWarningAction & { ownerName: string }, today: string): WarningAction {
  return {
    id: a.id,
    warningId: a.warningId,
    kind: a.kind,
    text: a.text,
    ownerId: a.ownerId,
    ownerName: a.ownerName,
    dueOn: a.dueOn,
    doneOn: a.doneOn,
    followUpId: a.followUpId,
    overdue: a.doneOn === null && a.dueOn < today,
  };
}

async function actionWithOwner(x: Executor, a: StoredWarningAction, today: string): Promise<WarningAction> {
  const found = (await listWarningActions(x, a.warningId)).find((o) => o.id === a.id);
  if (!found) throw missing();
  return actionOutput(found, today);
}

export async function getWarningDetail(ctx: ServiceContext, input: ApiParsedInput<'risk:get'>): Promise<ApiOutput<'risk:get'>> {
  const today = localDateOf(ctx.now());
  const warning = await warningOutput(ctx.db, input.id, localDateOf(ctx.now()));
  const actions = (await listWarningActions(ctx.db, input.id)).map((a) => actionOutput(a, today));
  const activity = (await warningActivity(ctx.db, input.id)).map((e) => {
    const after = e.after ? (JSON.parse(e.after) as Record<string, unknown>) : {};
    const isWarning = e.ofWarning;
    return {
      at: e.at,
      actor: e.actor,
      action: e.action,
      status: isWarning ? ((after.status as WarningStatus | undefined) ?? null) : null,
      actionKind: isWarning ? null : ((after.kind as WarningActionKind | undefined) ?? null),
      actionText: isWarning ? null : ((after.text as string | null | undefined) ?? null),
    };
  });
  return { warning, actions, activity };
}

export async function publishWarning(ctx: ServiceContext, input: ApiParsedInput<'risk:publish'>): Promise<ApiOutput<'risk:publish'>> {
  return withTransaction(ctx.db, async (tx) => {
    const facts = await contractRiskFacts(tx, input.contractId, localDateOf(ctx.now()));
    if (!facts) throw new AppError('NOT_FOUND', msg('errors.contractMissing'), 'contractId');
    if (facts.score === null || facts.band === null) throw new AppError('VALIDATION', msg('riskErrors.noScore'), 'contractId');
    if (facts.outcome === 'renewed' || facts.outcome === 'lost') throw new AppError('VALIDATION', msg('riskErrors.decided'), 'contractId');
    if (await openWarningOfContract(tx, input.contractId)) throw new AppError('DUPLICATE', msg('riskErrors.alreadyOpen'), 'contractId');
    await assertOwner(tx, input.ownerId);
    const batchId = newId();
    const stored = await insertWarning(
      tx,
      {
        contractId: input.contractId,
        customerId: facts.customerId,
        role: input.role,
        ownerId: input.ownerId,
        score: facts.score,
        band: facts.band,
        factors: facts.factors,
        publishedOn: localDateOf(ctx.now()),
        note: input.note || null,
      },
      auditMeta(ctx, 'publish', batchId),
    );
    return { warning: await warningOutput(tx, stored.id, localDateOf(ctx.now())), undoToken: batchId };
  });
}

export async function setWarningStatus(ctx: ServiceContext, input: ApiParsedInput<'risk:setStatus'>): Promise<ApiOutput<'risk:setStatus'>> {
  return withTransaction(ctx.db, async (tx) => {
    const w = await requireWarning(tx, input.id);
    refuseClosed(w, 'status');
    const batchId = newId();
    const closing = input.status !== 'inProgress';
    await updateWarningStatus(
      tx,
      w.id,
      { status: input.status, closedOn: closing ? localDateOf(ctx.now()) : null, closeReason: closing ? 'manual' : null },
      auditMeta(ctx, closing ? 'close' : 'start', batchId),
      input.version,
    );
    return { warning: await warningOutput(tx, w.id, localDateOf(ctx.now())), undoToken: batchId };
  });
}

export async function addWarningAction(ctx: ServiceContext, input: ApiParsedInput<'risk:addAction'>): Promise<ApiOutput<'risk:addAction'>> {
  return withTransaction(ctx.db, async (tx) => {
    const w = await requireWarning(tx, input.warningId, 'warningId');
    refuseClosed(w, 'warningId');
    await assertOwner(tx, input.ownerId);
    const text = input.text || null;
    if (input.kind === 'other' && text === null) throw new AppError('VALIDATION', msg('riskErrors.textRequired'), 'text');
    const batchId = newId();
    const meta = auditMeta(ctx, 'addAction', batchId);
    const action = await insertWarningAction(tx, { warningId: w.id, kind: input.kind, text, ownerId: input.ownerId, dueOn: input.dueOn }, meta);
    // The first action starts the work on a new warning.
    if (w.status === 'new') await updateWarningStatus(tx, w.id, { status: 'inProgress', closedOn: null, closeReason: null }, { ...meta, action: 'start' });
    return { action: await actionWithOwner(tx, action, localDateOf(ctx.now())), undoToken: batchId };
  });
}

const FOLLOW_UP_KIND: Record<WarningActionKind, FollowUpKind> = {
  revisit: 'revisit',
  offer: 'renewal',
  instalments: 'renewal',
  executiveVisit: 'revisit',
  other: 'other',
};
const FOLLOW_UP_CHANNEL: Record<WarningActionKind, FollowUpChannel> = {
  revisit: 'phone',
  offer: 'phone',
  instalments: 'phone',
  executiveVisit: 'visit',
  other: 'other',
};

/** Logs the action's follow-up as 记录跟进 does (closing the customer's open next dates), inside `tx`. */
async function logActionFollowUp(ctx: ServiceContext, tx: Tx, w: StoredWarning, a: StoredWarningAction, summary: string, batchId: string): Promise<string> {
  const meta = auditMeta(ctx, 'create', batchId);
  for (const openId of await openFollowUpIds(tx, w.customerId)) await markFollowUpDone(tx, openId, { ...meta, action: 'complete' });
  const id = await insertFollowUp(
    tx,
    {
      customerId: w.customerId,
      contractId: w.contractId,
      at: meta.at,
      channel: FOLLOW_UP_CHANNEL[a.kind],
      kind: FOLLOW_UP_KIND[a.kind],
      summary,
      nextFollowUpOn: null,
      ownerId: a.ownerId,
    },
    meta,
  );
  await recomputeFollowUpRemindersOfCustomer(ctx, tx, w.customerId);
  return id;
}

export async function completeWarningAction(ctx: ServiceContext, input: ApiParsedInput<'risk:completeAction'>): Promise<ApiOutput<'risk:completeAction'>> {
  return withTransaction(ctx.db, async (tx) => {
    const a = await getWarningAction(tx, input.id);
    if (!a) throw missing();
    if (a.doneOn !== null) throw new AppError('VALIDATION', msg('riskErrors.actionDone'), 'id');
    const stored = await requireWarning(tx, a.warningId);
    refuseClosed(stored);
    // The contract's customer now (a merge may have moved the contract since the warning was published).
    const w = { ...stored, customerId: (await requireContract(tx, stored.contractId, 'id')).customerId };
    const locale = await archiveLocale(tx);
    const what = a.kind === 'other' ? (a.text ?? '') : renderIn(locale, msg(`risk.actionKind.${a.kind}`));
    const detail = input.summary || (a.kind === 'other' ? null : a.text);
    const summary = renderIn(locale, msg(detail ? 'risk.followUpSummaryWithNote' : 'risk.followUpSummary', { what, note: detail ?? '' }));
    const batchId = newId();
    const followUpId = await logActionFollowUp(ctx, tx, w, a, summary, batchId);
    const today = localDateOf(ctx.now());
    const done = await markWarningActionDone(tx, a.id, today, followUpId, auditMeta(ctx, 'completeAction', batchId));
    return { action: await actionWithOwner(tx, done, today), followUpId, undoToken: batchId };
  });
}

export async function removeWarningAction(ctx: ServiceContext, input: ApiParsedInput<'risk:removeAction'>): Promise<ApiOutput<'risk:removeAction'>> {
  return withTransaction(ctx.db, async (tx) => {
    const a = await getWarningAction(tx, input.id);
    if (!a) throw missing();
    refuseClosed(await requireWarning(tx, a.warningId));
    const batchId = newId();
    await softDeleteWarningAction(tx, a.id, auditMeta(ctx, 'removeAction', batchId));
    return { id: a.id, undoToken: batchId };
  });
}

export async function undoWarningChange(ctx: ServiceContext, input: ApiParsedInput<'risk:undo'>): Promise<ApiOutput<'risk:undo'>> {
  return withTransaction(ctx.db, async (tx) => {
    if (!(await isWarningBatch(tx, input.undoToken))) throw new AppError('NOT_FOUND', msg('riskErrors.notAWarningChange'), 'undoToken');
    const meta = auditMeta(ctx, 'undo', newId());
    const undone = await undoByToken(ctx.db, tx, input.undoToken, meta);
    return { undone: undone.entries };
  });
}
