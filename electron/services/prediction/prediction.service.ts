// The renewal prediction's services (issue 13): the model report, the odds of upcoming contracts, and
// predictContracts for other readers (the warnings' `risk --json` and list). The model is fitted on demand and
// kept in memory per open archive, under today's date and a stamp of the tables it reads, so it is refitted after
// any change to them and once a day.
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import type { ContractPrediction } from '../../../shared/api/prediction.contract.ts';
import { addDaysIso, localDateOf } from '../../../shared/domain/dates.ts';
import type { Db } from '../../../db/handle.ts';
import { predictionInputsStamp, readHealthBands, readTermFacts, type PredictionTermSet } from '../../../db/repositories/predictionFeatures.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { buildRenewalModel, predictTerm, type RenewalModel } from './renewalModel.ts';

/** Decided terms count once they ended this many days ago, and their inputs are read this many days before their end. */
export const PREDICTION_HORIZON_DAYS = 90;

const cache = new WeakMap<Db, { key: string; model: RenewalModel }>();

const offsetOf = (ctx: ServiceContext) => -ctx.now().getTimezoneOffset();
const todayOf = (ctx: ServiceContext) => localDateOf(ctx.now());

async function currentModel(ctx: ServiceContext): Promise<RenewalModel> {
  const today = todayOf(ctx);
  const key = `${today}|${offsetOf(ctx)}|${await predictionInputsStamp(ctx.db)}`;
  const cached = cache.get(ctx.db);
  if (cached?.key === key) return cached.model;
  const endedBy = addDaysIso(today, -PREDICTION_HORIZON_DAYS);
  const decided = await readTermFacts(ctx.db, { kind: 'decided', endedBy }, offsetOf(ctx));
  const model = buildRenewalModel(decided, endedBy);
  cache.set(ctx.db, { key, model });
  return model;
}

async function predictSet(ctx: ServiceContext, set: PredictionTermSet): Promise<{ items: ContractPrediction[]; model: RenewalModel }> {
  const model = await currentModel(ctx);
  const facts = await readTermFacts(ctx.db, set, offsetOf(ctx));
  const bands = model.model ? new Map<string, string>() : await readHealthBands(ctx.db, [...new Set(facts.map((f) => f.customerId))]);
  return { items: facts.map((f) => predictTerm(model, f, bands.get(f.customerId))), model };
}

export async function getPredictionModel(ctx: ServiceContext): Promise<ApiOutput<'prediction:model'>> {
  return (await currentModel(ctx)).report;
}

/** Live (active, undecided) contracts ending from today to today + `withinDays`, by end date. */
export async function listUpcomingPredictions(ctx: ServiceContext, input: ApiParsedInput<'prediction:upcoming'>): Promise<ApiOutput<'prediction:upcoming'>> {
  const today = todayOf(ctx);
  const { items, model } = await predictSet(ctx, { kind: 'upcoming', from: today, to: addDaysIso(today, input.withinDays), today });
  return { items, total: items.length, status: model.report.status, today };
}

/**
 * The renewal odds of the given contracts (any status), each with its drivers; for other services to call
 * (the warnings' list and `risk --json`). Unknown or deleted ids are left out.
 */
export async function predictContracts(ctx: ServiceContext, contractIds: readonly string[]): Promise<ContractPrediction[]> {
  const today = todayOf(ctx);
  const out: ContractPrediction[] = [];
  for (let i = 0; i < contractIds.length; i += 500) {
    out.push(...(await predictSet(ctx, { kind: 'ids', ids: contractIds.slice(i, i + 500), today })).items);
  }
  return out;
}
