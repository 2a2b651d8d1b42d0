import { handlersFor } from '../handlerTable.ts';
import { completeFollowUp, createFollowUp, deleteFollowUp, listDue, listTimeline } from './followUps.service.ts';

export const followUpsHandlers = handlersFor('followups', {
  'followups:list': (ctx, input) => listTimeline(ctx, input),
  'followups:create': (ctx, input) => createFollowUp(ctx, input),
  'followups:due': (ctx, input) => listDue(ctx, input),
  'followups:complete': (ctx, input) => completeFollowUp(ctx, input.id),
  'followups:delete': (ctx, input) => deleteFollowUp(ctx, input.id),
});
