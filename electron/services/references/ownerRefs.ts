import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import type { Executor } from '../../../db/handle.ts';
import { findLiveOwner } from '../../../db/repositories/ownersRepo.ts';

/** An owner named on a customer, contract or follow-up must exist; null means nobody. */
export async function assertOwner(x: Executor, ownerId: string | null | undefined, field = 'ownerId'): Promise<void> {
  if (ownerId == null) return;
  if (!(await findLiveOwner(x, { id: ownerId }))) throw new AppError('NOT_FOUND', msg('errors.ownerMissing'), field);
}
