// Satisfaction surveys / 满意度: the dimensions (renamed, added, retired), surveys recorded, edited and removed,
// improvement actions (改进措施) and the low-score threshold. Every write is audited in its own batch, whose id is
// the undo token (surveys:undo). A survey recorded in a campaign answers the customer's task there.
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { DEFAULT_SURVEY_THRESHOLD, type Survey } from '../../../shared/api/surveys.contract.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { surveyAverage } from '../../../shared/domain/surveyScores.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { undoByToken } from '../../../db/audit/undoBatch.ts';
import type { Executor, Tx } from '../../../db/handle.ts';
import { newId } from '../../../db/newId.ts';
import { setTaskSurvey, taskOf, tasksAnsweredBy } from '../../../db/repositories/surveyCampaignsRepo.ts';
import {
  actionsOfSurveys,
  getLiveSurvey,
  insertDimension,
  insertSurvey,
  insertSurveyAction,
  isSurveyBatch,
  listDimensions,
  listSurveys,
  softDeleteSurvey,
  taskIdsOfBatch,
  updateDimension,
  updateSurvey,
  type StoredDimension,
  type StoredSurvey,
} from '../../../db/repositories/surveysRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireContract } from '../references/contractRefs.ts';
import { requireCustomer } from '../references/customerRefs.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { readStoredSetting, saveSetting, SETTING_KEYS } from '../settings/appSettings.ts';
import { recomputeSurveyTaskReminders } from './surveyTaskReminders.ts';

const missing = () => new AppError('NOT_FOUND', msg('surveyErrors.missing'), 'id');

export const toDimensionOutput = (d: StoredDimension) => ({ ...d, code: d.code as 'productQuality' | 'serviceAttitude' | 'resolutionSpeed' | null });

/** Stored surveys with their actions and averages. */
export async function withActions(x: Executor, surveys: readonly StoredSurvey[]): Promise<Survey[]> {
  const actions = await actionsOfSurveys(x, surveys.map((s) => s.id));
  return surveys.map((s) => ({ ...s, average: surveyAverage(s.scores), actions: actions.get(s.id) ?? [] }));
}

async function surveyOutput(x: Executor, id: string): Promise<Survey> {
  const stored = await getLiveSurvey(x, id);
  if (!stored) throw missing();
  return (await withActions(x, [stored]))[0]!;
}

export async function surveyThreshold(x: Executor): Promise<number> {
  const stored = await readStoredSetting(x, 'surveyThreshold');
  return typeof stored === 'number' && stored >= 1 && stored <= 5 ? stored : DEFAULT_SURVEY_THRESHOLD;
}

export async function listSurveyDimensions(ctx: ServiceContext, input: ApiParsedInput<'surveys:dimensions'>): Promise<ApiOutput<'surveys:dimensions'>> {
  const all = await listDimensions(ctx.db);
  const items = (input.activeOnly ? all.filter((d) => d.retiredOn === null) : all).map(toDimensionOutput);
  return { items, total: items.length };
}

export async function setDimension(ctx: ServiceContext, input: ApiParsedInput<'surveys:setDimension'>): Promise<ApiOutput<'surveys:setDimension'>> {
  return withTransaction(ctx.db, async (tx) => {
    const batchId = newId();
    const all = await listDimensions(tx);
    const taken = all.find((d) => d.id !== input.id && d.name !== null && d.name === input.name);
    if (taken) throw new AppError('DUPLICATE', msg('surveyErrors.dimensionTaken', { name: input.name }), 'name');
    if (input.id === undefined) {
      const dimension = await insertDimension(tx, input.name, auditMeta(ctx, 'create', batchId));
      return { dimension: toDimensionOutput(dimension), undoToken: batchId };
    }
    if (!all.some((d) => d.id === input.id)) throw new AppError('NOT_FOUND', msg('surveyErrors.dimensionMissing'), 'id');
    const dimension = await updateDimension(tx, input.id, { name: input.name }, auditMeta(ctx, 'update', batchId), input.version);
    return { dimension: toDimensionOutput(dimension), undoToken: batchId };
  });
}

export async function retireDimension(ctx: ServiceContext, input: ApiParsedInput<'surveys:retireDimension'>): Promise<ApiOutput<'surveys:retireDimension'>> {
  return withTransaction(ctx.db, async (tx) => {
    const all = await listDimensions(tx);
    const current = all.find((d) => d.id === input.id);
    if (!current) throw new AppError('NOT_FOUND', msg('surveyErrors.dimensionMissing'), 'id');
    if (input.retired && all.filter((d) => d.retiredOn === null && d.id !== input.id).length === 0) {
      throw new AppError('VALIDATION', msg('surveyErrors.lastDimension'), 'id');
    }
    const batchId = newId();
    const retiredOn = input.retired ? (current.retiredOn ?? localDateOf(ctx.now())) : null;
    const dimension = await updateDimension(tx, input.id, { retiredOn }, auditMeta(ctx, input.retired ? 'retire' : 'restore', batchId));
    return { dimension: toDimensionOutput(dimension), undoToken: batchId };
  });
}

export async function listCustomerSurveys(ctx: ServiceContext, input: ApiParsedInput<'surveys:list'>): Promise<ApiOutput<'surveys:list'>> {
  const page = await listSurveys(ctx.db, input);
  return { items: await withActions(ctx.db, page.items), total: page.total };
}

export async function latestSurvey(ctx: ServiceContext, input: ApiParsedInput<'surveys:latest'>): Promise<ApiOutput<'surveys:latest'>> {
  const page = await listSurveys(ctx.db, { customerId: input.customerId, offset: 0, limit: 1 });
  const survey = page.items[0] ? (await withActions(ctx.db, page.items))[0]! : null;
  return { survey, threshold: await surveyThreshold(ctx.db) };
}

/**
 * Every score names a dimension; a retired one only when the edited survey already scored it (its history is
 * kept, not added to). At least one score.
 */
function checkScores(dimensions: readonly StoredDimension[], scores: Record<string, number>, before: Record<string, number> | null): void {
  const ids = Object.keys(scores);
  if (ids.length === 0) throw new AppError('VALIDATION', msg('surveyErrors.noScores'), 'scores');
  const byId = new Map(dimensions.map((d) => [d.id, d]));
  for (const id of ids) {
    const d = byId.get(id);
    if (!d) throw new AppError('VALIDATION', msg('surveyErrors.dimensionMissing'), 'scores');
    if (d.retiredOn !== null && before?.[id] === undefined) throw new AppError('VALIDATION', msg('surveyErrors.dimensionRetired'), 'scores');
  }
}

export async function saveSurvey(ctx: ServiceContext, input: ApiParsedInput<'surveys:save'>): Promise<ApiOutput<'surveys:save'>> {
  return withTransaction(ctx.db, async (tx) => {
    await requireCustomer(tx, input.customerId, 'customerId');
    const contractId = input.contractId ?? null;
    if (contractId !== null) {
      const contract = await requireContract(tx, contractId, 'contractId');
      if (contract.customerId !== input.customerId) throw new AppError('VALIDATION', msg('surveyErrors.contractOfOtherCustomer'), 'contractId');
    }
    const existing = input.id === undefined ? undefined : await getLiveSurvey(tx, input.id);
    if (input.id !== undefined && !existing) throw missing();
    checkScores(await listDimensions(tx), input.scores, existing?.scores ?? null);
    const campaignId = input.campaignId === undefined ? (existing?.campaignId ?? null) : input.campaignId;
    const task = campaignId === null ? undefined : await taskOf(tx, campaignId, input.customerId);
    if (campaignId !== null && !task) throw new AppError('VALIDATION', msg('surveyErrors.notInCampaign'), 'campaignId');
    const batchId = newId();
    const values = { customerId: input.customerId, contractId, campaignId, onDate: input.onDate, channel: input.channel, scores: input.scores, comment: input.comment || null };
    let id: string;
    if (existing) {
      id = existing.id;
      await updateSurvey(tx, id, values, auditMeta(ctx, 'update', batchId), input.version);
    } else {
      id = await insertSurvey(tx, values, auditMeta(ctx, 'create', batchId));
    }
    // The customer's task in the campaign is done once a live survey answers it (the first one recorded there).
    if (task && (task.surveyId === null || !(await getLiveSurvey(tx, task.surveyId)))) {
      await setTaskSurvey(tx, task.id, id, auditMeta(ctx, 'answer', batchId));
    }
    if (task) await recomputeSurveyTaskReminders(ctx, tx, [task.id]);
    return { survey: await surveyOutput(tx, id), undoToken: batchId };
  });
}

export async function removeSurvey(ctx: ServiceContext, input: ApiParsedInput<'surveys:remove'>): Promise<ApiOutput<'surveys:remove'>> {
  return withTransaction(ctx.db, async (tx) => {
    const existing = await getLiveSurvey(tx, input.id);
    if (!existing) throw missing();
    const batchId = newId();
    await softDeleteSurvey(tx, existing.id, auditMeta(ctx, 'delete', batchId));
    // The task it answered is open again (its reminder back while its date is ahead).
    await recomputeSurveyTaskReminders(ctx, tx, await tasksAnsweredBy(tx, existing.id));
    return { id: existing.id, undoToken: batchId };
  });
}

export async function addSurveyAction(ctx: ServiceContext, input: ApiParsedInput<'surveys:addAction'>): Promise<ApiOutput<'surveys:addAction'>> {
  return withTransaction(ctx.db, async (tx) => {
    const survey = await getLiveSurvey(tx, input.surveyId);
    if (!survey) throw new AppError('NOT_FOUND', msg('surveyErrors.missing'), 'surveyId');
    const batchId = newId();
    const doneBy = input.doneBy || ctx.actor;
    const action = await insertSurveyAction(tx, survey.id, survey.customerId, { onDate: input.onDate, text: input.text, doneBy }, auditMeta(ctx, 'create', batchId));
    return { action, undoToken: batchId };
  });
}

export async function setSurveyThreshold(ctx: ServiceContext, input: ApiParsedInput<'surveys:setThreshold'>): Promise<ApiOutput<'surveys:setThreshold'>> {
  return withTransaction(ctx.db, async (tx) => {
    // The undo puts a row back to its before-image and cannot un-create a setting (it has no deleted_at): the first
    // change stores the default in a batch of its own, so the undoable one is always an update.
    if ((await readStoredSetting(tx, 'surveyThreshold')) === undefined) {
      await saveSetting(tx, 'surveyThreshold', DEFAULT_SURVEY_THRESHOLD, auditMeta(ctx, 'create', newId()));
    }
    const batchId = newId();
    await saveSetting(tx, 'surveyThreshold', input.threshold, auditMeta(ctx, 'update', batchId));
    return { threshold: input.threshold, undoToken: batchId };
  });
}

export async function undoSurveyChange(ctx: ServiceContext, input: ApiParsedInput<'surveys:undo'>): Promise<ApiOutput<'surveys:undo'>> {
  return withTransaction(ctx.db, async (tx: Tx) => {
    if (!(await isSurveyBatch(tx, input.undoToken, SETTING_KEYS.surveyThreshold))) throw new AppError('NOT_FOUND', msg('surveyErrors.notASurveyChange'), 'undoToken');
    const meta = auditMeta(ctx, 'undo', newId());
    const undone = await undoByToken(ctx.db, tx, input.undoToken, meta);
    await recomputeSurveyTaskReminders(ctx, tx, await taskIdsOfBatch(tx, input.undoToken));
    return { undone: undone.entries };
  });
}
