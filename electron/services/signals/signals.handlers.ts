import { handlersFor } from '../handlerTable.ts';
import {
  addCompetitor,
  getUsageUnit,
  listCompetitor,
  listInteractions,
  listUsage,
  removeCompetitor,
  removeUsage,
  setUsage,
  setUsageUnit,
  undoSignalChange,
} from './signals.service.ts';
import { importUsage } from './usageSheet.service.ts';

export const usageHandlers = handlersFor('usage', {
  'usage:list': (ctx, input) => listUsage(ctx, input),
  'usage:set': (ctx, input) => setUsage(ctx, input),
  'usage:remove': (ctx, input) => removeUsage(ctx, input),
  'usage:unit': (ctx) => getUsageUnit(ctx),
  'usage:setUnit': (ctx, input) => setUsageUnit(ctx, input),
  'usage:interactions': (ctx, input) => listInteractions(ctx, input),
  'usage:import': (ctx, input) => importUsage(ctx, input),
});

export const competitorEventsHandlers = handlersFor('competitorEvents', {
  'competitorEvents:list': (ctx, input) => listCompetitor(ctx, input),
  'competitorEvents:add': (ctx, input) => addCompetitor(ctx, input),
  'competitorEvents:remove': (ctx, input) => removeCompetitor(ctx, input),
});

/** One undo for both kinds of signal write: a usage figure's and a competitor event's tokens alike. */
export const signalsHandlers = handlersFor('signals', {
  'signals:undo': (ctx, input) => undoSignalChange(ctx, input),
});
