import type { Tx } from '../../../db/handle.ts';
import { earliestActiveExpiry, setNextExpiry } from '../../../db/repositories/customersRepo.ts';

/** Called after every contract write so customers.next_expiry_on never goes stale. */
export async function refreshNextExpiry(tx: Tx, customerId: string): Promise<void> {
  await setNextExpiry(tx, customerId, await earliestActiveExpiry(tx, customerId));
}
