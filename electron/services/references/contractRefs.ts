import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import type { Contract } from '../../../shared/api/contracts.contract.ts';
import type { Executor } from '../../../db/handle.ts';
import { getContract } from '../../../db/repositories/contractsRepo.ts';

export async function requireContract(x: Executor, id: string, field = 'id'): Promise<Contract> {
  const contract = await getContract(x, id);
  if (!contract) throw new AppError('NOT_FOUND', msg('errors.contractMissing'), field);
  return contract;
}
