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
import { bulkRenewals, undoBulkRenewals } from './bulkRenewals.ts';
import { unlinkRenewal, vetoRenewalLink } from './unlinkRenewal.ts';
import { linkRenewal, renewalLinkSuggestion } from './linkRenewal.ts';
import { renewalEventsOf } from './renewalEvents.ts';

export const renewalsHandlers = handlersFor('renewals', {
  'renewals:list': (ctx, input) => listRenewalPage(ctx, input),
  'renewals:setStage': (ctx, input) => setRenewalStage(ctx, input),
  'renewals:renewDefaults': (ctx, input) => renewDefaults(ctx, input.contractId, input.cycle),
  'renewals:renew': (ctx, input) => renewContract(ctx, input),
  'renewals:chain': (ctx, input) => renewalChain(ctx, input.contractId),
  'renewals:flagged': (ctx, input) => flaggedRenewals(ctx, input.today),
  'renewals:bulk': (ctx, input) => bulkRenewals(ctx, input),
  'renewals:undoBulk': (ctx, input) => undoBulkRenewals(ctx, input.undoToken),
  'renewals:unlink': (ctx, input) => unlinkRenewal(ctx, input.contractId, input.reason),
  'renewals:vetoLink': (ctx, input) => vetoRenewalLink(ctx, input.earlierId, input.laterId),
  'renewals:linkSuggestion': (ctx, input) => renewalLinkSuggestion(ctx, input.contractId),
  'renewals:link': (ctx, input) => linkRenewal(ctx, input.earlierId, input.laterId),
  'renewals:events': (ctx, input) => renewalEventsOf(ctx, input.customerId, input.limit),
  'renewals:lostReasons': (ctx) => lostReasons(ctx),
  'renewals:setLostReasons': (ctx, input) => setLostReasons(ctx, input.items),
});
