import { handlersFor } from '../handlerTable.ts';
import { addPoints, addReferral, getLoyalty, removeLoyalty } from './loyalty.service.ts';

export const loyaltyHandlers = handlersFor('loyalty', {
  'loyalty:get': (ctx, input) => getLoyalty(ctx, input),
  'loyalty:addPoints': (ctx, input) => addPoints(ctx, input),
  'loyalty:addReferral': (ctx, input) => addReferral(ctx, input),
  'loyalty:remove': (ctx, input) => removeLoyalty(ctx, input),
});
