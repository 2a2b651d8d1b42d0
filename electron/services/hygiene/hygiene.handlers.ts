import { handlersFor } from '../handlerTable.ts';
import { listHygiene } from './hygiene.service.ts';
import { listTrash, restoreFromTrash } from './trash.service.ts';
import { handOver, undoHandOver } from './ownerHandover.service.ts';

export const hygieneHandlers = handlersFor('hygiene', {
  'hygiene:list': (ctx, input) => listHygiene(ctx, input),
  'hygiene:trash': (ctx, input) => listTrash(ctx, input),
  'hygiene:restore': (ctx, input) => restoreFromTrash(ctx, input),
  'hygiene:handover': (ctx, input) => handOver(ctx, input),
  'hygiene:undoHandover': (ctx, input) => undoHandOver(ctx, input),
});
