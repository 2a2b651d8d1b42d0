import { handlersFor } from '../handlerTable.ts';
import { listPublishedWarnings, listRisk, reviewWarnings, riskSummary, setRiskWindow } from './riskList.service.ts';
import {
  addWarningAction,
  completeWarningAction,
  getWarningDetail,
  publishWarning,
  removeWarningAction,
  setWarningStatus,
  undoWarningChange,
} from './riskWarnings.service.ts';

export const riskHandlers = handlersFor('risk', {
  'risk:list': (ctx, input) => listRisk(ctx, input),
  'risk:summary': (ctx, input) => riskSummary(ctx, input),
  'risk:setWindow': (ctx, input) => setRiskWindow(ctx, input),
  'risk:warnings': (ctx, input) => listPublishedWarnings(ctx, input),
  'risk:get': (ctx, input) => getWarningDetail(ctx, input),
  'risk:publish': (ctx, input) => publishWarning(ctx, input),
  'risk:setStatus': (ctx, input) => setWarningStatus(ctx, input),
  'risk:addAction': (ctx, input) => addWarningAction(ctx, input),
  'risk:completeAction': (ctx, input) => completeWarningAction(ctx, input),
  'risk:removeAction': (ctx, input) => removeWarningAction(ctx, input),
  'risk:undo': (ctx, input) => undoWarningChange(ctx, input),
  'risk:review': (ctx, input) => reviewWarnings(ctx, input),
});
