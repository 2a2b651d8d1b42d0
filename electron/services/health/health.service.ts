// A customer's 健康度 as the panel shows it: the stored score and factors, the change since last week's score and
// up to 12 weekly points (stored week points carried forward, the current score standing for its own week on).
// A customer never scored yet is scored on the fly (nothing written).
import { getCustomerHealth, listHealthWeeks } from '../../../db/repositories/customerHealthRepo.ts';
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { addDaysIso, localDateOf } from '../../../shared/domain/dates.ts';
import { weeklyPoints, weekOf } from '../../../shared/domain/healthBands.ts';
import { requireCustomer } from '../references/customerRefs.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { readHealthWeights } from './readHealthWeights.ts';
import { scoreCustomers } from './recomputeHealth.ts';

export const HEALTH_HISTORY_WEEKS = 12;

export async function getHealth(ctx: ServiceContext, input: ApiParsedInput<'health:get'>): Promise<ApiOutput<'health:get'>> {
  await requireCustomer(ctx.db, input.customerId, 'customerId');
  const today = localDateOf(ctx.now());
  const thisWeek = weekOf(today);
  const fromWeek = addDaysIso(thisWeek, -7 * (HEALTH_HISTORY_WEEKS - 1));
  const rows = await listHealthWeeks(ctx.db, input.customerId, fromWeek);
  const stored = await getCustomerHealth(ctx.db, input.customerId, today);
  const current = stored ? { weekOf: weekOf(localDateOf(new Date(stored.computedAt))), score: stored.score } : null;
  const weeks = weeklyPoints(rows, current, fromWeek, thisWeek);
  if (!stored) {
    const [scored] = await scoreCustomers(ctx.db, ctx.now(), await readHealthWeights(ctx.db), [input.customerId]);
    return { score: null, band: null, factors: scored?.score.factors ?? [], computedAt: null, changeSinceLastWeek: null, weeks };
  }
  const lastWeek = weeks.find((w) => w.weekOf === addDaysIso(thisWeek, -7));
  return {
    score: stored.score,
    band: stored.band,
    factors: stored.factors,
    computedAt: stored.computedAt,
    changeSinceLastWeek: lastWeek ? stored.score - lastWeek.score : null,
    weeks,
  };
}
