import { handlersFor } from '../handlerTable.ts';
import { classifyTiers, readTierRules, saveTierRules, unpinTier } from './tierClassification.ts';

export const tiersHandlers = handlersFor('tiers', {
  'tiers:rules': (ctx) => readTierRules(ctx.db),
  'tiers:setRules': (ctx, input) => saveTierRules(ctx, input),
  'tiers:classify': (ctx, input) => classifyTiers(ctx, input),
  'tiers:unpin': (ctx, input) => unpinTier(ctx, input.id),
});
