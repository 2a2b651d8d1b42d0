import type { Owner } from '../../shared/api/owners.contract.ts';
import { q, type Executor } from '../handle.ts';
import type { OwnerRow } from '../schema.ts';

export function toOwner(r: OwnerRow): Owner {
  return { id: r.id, name: r.name, email: r.email, phone: r.phone, active: r.active === 1, version: r.version };
}

export async function listOwners(x: Executor, includeInactive: boolean): Promise<Owner[]> {
  let query = q(x).selectFrom('owners').selectAll().where('deleted_at', 'is', null);
  if (!includeInactive) query = query.where('active', '=', 1);
  return (await query.orderBy('name').execute()).map(toOwner);
}

export async function findLiveOwner(x: Executor, by: { id?: string; name?: string }): Promise<Owner | undefined> {
  let query = q(x).selectFrom('owners').selectAll().where('deleted_at', 'is', null);
  if (by.id !== undefined) query = query.where('id', '=', by.id);
  if (by.name !== undefined) query = query.where('name', '=', by.name);
  const row = await query.executeTakeFirst();
  return row ? toOwner(row) : undefined;
}
