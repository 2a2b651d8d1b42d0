import { handlersFor } from '../handlerTable.ts';
import { getGreetingSettings, setGreetingSettings } from './greetings.service.ts';
import { listTemplates, markSent, renderMessage, setTemplate } from './messages.service.ts';
import { getOffer, setOffer } from './offers.service.ts';

export const messagesHandlers = handlersFor('messages', {
  'messages:templates': (ctx) => listTemplates(ctx),
  'messages:setTemplate': (ctx, input) => setTemplate(ctx, input),
  'messages:render': (ctx, input) => renderMessage(ctx, input),
  'messages:markSent': (ctx, input) => markSent(ctx, input),
  'messages:getGreetingSettings': (ctx) => getGreetingSettings(ctx),
  'messages:setGreetingSettings': (ctx, input) => setGreetingSettings(ctx, input),
  'messages:getOffer': (ctx, input) => getOffer(ctx, input),
  'messages:setOffer': (ctx, input) => setOffer(ctx, input),
});
