import type { Contact } from '../../../shared/api/contacts.contract.ts';
import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import type { Tx } from '../../../db/handle.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import {
  demotePrimaryContact,
  getLiveContact,
  insertContact,
  listContacts,
  patchContact,
  primaryContactId,
  softDeleteContact,
} from '../../../db/repositories/contactsRepo.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireCustomer } from '../references/customerRefs.ts';
import { recomputeRemindersForContact } from '../reminders/recomputeReminders.ts';
import type { ServiceContext } from '../serviceContext.ts';

export async function listCustomerContacts(ctx: ServiceContext, customerId: string) {
  await requireCustomer(ctx.db, customerId, 'customerId');
  const items = await listContacts(ctx.db, customerId);
  return { items, total: items.length };
}

/** One primary contact per customer: making one primary demotes the other; the first contact is primary. */
export async function createContact(ctx: ServiceContext, input: ApiParsedInput<'contacts:create'>): Promise<Contact> {
  return withTransaction(ctx.db, async (tx) => {
    await requireCustomer(tx, input.customerId, 'customerId');
    const hasPrimary = (await primaryContactId(tx, input.customerId)) !== undefined;
    const isPrimary = input.isPrimary === true || !hasPrimary;
    if (isPrimary) await demotePrimaryContact(tx, input.customerId, undefined, auditMeta(ctx, 'update'));
    const created = await insertContact(
      tx,
      {
        customerId: input.customerId,
        name: input.name,
        title: input.title ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        birthday: input.birthday ?? null,
        isPrimary,
        notes: input.notes ?? null,
      },
      auditMeta(ctx, 'create'),
    );
    if (created.birthday) await recomputeRemindersForContact(ctx, tx, created.id);
    return created;
  });
}

async function requireContact(tx: Tx, id: string): Promise<Contact> {
  const contact = await getLiveContact(tx, id);
  if (!contact) throw new AppError('NOT_FOUND', msg('errors.contactMissing'), 'id');
  return contact;
}

export async function updateContact(ctx: ServiceContext, input: ApiParsedInput<'contacts:update'>): Promise<Contact> {
  return withTransaction(ctx.db, async (tx) => {
    const current = await requireContact(tx, input.id);
    if (input.isPrimary === false && current.isPrimary) {
      throw new AppError('VALIDATION', msg('errors.primaryContactNeeded'), 'isPrimary');
    }
    const becomesPrimary = input.isPrimary === true && !current.isPrimary;
    if (becomesPrimary) await demotePrimaryContact(tx, current.customerId, current.id, auditMeta(ctx, 'update'));
    const { id, version, isPrimary: _asked, ...fields } = input;
    const updated = await patchContact(tx, id, { ...fields, ...(becomesPrimary ? { isPrimary: true } : {}) }, auditMeta(ctx, 'update'), version);
    if (input.birthday !== undefined) await recomputeRemindersForContact(ctx, tx, id);
    return updated;
  });
}

export async function deleteContact(ctx: ServiceContext, id: string): Promise<{ id: string }> {
  await withTransaction(ctx.db, async (tx) => {
    const current = await requireContact(tx, id);
    const meta = auditMeta(ctx, 'delete');
    await softDeleteContact(tx, id, meta);
    await recomputeRemindersForContact(ctx, tx, id);
    if (current.isPrimary) {
      // Another contact, if any, takes over as primary so the list keeps showing someone to call.
      const next = (await listContacts(tx, current.customerId))[0];
      if (next) await patchContact(tx, next.id, { isPrimary: true }, meta);
    }
  });
  return { id };
}
