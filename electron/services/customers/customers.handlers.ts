import { handlersFor } from '../handlerTable.ts';
import {
  createCustomer,
  deleteCustomer,
  getCustomerDetail,
  listCustomers,
  setArchived,
  undoDeleteCustomer,
  updateCustomer,
} from './customers.service.ts';
import { mergeCustomers, undoMergeCustomers } from '../hygiene/customerMerge.service.ts';
import { listAliases, removeAlias } from './customerAliases.service.ts';

export const customersHandlers = handlersFor('customers', {
  'customers:list': (ctx, input) => listCustomers(ctx, input),
  'customers:get': (ctx, input) => getCustomerDetail(ctx, input.id),
  'customers:create': (ctx, input) => createCustomer(ctx, input),
  'customers:update': (ctx, input) => updateCustomer(ctx, input),
  'customers:archive': (ctx, input) => setArchived(ctx, input.id, true),
  'customers:unarchive': (ctx, input) => setArchived(ctx, input.id, false),
  'customers:delete': (ctx, input) => deleteCustomer(ctx, input.id),
  'customers:undoDelete': (ctx, input) => undoDeleteCustomer(ctx, input.undoToken),
  'customers:merge': (ctx, input) => mergeCustomers(ctx, input),
  'customers:undoMerge': (ctx, input) => undoMergeCustomers(ctx, input),
  'customers:aliases': (ctx, input) => listAliases(ctx, input),
  'customers:removeAlias': (ctx, input) => removeAlias(ctx, input),
});
