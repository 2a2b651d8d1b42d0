import type { Owner } from '../../../shared/api/owners.contract.ts';
import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { newId } from '../../../db/newId.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { insertAudited, updateAudited } from '../../../db/repositories/auditedWrites.ts';
import { findLiveOwner, listOwners, toOwner } from '../../../db/repositories/ownersRepo.ts';
import type { Tx } from '../../../db/handle.ts';
import { auditMeta } from '../auditMeta.ts';
import type { ServiceContext } from '../serviceContext.ts';

async function assertOwnerNameFree(tx: Tx, name: string, exceptId?: string) {
  const existing = await findLiveOwner(tx, { name });
  if (existing && existing.id !== exceptId) throw new AppError('DUPLICATE', `负责人「${name}」已存在`, 'name');
}

export async function listOwnerItems(ctx: ServiceContext, includeInactive: boolean) {
  const items = await listOwners(ctx.db, includeInactive);
  return { items, total: items.length };
}

export async function createOwner(ctx: ServiceContext, input: ApiParsedInput<'owners:create'>): Promise<Owner> {
  const owner = await withTransaction(ctx.db, async (tx) => {
    await assertOwnerNameFree(tx, input.name);
    const row = await insertAudited(
      tx,
      'owners',
      { id: newId(), name: input.name, email: input.email ?? null, phone: input.phone ?? null, active: 1, deleted_at: null },
      auditMeta(ctx, 'create'),
    );
    return toOwner(row);
  });
  ctx.emit('data:changed', { domains: ['owners'] });
  return owner;
}

export async function updateOwner(ctx: ServiceContext, input: ApiParsedInput<'owners:update'>): Promise<Owner> {
  const owner = await withTransaction(ctx.db, async (tx) => {
    if (!(await findLiveOwner(tx, { id: input.id }))) throw new AppError('NOT_FOUND', '负责人不存在', 'id');
    if (input.name !== undefined) await assertOwnerNameFree(tx, input.name, input.id);
    const patch: Record<string, unknown> = {};
    if (input.name !== undefined) patch['name'] = input.name;
    if (input.email !== undefined) patch['email'] = input.email;
    if (input.phone !== undefined) patch['phone'] = input.phone;
    if (input.active !== undefined) patch['active'] = input.active ? 1 : 0;
    return toOwner(await updateAudited(tx, 'owners', input.id, patch, auditMeta(ctx, 'update'), input.version));
  });
  ctx.emit('data:changed', { domains: ['owners', 'customers'] });
  return owner;
}
