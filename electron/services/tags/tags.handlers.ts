import { handlersFor } from '../handlerTable.ts';
import { createTag, listTagItems } from './tags.service.ts';

export const tagsHandlers = handlersFor('tags', {
  'tags:list': (ctx) => listTagItems(ctx),
  'tags:create': (ctx, input) => createTag(ctx, input),
});
