import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import type { Customer } from '../../../shared/api/customers.contract.ts';
import type { Executor } from '../../../db/handle.ts';
import { findLiveCustomerIdByName, getCustomer } from '../../../db/repositories/customersRepo.ts';

// Every domain that writes something belonging to a customer checks the customer the same way.

export async function requireCustomer(x: Executor, id: string, field = 'id'): Promise<Customer> {
  const customer = await getCustomer(x, id);
  if (!customer) throw new AppError('NOT_FOUND', msg('errors.customerMissing'), field);
  return customer;
}

/** Accepts a customer id or the exact (trimmed) name of a live customer. */
export async function resolveCustomerId(x: Executor, ref: string, field = 'customer'): Promise<string> {
  const byId = await getCustomer(x, ref);
  if (byId) return byId.id;
  const byName = await findLiveCustomerIdByName(x, ref.trim());
  if (byName) return byName;
  throw new AppError('NOT_FOUND', msg('errors.customerNotFound', { ref }), field);
}
