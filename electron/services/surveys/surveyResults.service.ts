// The 满意度 results: exact averages (sums and counts of the scores) per dimension over the range, per period
// (month or quarter of the survey date), per tier and per owner (the customer's current ones), and the customers
// whose average over the range is below the threshold, with the improvement actions under their latest survey.
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import type { SurveyAggregate } from '../../../shared/api/surveys.contract.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { actionsOfSurveys, customerScoreTotals, listDimensions, ownerNames, surveyAggregates, type SurveyGrouping } from '../../../db/repositories/surveysRepo.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { surveyThreshold, toDimensionOutput } from './surveys.service.ts';

async function aggregates(ctx: ServiceContext, grouping: SurveyGrouping, from: string, to: string, label: (key: string) => string): Promise<SurveyAggregate[]> {
  const { scores, surveys } = await surveyAggregates(ctx.db, grouping, from, to);
  const groups = new Map<string, SurveyAggregate>();
  for (const [key, n] of surveys) groups.set(key, { key, label: label(key), surveys: n, dimensions: [], sum: 0, count: 0, average: null });
  for (const r of scores) {
    const g = groups.get(r.key);
    if (!g) continue;
    g.dimensions.push({ dimensionId: r.dimensionId, sum: r.sum, count: r.count, average: r.sum / r.count });
    g.sum += r.sum;
    g.count += r.count;
  }
  for (const g of groups.values()) g.average = g.count === 0 ? null : g.sum / g.count;
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export async function surveyResults(ctx: ServiceContext, input: ApiParsedInput<'surveys:results'>): Promise<ApiOutput<'surveys:results'>> {
  if (input.from > input.to) throw new AppError('VALIDATION', msg('surveyErrors.rangeReversed'), 'from');
  const same = (key: string) => key;
  const overall = (await aggregates(ctx, 'all', input.from, input.to, same))[0] ?? { key: '', label: '', surveys: 0, dimensions: [], sum: 0, count: 0, average: null };
  const byPeriod = await aggregates(ctx, input.period, input.from, input.to, same);
  const byTier = await aggregates(ctx, 'tier', input.from, input.to, same);
  const ownerRows = await aggregates(ctx, 'owner', input.from, input.to, same);
  const names = await ownerNames(ctx.db, ownerRows.map((r) => r.key).filter((k) => k !== ''));
  const byOwner = ownerRows.map((r) => ({ ...r, label: names.get(r.key) ?? '' }));
  const threshold = await surveyThreshold(ctx.db);
  const low = (await customerScoreTotals(ctx.db, input.from, input.to)).filter((c) => c.count > 0 && c.sum / c.count < threshold);
  const actions = await actionsOfSurveys(ctx.db, low.map((c) => c.latestSurveyId));
  const below = low
    .map((c) => ({
      customerId: c.customerId,
      customerName: c.customerName,
      ownerName: c.ownerName,
      average: c.sum / c.count,
      surveys: c.surveys,
      latestSurveyId: c.latestSurveyId,
      latestOn: c.latestOn,
      actions: actions.get(c.latestSurveyId) ?? [],
    }))
    .sort((a, b) => a.average - b.average || a.customerName.localeCompare(b.customerName));
  return { dimensions: (await listDimensions(ctx.db)).map(toDimensionOutput), overall, byPeriod, byTier, byOwner, threshold, below };
}
