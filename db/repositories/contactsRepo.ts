import type { Contact } from '../../shared/api/contacts.contract.ts';
import type { ContactPatch, NewContact } from '../../shared/api/recordWrites.ts';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import type { ContactRow } from '../schema.ts';
import { insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';
import { reindexCustomer } from './customerSearchIndex.ts';

function toContact(r: ContactRow): Contact {
  return {
    id: r.id,
    customerId: r.customer_id,
    name: r.name,
    title: r.title,
    phone: r.phone,
    email: r.email,
    birthday: r.birthday,
    isPrimary: r.is_primary === 1,
    notes: r.notes,
    version: r.version,
  };
}

export async function listContacts(x: Executor, customerId: string): Promise<Contact[]> {
  const rows = await q(x)
    .selectFrom('contacts')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toContact);
}

export async function getLiveContact(x: Executor, id: string): Promise<Contact | undefined> {
  const row = await q(x).selectFrom('contacts').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? toContact(row) : undefined;
}

export async function primaryContactId(x: Executor, customerId: string): Promise<string | undefined> {
  const row = await q(x)
    .selectFrom('contacts')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('is_primary', '=', 1)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

const flag = (b: boolean | undefined) => (b === undefined ? undefined : b ? 1 : 0);

/** A new contact, audited; its customer's search entry picks up the name and phone. */
export async function insertContact(tx: Tx, c: NewContact, meta: AuditMeta): Promise<Contact> {
  const row = await insertAudited(
    tx,
    'contacts',
    {
      id: newId(),
      customer_id: c.customerId,
      name: c.name,
      title: c.title,
      phone: c.phone,
      email: c.email,
      birthday: c.birthday,
      is_primary: c.isPrimary ? 1 : 0,
      notes: c.notes,
      deleted_at: null,
    },
    meta,
  );
  await reindexCustomer(tx, c.customerId);
  return toContact(row);
}

/** Changes the given fields; with `expectedVersion`, refuses when someone else changed the contact since. */
export async function patchContact(tx: Tx, id: string, p: ContactPatch, meta: AuditMeta, expectedVersion?: number): Promise<Contact> {
  const row = await updateAudited(
    tx,
    'contacts',
    id,
    { name: p.name, title: p.title, phone: p.phone, email: p.email, birthday: p.birthday, is_primary: flag(p.isPrimary), notes: p.notes },
    meta,
    expectedVersion,
  );
  await reindexCustomer(tx, row.customer_id);
  return toContact(row);
}

/** The customer's primary contact, unless it is `exceptId`, stops being primary. */
export async function demotePrimaryContact(tx: Tx, customerId: string, exceptId: string | undefined, meta: AuditMeta): Promise<void> {
  const current = await primaryContactId(tx, customerId);
  if (current && current !== exceptId) await updateAudited(tx, 'contacts', current, { is_primary: 0 }, meta);
}

/** A deleted contact is primary no longer; it leaves its customer's search entry. */
export async function softDeleteContact(tx: Tx, id: string, meta: AuditMeta): Promise<void> {
  const row = await updateAudited(tx, 'contacts', id, { deleted_at: meta.at, is_primary: 0 }, meta);
  await reindexCustomer(tx, row.customer_id);
}
