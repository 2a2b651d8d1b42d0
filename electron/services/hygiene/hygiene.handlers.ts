import { handlersFor } from '../handlerTable.ts';
import { listHygiene } from './hygiene.service.ts';
import { listTrash, restoreFromTrash } from './trash.service.ts';

export const hygieneHandlers = handlersFor('hygiene', {
  'hygiene:list': (ctx, input) => listHygiene(ctx, input),
  'hygiene:trash': (ctx) => listTrash(ctx),
  'hygiene:restore': (ctx, input) => restoreFromTrash(ctx, input),
});
