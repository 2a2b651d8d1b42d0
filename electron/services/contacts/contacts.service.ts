import type { Contact, ContactInput } from '../../../shared/api/contacts.contract.ts';
import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import type { Tx } from '../../../db/handle.ts';
import { newId } from '../../../db/newId.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { insertAudited, updateAudited } from '../../../db/repositories/auditedWrites.ts';
import { getLiveContact, listContacts, primaryContactId, toContact } from '../../../db/repositories/contactsRepo.ts';
import { reindexCustomer } from '../../../db/repositories/customerSearchIndex.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireCustomer } from '../customers/customerRefs.ts';
import { recomputeRemindersForContact } from '../reminders/recomputeReminders.ts';
import type { ServiceContext } from '../serviceContext.ts';

type ParsedContact = Omit<ContactInput, 'name'> & { name: string };

/** One primary contact per customer: making one primary demotes the other; the first contact is primary. */
async function demotePrimary(ctx: ServiceContext, tx: Tx, customerId: string, exceptId?: string): Promise<void> {
  const current = await primaryContactId(tx, customerId);
  if (current && current !== exceptId) {
    await updateAudited(tx, 'contacts', current, { is_primary: 0 }, auditMeta(ctx, 'update'));
  }
}

export async function addContact(ctx: ServiceContext, tx: Tx, customerId: string, input: ParsedContact): Promise<Contact> {
  const hasPrimary = (await primaryContactId(tx, customerId)) !== undefined;
  const isPrimary = input.isPrimary === true || !hasPrimary;
  if (isPrimary) await demotePrimary(ctx, tx, customerId);
  const row = await insertAudited(
    tx,
    'contacts',
    {
      id: newId(),
      customer_id: customerId,
      name: input.name,
      title: input.title ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      birthday: input.birthday ?? null,
      is_primary: isPrimary ? 1 : 0,
      notes: input.notes ?? null,
      deleted_at: null,
    },
    auditMeta(ctx, 'create'),
  );
  if (row.birthday) await recomputeRemindersForContact(ctx, tx, row.id);
  return toContact(row);
}

export async function listCustomerContacts(ctx: ServiceContext, customerId: string) {
  await requireCustomer(ctx.db, customerId, 'customerId');
  const items = await listContacts(ctx.db, customerId);
  return { items, total: items.length };
}

export async function createContact(ctx: ServiceContext, input: ApiParsedInput<'contacts:create'>): Promise<Contact> {
  const contact = await withTransaction(ctx.db, async (tx) => {
    await requireCustomer(tx, input.customerId, 'customerId');
    const { customerId, ...fields } = input;
    const created = await addContact(ctx, tx, customerId, fields);
    await reindexCustomer(tx, customerId);
    return created;
  });
  ctx.emit('data:changed', { domains: ['contacts', 'customers'] });
  return contact;
}

async function requireContact(tx: Tx, id: string): Promise<Contact> {
  const contact = await getLiveContact(tx, id);
  if (!contact) throw new AppError('NOT_FOUND', '联系人不存在或已被删除', 'id');
  return contact;
}

export async function updateContact(ctx: ServiceContext, input: ApiParsedInput<'contacts:update'>): Promise<Contact> {
  const contact = await withTransaction(ctx.db, async (tx) => {
    const current = await requireContact(tx, input.id);
    const patch: Record<string, unknown> = {};
    if (input.name !== undefined) patch['name'] = input.name;
    if (input.title !== undefined) patch['title'] = input.title;
    if (input.phone !== undefined) patch['phone'] = input.phone;
    if (input.email !== undefined) patch['email'] = input.email;
    if (input.birthday !== undefined) patch['birthday'] = input.birthday;
    if (input.notes !== undefined) patch['notes'] = input.notes;
    if (input.isPrimary === true && !current.isPrimary) {
      await demotePrimary(ctx, tx, current.customerId, current.id);
      patch['is_primary'] = 1;
    }
    if (input.isPrimary === false && current.isPrimary) {
      throw new AppError('VALIDATION', '请先将其他联系人设为主要联系人', 'isPrimary');
    }
    const row = await updateAudited(tx, 'contacts', input.id, patch, auditMeta(ctx, 'update'), input.version);
    if (input.birthday !== undefined) await recomputeRemindersForContact(ctx, tx, input.id);
    await reindexCustomer(tx, current.customerId);
    return toContact(row);
  });
  ctx.emit('data:changed', { domains: ['contacts', 'customers'] });
  return contact;
}

export async function deleteContact(ctx: ServiceContext, id: string): Promise<{ id: string }> {
  await withTransaction(ctx.db, async (tx) => {
    const current = await requireContact(tx, id);
    const meta = auditMeta(ctx, 'delete');
    await updateAudited(tx, 'contacts', id, { deleted_at: meta.at, is_primary: 0 }, meta);
    await recomputeRemindersForContact(ctx, tx, id);
    if (current.isPrimary) {
      // Another contact, if any, takes over as primary so the list keeps showing someone to call.
      const next = (await listContacts(tx, current.customerId))[0];
      if (next) await updateAudited(tx, 'contacts', next.id, { is_primary: 1 }, meta);
    }
    await reindexCustomer(tx, current.customerId);
  });
  ctx.emit('data:changed', { domains: ['contacts', 'customers'] });
  return { id };
}
