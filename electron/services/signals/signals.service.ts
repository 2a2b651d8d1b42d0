// Issue 13's hand-entered risk signals: usage figures (one per customer and period, upserted), competitor events,
// and the 咨询/工单 follow-ups per month with the sudden-change rule. Every write is one audit batch whose id is the
// undo token; the health score, warnings and prediction (later) read the same repository functions.
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { interactionChange, monthsBetween, periodStartOf } from '../../../shared/domain/riskSignals.ts';
import { undoByToken } from '../../../db/audit/undoBatch.ts';
import { newId } from '../../../db/newId.ts';
import {
  countServiceInteractionsByMonth,
  getLiveCompetitorEvent,
  getLiveUsageFigure,
  insertCompetitorEvent,
  isSignalBatch,
  listCompetitorEvents,
  listUsageFigures,
  softDeleteCompetitorEvent,
  softDeleteUsageFigure,
  upsertUsageFigure,
} from '../../../db/repositories/signalsRepo.ts';
import type { Executor } from '../../../db/handle.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireContract } from '../references/contractRefs.ts';
import { requireCustomer } from '../references/customerRefs.ts';
import { readStoredSetting, saveSetting } from '../settings/appSettings.ts';
import type { ServiceContext } from '../serviceContext.ts';

/** The configured unit, '' when none is (the UI then shows the catalogue's default, 登录次数 / logins). */
export async function readUsageUnit(x: Executor): Promise<string> {
  const stored = await readStoredSetting(x, 'usageUnit');
  return typeof stored === 'string' ? stored : '';
}

export async function getUsageUnit(ctx: ServiceContext): Promise<ApiOutput<'usage:unit'>> {
  return { unit: await readUsageUnit(ctx.db) };
}

export async function setUsageUnit(ctx: ServiceContext, input: ApiParsedInput<'usage:setUnit'>): Promise<ApiOutput<'usage:setUnit'>> {
  await withTransaction(ctx.db, (tx) => saveSetting(tx, 'usageUnit', input.unit, auditMeta(ctx, 'update')));
  return { unit: input.unit };
}

export async function listUsage(ctx: ServiceContext, input: ApiParsedInput<'usage:list'>): Promise<ApiOutput<'usage:list'>> {
  await requireCustomer(ctx.db, input.customerId, 'customerId');
  const items = await listUsageFigures(ctx.db, input.customerId, input.periodKind);
  return { items, total: items.length, unit: await readUsageUnit(ctx.db) };
}

/** Sets the figure of the period holding the day `periodOn`; the unit is the input's, else the configured one. */
export async function setUsage(ctx: ServiceContext, input: ApiParsedInput<'usage:set'>): Promise<ApiOutput<'usage:set'>> {
  return withTransaction(ctx.db, async (tx) => {
    await requireCustomer(tx, input.customerId, 'customerId');
    const batchId = newId();
    const unit = input.unit ?? (await readUsageUnit(tx));
    const periodStart = periodStartOf(input.periodKind, input.periodOn);
    const r = await upsertUsageFigure(tx, { customerId: input.customerId, periodKind: input.periodKind, periodStart, value: input.value, unit }, auditMeta(ctx, 'setUsage', batchId));
    return { figure: r.figure, created: r.created, undoToken: batchId };
  });
}

export async function removeUsage(ctx: ServiceContext, input: ApiParsedInput<'usage:remove'>): Promise<ApiOutput<'usage:remove'>> {
  return withTransaction(ctx.db, async (tx) => {
    if (!(await getLiveUsageFigure(tx, input.id))) throw new AppError('NOT_FOUND', msg('signals.usageMissing'), 'id');
    const batchId = newId();
    await softDeleteUsageFigure(tx, input.id, auditMeta(ctx, 'delete', batchId));
    return { id: input.id, undoToken: batchId };
  });
}

export async function listCompetitor(ctx: ServiceContext, input: ApiParsedInput<'competitorEvents:list'>): Promise<ApiOutput<'competitorEvents:list'>> {
  await requireCustomer(ctx.db, input.customerId, 'customerId');
  const items = await listCompetitorEvents(ctx.db, input.customerId);
  return { items, total: items.length };
}

export async function addCompetitor(ctx: ServiceContext, input: ApiParsedInput<'competitorEvents:add'>): Promise<ApiOutput<'competitorEvents:add'>> {
  return withTransaction(ctx.db, async (tx) => {
    await requireCustomer(tx, input.customerId, 'customerId');
    if (input.contractId) {
      const contract = await requireContract(tx, input.contractId, 'contractId');
      if (contract.customerId !== input.customerId) throw new AppError('VALIDATION', msg('errors.contractOfOtherCustomer'), 'contractId');
    }
    const batchId = newId();
    const id = await insertCompetitorEvent(
      tx,
      { customerId: input.customerId, contractId: input.contractId ?? null, happenedOn: input.happenedOn, text: input.text },
      auditMeta(ctx, 'create', batchId),
    );
    const event = (await listCompetitorEvents(tx, input.customerId)).find((e) => e.id === id);
    if (!event) throw new Error(`competitor event ${id} not found after insert`);
    return { event, undoToken: batchId };
  });
}

export async function removeCompetitor(ctx: ServiceContext, input: ApiParsedInput<'competitorEvents:remove'>): Promise<ApiOutput<'competitorEvents:remove'>> {
  return withTransaction(ctx.db, async (tx) => {
    if (!(await getLiveCompetitorEvent(tx, input.id))) throw new AppError('NOT_FOUND', msg('signals.eventMissing'), 'id');
    const batchId = newId();
    await softDeleteCompetitorEvent(tx, input.id, auditMeta(ctx, 'delete', batchId));
    return { id: input.id, undoToken: batchId };
  });
}

/** Undoes one usage or competitor-event write (a set, a remove, an add); refuses any other batch. */
export async function undoSignalChange(ctx: ServiceContext, input: ApiParsedInput<'signals:undo'>): Promise<ApiOutput<'signals:undo'>> {
  return withTransaction(ctx.db, async (tx) => {
    if (!(await isSignalBatch(tx, input.undoToken))) throw new AppError('NOT_FOUND', msg('signals.notASignalChange'), 'undoToken');
    const meta = auditMeta(ctx, 'undo', newId());
    const undone = await undoByToken(ctx.db, tx, input.undoToken, meta);
    return { undone: undone.entries };
  });
}

const monthOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;

/** 咨询 + 工单 per month over the last `months` months (this one included, zeros too) and the sudden-change verdict. */
export async function listInteractions(ctx: ServiceContext, input: ApiParsedInput<'usage:interactions'>): Promise<ApiOutput<'usage:interactions'>> {
  await requireCustomer(ctx.db, input.customerId, 'customerId');
  const now = ctx.now();
  const first = new Date(now.getFullYear(), now.getMonth() - (input.months - 1), 1);
  const rows = await countServiceInteractionsByMonth(ctx.db, {
    customerIds: [input.customerId],
    sinceInstant: first.toISOString(),
    offsetMinutes: -now.getTimezoneOffset(),
  });
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const months = monthsBetween(monthOf(first), monthOf(now)).map((month) => ({
    month,
    inquiries: byMonth.get(month)?.inquiries ?? 0,
    tickets: byMonth.get(month)?.tickets ?? 0,
  }));
  const verdict = interactionChange(
    months.map((m) => ({ period: m.month, value: m.inquiries + m.tickets })),
    monthOf(now),
  );
  const change = verdict.kind === 'notEnoughData' ? { kind: verdict.kind } : { kind: verdict.kind, latest: verdict.latest, mean: verdict.mean };
  return { months, change };
}
