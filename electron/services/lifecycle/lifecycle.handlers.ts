import { loyaltyOfCustomers } from '../../../db/repositories/lifecycleRepo.ts';
import { handlersFor } from '../handlerTable.ts';
import { customerLifecycle, listLifecycles, listWarnings, listWinBack, setLifecycleRules } from './lifecycle.service.ts';
import { readLifecycleRules } from './lifecycleRules.service.ts';
import { recomputeLifecycle } from './recomputeLifecycle.ts';

export const lifecycleHandlers = handlersFor('lifecycle', {
  'lifecycle:list': (ctx, input) => listLifecycles(ctx, input),
  'lifecycle:warning': (ctx, input) => listWarnings(ctx, input),
  'lifecycle:winBack': (ctx, input) => listWinBack(ctx, input),
  'lifecycle:customer': (ctx, input) => customerLifecycle(ctx, input.customerId),
  'lifecycle:ofCustomers': async (ctx, input) => ({
    items: [...(await loyaltyOfCustomers(ctx.db, input.customerIds)).entries()].map(([customerId, v]) => ({ customerId, ...v })),
  }),
  'lifecycle:rules': (ctx) => readLifecycleRules(ctx.db),
  'lifecycle:setRules': (ctx, input) => setLifecycleRules(ctx, input),
  'lifecycle:recompute': (ctx) => recomputeLifecycle(ctx),
});
