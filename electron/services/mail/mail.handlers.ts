import { handlersFor } from '../handlerTable.ts';
import { getMailSettings, listOptOuts, sendTestMail, setMailSettings, setOptOut } from './mail.service.ts';

export const mailHandlers = handlersFor('mail', {
  'mail:getSettings': (ctx) => getMailSettings(ctx),
  'mail:setSettings': (ctx, input) => setMailSettings(ctx, input),
  'mail:sendTest': (ctx, input) => sendTestMail(ctx, input),
  'mail:optOuts': (ctx) => listOptOuts(ctx),
  'mail:setOptOut': (ctx, input) => setOptOut(ctx, input),
});
