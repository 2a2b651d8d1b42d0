import type { Contact } from '../../shared/api/contacts.contract.ts';
import { q, type Executor } from '../handle.ts';
import type { ContactRow } from '../schema.ts';

export function toContact(r: ContactRow): Contact {
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
