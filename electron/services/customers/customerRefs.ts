import { AppError } from '../../../shared/api/appError.ts';
import type { Executor } from '../../../db/handle.ts';
import { findLiveCustomerIdByName, getCustomer } from '../../../db/repositories/customersRepo.ts';
import { findLiveOwner } from '../../../db/repositories/ownersRepo.ts';
import { countLiveTags } from '../../../db/repositories/tagsRepo.ts';

export async function requireCustomer(x: Executor, id: string, field = 'id') {
  const customer = await getCustomer(x, id);
  if (!customer) throw new AppError('NOT_FOUND', '客户不存在或已被删除', field);
  return customer;
}

/** Accepts a customer id or the exact (trimmed) name of a live customer. */
export async function resolveCustomerId(x: Executor, ref: string, field = 'customer'): Promise<string> {
  const byId = await getCustomer(x, ref);
  if (byId) return byId.id;
  const byName = await findLiveCustomerIdByName(x, ref.trim());
  if (byName) return byName;
  throw new AppError('NOT_FOUND', `找不到客户「${ref}」`, field);
}

export async function assertNameFree(x: Executor, name: string, exceptId?: string): Promise<void> {
  const existing = await findLiveCustomerIdByName(x, name);
  if (existing && existing !== exceptId) throw new AppError('DUPLICATE', `客户名称「${name}」已存在`, 'name');
}

export async function assertOwner(x: Executor, ownerId: string | null | undefined, field = 'ownerId'): Promise<void> {
  if (ownerId == null) return;
  if (!(await findLiveOwner(x, { id: ownerId }))) throw new AppError('NOT_FOUND', '负责人不存在', field);
}

export async function assertTags(x: Executor, tagIds: readonly string[] | undefined): Promise<void> {
  if (!tagIds || tagIds.length === 0) return;
  if ((await countLiveTags(x, [...new Set(tagIds)])) !== new Set(tagIds).size) {
    throw new AppError('NOT_FOUND', '所选标签不存在', 'tagIds');
  }
}
