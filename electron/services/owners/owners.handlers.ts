import { handlersFor } from '../handlerTable.ts';
import { createOwner, listOwnerItems, updateOwner } from './owners.service.ts';

export const ownersHandlers = handlersFor('owners', {
  'owners:list': (ctx, input) => listOwnerItems(ctx, input.includeInactive),
  'owners:create': (ctx, input) => createOwner(ctx, input),
  'owners:update': (ctx, input) => updateOwner(ctx, input),
});
