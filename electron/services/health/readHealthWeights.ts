import type { Executor } from '../../../db/handle.ts';
import { healthWeightsSchema } from '../../../shared/api/health.contract.ts';
import { DEFAULT_HEALTH_WEIGHTS, type HealthWeights } from '../../../shared/domain/healthScore.ts';
import { readStoredSetting } from '../settings/appSettings.ts';

/** The weights in 设置, the defaults for any never saved (or no longer valid). */
export async function readHealthWeights(x: Executor): Promise<HealthWeights> {
  const stored = await readStoredSetting(x, 'healthWeights');
  const parsed = healthWeightsSchema.safeParse({ ...DEFAULT_HEALTH_WEIGHTS, ...(typeof stored === 'object' && stored !== null ? stored : {}) });
  return parsed.success ? parsed.data : { ...DEFAULT_HEALTH_WEIGHTS };
}
