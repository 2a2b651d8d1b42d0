import type { Customer, CustomerDetail, CustomerListItem } from '../../../shared/api/customers.contract.ts';
import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { addDaysIso, localDateOf } from '../../../shared/domain/dates.ts';
import { crashHooksOf } from '../../../db/crashHooks.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import type { Executor, Tx } from '../../../db/handle.ts';
import { newId } from '../../../db/newId.ts';
import { insertContact, listContacts } from '../../../db/repositories/contactsRepo.ts';
import { listContracts } from '../../../db/repositories/contractsRepo.ts';
import { withDisplayStatus } from '../renewals/contractDisplay.ts';
import { listCustomerPage } from '../../../db/repositories/customerListQuery.ts';
import {
  findLiveCustomerIdByName,
  getCustomer,
  insertCustomer,
  lastFollowUpAt,
  patchCustomer,
  softDeleteCustomerTree,
  undoCustomerDelete,
} from '../../../db/repositories/customersRepo.ts';
import { setCustomerTags } from '../../../db/repositories/tagsRepo.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireCustomer } from '../references/customerRefs.ts';
import { assertOwner } from '../references/ownerRefs.ts';
import { recomputeRemindersForContact, recomputeRemindersForCustomer } from '../reminders/recomputeReminders.ts';
import { markMissedWhileAway } from '../reminders/newTermReminders.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { withSafetyBackup } from '../system/withSafetyBackup.ts';
import { tagIdsForNames } from '../tags/tags.service.ts';
import { assertTier } from '../tiers/tierTable.service.ts';

export async function listCustomers(
  ctx: ServiceContext,
  input: ApiParsedInput<'customers:list'>,
): Promise<{ items: CustomerListItem[]; total: number }> {
  const today = localDateOf(ctx.now());
  const { items, total } = await listCustomerPage(ctx.db, {
    search: input.search,
    tier: input.tier,
    ownerId: input.ownerId,
    tagId: input.tagId,
    expiringOnOrBefore: input.expiringWithinDays === undefined ? undefined : addDaysIso(today, input.expiringWithinDays),
    archived: input.archived,
    sort: input.sort,
    order: input.order,
    offset: input.offset,
    limit: input.limit,
  });
  return { items, total };
}

export async function getCustomerDetail(ctx: ServiceContext, id: string): Promise<CustomerDetail> {
  const customer = await requireCustomer(ctx.db, id);
  const contacts = await listContacts(ctx.db, id);
  const contracts = await listContracts(ctx.db, { customerId: id, offset: 0, limit: 500 });
  return { ...customer, contacts, contracts: await withDisplayStatus(ctx, ctx.db, contracts.items), lastFollowUpAt: await lastFollowUpAt(ctx.db, id) };
}

async function assertNameFree(x: Executor, name: string, exceptId?: string): Promise<void> {
  const existing = await findLiveCustomerIdByName(x, name);
  if (existing && existing !== exceptId) throw new AppError('DUPLICATE', msg('errors.customerNameTaken', { name }), 'name');
}

async function reload(tx: Tx, id: string): Promise<Customer> {
  const customer = await getCustomer(tx, id);
  if (!customer) throw new AppError('NOT_FOUND', msg('errors.customerMissing'), 'id');
  return customer;
}

// Tags come first, then the customer's own checks and writes: whatever fails rolls the new tags back too.

export async function createCustomer(ctx: ServiceContext, input: ApiParsedInput<'customers:create'>): Promise<Customer> {
  return withTransaction(ctx.db, async (tx) => {
    const tagIds = await tagIdsForNames(ctx, tx, input.tags);
    await assertNameFree(tx, input.name);
    await assertOwner(tx, input.ownerId);
    await assertTier(tx, input.tier);
    const meta = auditMeta(ctx, 'create');
    const id = await insertCustomer(
      tx,
      {
        name: input.name,
        code: input.code ?? null,
        industry: input.industry ?? null,
        tier: input.tier,
        // A tier chosen other than the default is a choice by hand: pinned, so the rules never overwrite it.
        tierPinned: input.tier === 'normal' ? null : 'manual',
        ownerId: input.ownerId ?? null,
        lifecycleStage: input.lifecycleStage,
        source: input.source ?? null,
        customFields: input.customFields,
        notes: input.notes ?? null,
      },
      meta,
    );
    if (tagIds.length > 0) await setCustomerTags(tx, id, tagIds, meta);
    const c = input.primaryContact;
    if (c) {
      const contact = await insertContact(
        tx,
        { customerId: id, name: c.name, title: c.title ?? null, phone: c.phone ?? null, email: c.email ?? null, birthday: c.birthday ?? null, isPrimary: true, notes: c.notes ?? null },
        meta,
      );
      if (contact.birthday) await recomputeRemindersForContact(ctx, tx, contact.id);
    }
    return reload(tx, id);
  });
}

export async function updateCustomer(ctx: ServiceContext, input: ApiParsedInput<'customers:update'>): Promise<Customer> {
  return withTransaction(ctx.db, async (tx) => {
    const current = await requireCustomer(tx, input.id);
    const tagIds = input.tags === undefined ? undefined : await tagIdsForNames(ctx, tx, input.tags);
    if (input.name !== undefined) await assertNameFree(tx, input.name, input.id);
    if (input.ownerId !== undefined) await assertOwner(tx, input.ownerId);
    if (input.tier !== undefined && input.tier !== current.tier) await assertTier(tx, input.tier);
    const meta = auditMeta(ctx, 'update');
    const { id, version, tags: _names, ...fields } = input;
    // A tier changed by hand is pinned: no classification overwrites it until it is unpinned.
    const pinned = input.tier !== undefined && input.tier !== current.tier ? { tierPinned: 'manual' as const } : {};
    await patchCustomer(tx, id, { ...fields, ...pinned }, meta, version);
    if (tagIds !== undefined) await setCustomerTags(tx, id, tagIds, meta);
    if (input.tier !== undefined && input.tier !== current.tier) await recomputeRemindersForCustomer(ctx, tx, id);
    return reload(tx, id);
  });
}

export async function setArchived(ctx: ServiceContext, id: string, archived: boolean): Promise<Customer> {
  return withTransaction(ctx.db, (tx) => setArchivedIn(ctx, tx, id, archived));
}

/** setArchived inside a running transaction (the 续约 list archives many customers in one). */
export async function setArchivedIn(ctx: ServiceContext, tx: Tx, id: string, archived: boolean): Promise<Customer> {
  const current = await requireCustomer(tx, id);
  if ((current.archivedAt !== null) === archived) return current;
  const meta = auditMeta(ctx, archived ? 'archive' : 'unarchive');
  await patchCustomer(tx, id, { archivedAt: archived ? meta.at : null }, meta);
  // Archiving suspends the customer's pending steps; coming back, what fell due meanwhile counts as missed.
  await recomputeRemindersForCustomer(ctx, tx, id);
  if (!archived) await markMissedWhileAway(ctx, tx, id);
  return reload(tx, id);
}

/** Soft-deletes the customer with its contacts, contracts and follow-ups as one undoable batch. */
export async function deleteCustomer(ctx: ServiceContext, id: string): Promise<{ undoToken: string; name: string }> {
  return withSafetyBackup(ctx, 'pre-delete-customer', () =>
    withTransaction(ctx.db, async (tx) => {
      const customer = await requireCustomer(tx, id);
      const batchId = newId();
      await softDeleteCustomerTree(tx, id, auditMeta(ctx, 'delete', batchId));
      crashHooksOf(ctx.db).reached('delete:after-tree');
      await recomputeRemindersForCustomer(ctx, tx, id);
      return { undoToken: batchId, name: customer.name };
    }),
  );
}

export async function undoDeleteCustomer(ctx: ServiceContext, undoToken: string): Promise<Customer> {
  return withSafetyBackup(ctx, 'pre-undo-delete', () =>
    withTransaction(ctx.db, async (tx) => {
      const id = await undoCustomerDelete(ctx.db, tx, undoToken, auditMeta(ctx, 'undo', newId()));
      if (id === undefined) throw new AppError('NOT_FOUND', msg('errors.notACustomerDelete'), 'undoToken');
      await recomputeRemindersForCustomer(ctx, tx, id);
      return reload(tx, id);
    }),
  );
}
