import { handlersFor } from '../handlerTable.ts';
import { getHealth } from './health.service.ts';
import { getHealthWeights, previewHealthWeights, setHealthWeights, undoHealthWeights } from './healthWeights.service.ts';
import { recomputeHealth } from './recomputeHealth.ts';

export const healthHandlers = handlersFor('health', {
  'health:get': (ctx, input) => getHealth(ctx, input),
  'health:weights': (ctx) => getHealthWeights(ctx),
  'health:setWeights': (ctx, input) => setHealthWeights(ctx, input),
  'health:undoWeights': (ctx, input) => undoHealthWeights(ctx, input),
  'health:previewWeights': (ctx, input) => previewHealthWeights(ctx, input),
  'health:recompute': (ctx) => recomputeHealth(ctx),
});
