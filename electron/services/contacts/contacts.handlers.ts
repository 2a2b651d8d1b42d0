import { handlersFor } from '../handlerTable.ts';
import { createContact, deleteContact, listCustomerContacts, updateContact } from './contacts.service.ts';

export const contactsHandlers = handlersFor('contacts', {
  'contacts:list': (ctx, input) => listCustomerContacts(ctx, input.customerId),
  'contacts:create': (ctx, input) => createContact(ctx, input),
  'contacts:update': (ctx, input) => updateContact(ctx, input),
  'contacts:delete': (ctx, input) => deleteContact(ctx, input.id),
});
