import { handlersFor } from '../handlerTable.ts';
import {
  flaggedRenewals,
  listRenewalPage,
  lostReasons,
  renewalChain,
  renewContract,
  renewDefaults,
  setLostReasons,
  setRenewalStage,
} from './renewals.service.ts';

export const renewalsHandlers = handlersFor('renewals', {
  'renewals:list': (ctx, input) => listRenewalPage(ctx, input),
  'renewals:setStage': (ctx, input) => setRenewalStage(ctx, input),
  'renewals:renewDefaults': (ctx, input) => renewDefaults(ctx, input.contractId, input.cycle),
  'renewals:renew': (ctx, input) => renewContract(ctx, input),
  'renewals:chain': (ctx, input) => renewalChain(ctx, input.contractId),
  'renewals:flagged': (ctx, input) => flaggedRenewals(ctx, input.today),
  'renewals:lostReasons': (ctx) => lostReasons(ctx),
  'renewals:setLostReasons': (ctx, input) => setLostReasons(ctx, input.items),
});
