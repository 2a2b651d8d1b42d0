import type { Owner } from '../../../shared/api/owners.contract.ts';
import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { findLiveOwner, insertOwner, listOwners, patchOwner } from '../../../db/repositories/ownersRepo.ts';
import type { Tx } from '../../../db/handle.ts';
import { auditMeta } from '../auditMeta.ts';
import type { ServiceContext } from '../serviceContext.ts';

async function assertOwnerNameFree(tx: Tx, name: string, exceptId?: string) {
  const existing = await findLiveOwner(tx, { name });
  if (existing && existing.id !== exceptId) throw new AppError('DUPLICATE', msg('errors.ownerNameTaken', { name }), 'name');
}

export async function listOwnerItems(ctx: ServiceContext, includeInactive: boolean) {
  const items = await listOwners(ctx.db, includeInactive);
  return { items, total: items.length };
}

export async function createOwner(ctx: ServiceContext, input: ApiParsedInput<'owners:create'>): Promise<Owner> {
  return withTransaction(ctx.db, async (tx) => {
    await assertOwnerNameFree(tx, input.name);
    return insertOwner(tx, { name: input.name, email: input.email ?? null, phone: input.phone ?? null }, auditMeta(ctx, 'create'));
  });
}

export async function updateOwner(ctx: ServiceContext, input: ApiParsedInput<'owners:update'>): Promise<Owner> {
  return withTransaction(ctx.db, async (tx) => {
    if (!(await findLiveOwner(tx, { id: input.id }))) throw new AppError('NOT_FOUND', msg('errors.ownerMissing'), 'id');
    if (input.name !== undefined) await assertOwnerNameFree(tx, input.name, input.id);
    const { id, version, ...fields } = input;
    return patchOwner(tx, id, fields, auditMeta(ctx, 'update'), version);
  });
}
