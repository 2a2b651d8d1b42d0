import { handlersFor } from '../handlerTable.ts';
import { importPayments } from './paymentsSheet.service.ts';
import { listInstalments, recordPayment, removeInstalment, setInstalment, undoInstalmentChange } from './payments.service.ts';

export const paymentsHandlers = handlersFor('payments', {
  'payments:list': (ctx, input) => listInstalments(ctx, input),
  'payments:set': (ctx, input) => setInstalment(ctx, input),
  'payments:record': (ctx, input) => recordPayment(ctx, input),
  'payments:remove': (ctx, input) => removeInstalment(ctx, input),
  'payments:undo': (ctx, input) => undoInstalmentChange(ctx, input),
  'payments:import': (ctx, input) => importPayments(ctx, input),
});
