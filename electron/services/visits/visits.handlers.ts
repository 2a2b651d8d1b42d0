import { handlersFor } from '../handlerTable.ts';
import {
  assignKeyManager,
  includeKeyCustomer,
  keyManagerHistory,
  listKeyCustomers,
  listVisitStandards,
  removeVisitStandard,
  setKeyCriteria,
  setVisitStandard,
  undoVisitsChange,
} from './keyCustomers.service.ts';
import { keyCustomerReview } from './keyReview.service.ts';
import { listDueVisits, markVisitDone, visitPlan } from './visitPlan.service.ts';

export const visitsHandlers = handlersFor('visits', {
  'visits:keyCustomers': (ctx) => listKeyCustomers(ctx),
  'visits:setCriteria': (ctx, input) => setKeyCriteria(ctx, input),
  'visits:include': (ctx, input) => includeKeyCustomer(ctx, input),
  'visits:assign': (ctx, input) => assignKeyManager(ctx, input),
  'visits:history': (ctx, input) => keyManagerHistory(ctx, input),
  'visits:standards': (ctx) => listVisitStandards(ctx),
  'visits:setStandard': (ctx, input) => setVisitStandard(ctx, input),
  'visits:removeStandard': (ctx, input) => removeVisitStandard(ctx, input),
  'visits:plan': (ctx, input) => visitPlan(ctx, input),
  'visits:due': (ctx, input) => listDueVisits(ctx, input),
  'visits:markDone': (ctx, input) => markVisitDone(ctx, input),
  'visits:review': (ctx, input) => keyCustomerReview(ctx, input),
  'visits:undo': (ctx, input) => undoVisitsChange(ctx, input),
});
