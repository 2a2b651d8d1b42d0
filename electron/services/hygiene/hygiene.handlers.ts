import { handlersFor } from '../handlerTable.ts';
import { listHygiene } from './hygiene.service.ts';

export const hygieneHandlers = handlersFor('hygiene', {
  'hygiene:list': (ctx, input) => listHygiene(ctx, input),
});
