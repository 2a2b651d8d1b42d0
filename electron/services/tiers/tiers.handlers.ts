import { handlersFor } from '../handlerTable.ts';
import { classifyTiers, readTierRules, saveTierRules, unpinTier } from './tierClassification.ts';
import { addTier, assertRuleTiers, listTierItems, moveTier, removeTier, undoRemoveTier, updateTier } from './tierTable.service.ts';

export const tiersHandlers = handlersFor('tiers', {
  'tiers:rules': (ctx) => readTierRules(ctx.db),
  'tiers:setRules': async (ctx, input) => {
    await assertRuleTiers(ctx.db, input);
    return saveTierRules(ctx, input);
  },
  'tiers:classify': async (ctx, input) => {
    if (input.rules) await assertRuleTiers(ctx.db, input.rules);
    return classifyTiers(ctx, input);
  },
  'tiers:unpin': (ctx, input) => unpinTier(ctx, input.id),
  // The tier table (migration 0019).
  'tiers:list': (ctx) => listTierItems(ctx.db),
  'tiers:create': (ctx, input) => addTier(ctx, input),
  'tiers:update': (ctx, input) => updateTier(ctx, input),
  'tiers:move': (ctx, input) => moveTier(ctx, input),
  'tiers:remove': (ctx, input) => removeTier(ctx, input),
  'tiers:undoRemove': (ctx, input) => undoRemoveTier(ctx, input),
});
