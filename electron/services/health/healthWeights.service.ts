// The health score's weights in 设置: read with the defaults for any never saved, saved audited (the batch id is
// the undo token), previewed without writing (how many customers would change band, and to which).
import { scanHealthFacts, settingBeforeBatch } from '../../../db/repositories/healthFacts.ts';
import { newId } from '../../../db/newId.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { healthWeightsSchema } from '../../../shared/api/health.contract.ts';
import { HEALTH_BANDS, type HealthBand } from '../../../shared/domain/healthBands.ts';
import { DEFAULT_HEALTH_WEIGHTS, scoreHealth } from '../../../shared/domain/healthScore.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { auditMeta } from '../auditMeta.ts';
import { saveSetting, SETTING_KEYS } from '../settings/appSettings.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { healthFactsOf, healthWindowAt, recomputeHealthIn } from './recomputeHealth.ts';
import { readHealthWeights } from './readHealthWeights.ts';

export async function getHealthWeights(ctx: ServiceContext): Promise<ApiOutput<'health:weights'>> {
  return { weights: await readHealthWeights(ctx.db), defaults: { ...DEFAULT_HEALTH_WEIGHTS } };
}

/** Saves the weights and rescores everyone with them, all in one transaction. */
export async function setHealthWeights(ctx: ServiceContext, weights: ApiParsedInput<'health:setWeights'>): Promise<ApiOutput<'health:setWeights'>> {
  return withTransaction(ctx.db, async (tx) => {
    const batchId = newId();
    await saveSetting(tx, 'healthWeights', weights, auditMeta(ctx, 'update', batchId));
    await recomputeHealthIn(ctx, tx, undefined, weights);
    return { weights, undoToken: batchId };
  });
}

/** Puts back the weights a save replaced (the defaults when that save was the first), audited, and rescores everyone. */
export async function undoHealthWeights(ctx: ServiceContext, input: ApiParsedInput<'health:undoWeights'>): Promise<ApiOutput<'health:undoWeights'>> {
  return withTransaction(ctx.db, async (tx) => {
    const batch = await settingBeforeBatch(tx, input.undoToken, SETTING_KEYS.healthWeights);
    if (!batch.found) throw new AppError('NOT_FOUND', msg('health.notAWeightsChange'), 'undoToken');
    const parsed = healthWeightsSchema.safeParse({ ...DEFAULT_HEALTH_WEIGHTS, ...(typeof batch.before === 'object' && batch.before !== null ? batch.before : {}) });
    const weights = parsed.success ? parsed.data : { ...DEFAULT_HEALTH_WEIGHTS };
    await saveSetting(tx, 'healthWeights', weights, auditMeta(ctx, 'undo', newId()));
    await recomputeHealthIn(ctx, tx, undefined, weights);
    return { weights };
  });
}

/** Scores everyone with the stored weights and with `weights` from the same facts: the band moves, nothing written. */
export async function previewHealthWeights(ctx: ServiceContext, weights: ApiParsedInput<'health:previewWeights'>): Promise<ApiOutput<'health:previewWeights'>> {
  const current = await readHealthWeights(ctx.db);
  const window = healthWindowAt(ctx.now());
  const moves = new Map<string, number>();
  let changed = 0;
  const customers = await scanHealthFacts(ctx.db, ctx.db, window, undefined, (row) => {
    const facts = healthFactsOf(row, window);
    const from = scoreHealth(facts, current).band;
    const to = scoreHealth(facts, weights).band;
    if (from === to) return;
    changed++;
    const key = `${from}>${to}`;
    moves.set(key, (moves.get(key) ?? 0) + 1);
  });
  const order = (b: HealthBand) => HEALTH_BANDS.indexOf(b);
  const list = [...moves.entries()]
    .map(([key, count]) => {
      const [from, to] = key.split('>') as [HealthBand, HealthBand];
      return { from, to, count };
    })
    .sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
  return { customers, changed, moves: list };
}
