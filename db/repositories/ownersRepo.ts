import type { Owner } from '../../shared/api/owners.contract.ts';
import type { NewOwner, OwnerPatch } from '../../shared/api/recordWrites.ts';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import type { OwnerRow } from '../schema.ts';
import { insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';

function toOwner(r: OwnerRow): Owner {
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

export async function insertOwner(tx: Tx, o: NewOwner, meta: AuditMeta): Promise<Owner> {
  return toOwner(await insertAudited(tx, 'owners', { id: newId(), name: o.name, email: o.email, phone: o.phone, active: 1, deleted_at: null }, meta));
}

/** Changes the given fields; with `expectedVersion`, refuses when someone else changed the owner since. */
export async function patchOwner(tx: Tx, id: string, p: OwnerPatch, meta: AuditMeta, expectedVersion?: number): Promise<Owner> {
  const active = p.active === undefined ? undefined : p.active ? 1 : 0;
  return toOwner(await updateAudited(tx, 'owners', id, { name: p.name, email: p.email, phone: p.phone, active }, meta, expectedVersion));
}
