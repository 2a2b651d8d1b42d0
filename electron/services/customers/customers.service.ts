import type { Customer, CustomerDetail, CustomerListItem } from '../../../shared/api/customers.contract.ts';
import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { addDaysIso, localDateOf } from '../../../shared/domain/dates.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import type { Tx } from '../../../db/handle.ts';
import { newId } from '../../../db/newId.ts';
import { undoBatch } from '../../../db/audit/undoBatch.ts';
import { insertAudited, updateAudited, writeAudit } from '../../../db/repositories/auditedWrites.ts';
import { listContacts } from '../../../db/repositories/contactsRepo.ts';
import { listContracts } from '../../../db/repositories/contractsRepo.ts';
import { listCustomerPage } from '../../../db/repositories/customerListQuery.ts';
import { reindexCustomer } from '../../../db/repositories/customerSearchIndex.ts';
import { getCustomer, lastFollowUpAt, liveChildIds } from '../../../db/repositories/customersRepo.ts';
import { replaceCustomerTags } from '../../../db/repositories/tagsRepo.ts';
import { auditMeta } from '../auditMeta.ts';
import { addContact } from '../contacts/contacts.service.ts';
import { refreshNextExpiry } from '../contracts/nextExpiry.ts';
import { recomputeRemindersForCustomer } from '../reminders/recomputeReminders.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { assertNameFree, assertOwner, assertTags, requireCustomer } from './customerRefs.ts';

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
  return { ...customer, contacts, contracts: contracts.items, lastFollowUpAt: await lastFollowUpAt(ctx.db, id) };
}

async function reload(tx: Tx, id: string): Promise<Customer> {
  const customer = await getCustomer(tx, id);
  if (!customer) throw new AppError('NOT_FOUND', '客户不存在或已被删除', 'id');
  return customer;
}

export async function createCustomer(ctx: ServiceContext, input: ApiParsedInput<'customers:create'>): Promise<Customer> {
  const customer = await withTransaction(ctx.db, async (tx) => {
    await assertNameFree(tx, input.name);
    await assertOwner(tx, input.ownerId);
    await assertTags(tx, input.tagIds);
    const meta = auditMeta(ctx, 'create');
    const row = await insertAudited(
      tx,
      'customers',
      {
        id: newId(),
        name: input.name,
        code: input.code ?? null,
        industry: input.industry ?? null,
        tier: input.tier,
        owner_id: input.ownerId ?? null,
        lifecycle_stage: input.lifecycleStage,
        source: input.source ?? null,
        custom_fields: JSON.stringify(input.customFields),
        notes: input.notes ?? null,
        next_expiry_on: null,
        archived_at: null,
        deleted_at: null,
      },
      meta,
    );
    if (input.tagIds.length > 0) {
      await replaceCustomerTags(tx, row.id, input.tagIds, meta.at);
      await writeAudit(tx, { ...meta, action: 'tags' }, 'customers', row.id, { tagIds: [] }, { tagIds: input.tagIds });
    }
    if (input.primaryContact) await addContact(ctx, tx, row.id, { ...input.primaryContact, isPrimary: true });
    await reindexCustomer(tx, row.id);
    return reload(tx, row.id);
  });
  ctx.emit('data:changed', { domains: ['customers', 'contacts'] });
  return customer;
}

export async function updateCustomer(ctx: ServiceContext, input: ApiParsedInput<'customers:update'>): Promise<Customer> {
  const customer = await withTransaction(ctx.db, async (tx) => {
    const current = await requireCustomer(tx, input.id);
    if (input.name !== undefined) await assertNameFree(tx, input.name, input.id);
    if (input.ownerId !== undefined) await assertOwner(tx, input.ownerId);
    await assertTags(tx, input.tagIds);
    const meta = auditMeta(ctx, 'update');
    const patch: Record<string, unknown> = {};
    if (input.name !== undefined) patch['name'] = input.name;
    if (input.code !== undefined) patch['code'] = input.code;
    if (input.industry !== undefined) patch['industry'] = input.industry;
    if (input.tier !== undefined) patch['tier'] = input.tier;
    if (input.ownerId !== undefined) patch['owner_id'] = input.ownerId;
    if (input.lifecycleStage !== undefined) patch['lifecycle_stage'] = input.lifecycleStage;
    if (input.source !== undefined) patch['source'] = input.source;
    if (input.customFields !== undefined) patch['custom_fields'] = JSON.stringify(input.customFields);
    if (input.notes !== undefined) patch['notes'] = input.notes;
    await updateAudited(tx, 'customers', input.id, patch, meta, input.version);
    if (input.tagIds !== undefined) {
      const before = await replaceCustomerTags(tx, input.id, input.tagIds, meta.at);
      await writeAudit(tx, { ...meta, action: 'tags' }, 'customers', input.id, { tagIds: before }, { tagIds: input.tagIds });
    }
    if (input.name !== undefined && input.name !== current.name) await reindexCustomer(tx, input.id);
    if (input.tier !== undefined && input.tier !== current.tier) await recomputeRemindersForCustomer(ctx, tx, input.id);
    return reload(tx, input.id);
  });
  ctx.emit('data:changed', { domains: ['customers'] });
  return customer;
}

export async function setArchived(ctx: ServiceContext, id: string, archived: boolean): Promise<Customer> {
  const customer = await withTransaction(ctx.db, async (tx) => {
    const current = await requireCustomer(tx, id);
    if ((current.archivedAt !== null) === archived) return current;
    const meta = auditMeta(ctx, archived ? 'archive' : 'unarchive');
    await updateAudited(tx, 'customers', id, { archived_at: archived ? meta.at : null }, meta);
    return reload(tx, id);
  });
  ctx.emit('data:changed', { domains: ['customers'] });
  return customer;
}

/** Soft-deletes the customer with its contacts, contracts and follow-ups as one undoable batch. */
export async function deleteCustomer(ctx: ServiceContext, id: string): Promise<{ undoToken: string; name: string }> {
  const result = await withTransaction(ctx.db, async (tx) => {
    const customer = await requireCustomer(tx, id);
    const batchId = newId();
    const meta = auditMeta(ctx, 'delete', batchId);
    const children = await liveChildIds(tx, id);
    for (const fid of children.followUps) await updateAudited(tx, 'follow_ups', fid, { deleted_at: meta.at }, meta);
    for (const kid of children.contracts) await updateAudited(tx, 'contracts', kid, { deleted_at: meta.at }, meta);
    for (const cid of children.contacts) await updateAudited(tx, 'contacts', cid, { deleted_at: meta.at }, meta);
    await updateAudited(tx, 'customers', id, { deleted_at: meta.at }, meta);
    await reindexCustomer(tx, id);
    await recomputeRemindersForCustomer(ctx, tx, id);
    return { undoToken: batchId, name: customer.name };
  });
  ctx.emit('data:changed', { domains: ['customers', 'contacts', 'contracts', 'followups'] });
  return result;
}

export async function undoDeleteCustomer(ctx: ServiceContext, undoToken: string): Promise<Customer> {
  const customer = await withTransaction(ctx.db, async (tx) => {
    const undone = undoBatch(ctx.db, undoToken, { batchId: newId(), at: ctx.now().toISOString(), actor: ctx.actor }, { field: 'undoToken' });
    const customerId = undone.customersWritten[0];
    if (customerId === undefined) throw new AppError('NOT_FOUND', '这次操作不是删除客户，无法在此撤销', 'undoToken');
    await reindexCustomer(tx, customerId);
    await refreshNextExpiry(tx, customerId);
    await recomputeRemindersForCustomer(ctx, tx, customerId);
    return reload(tx, customerId);
  });
  ctx.emit('data:changed', { domains: ['customers', 'contacts', 'contracts', 'followups'] });
  return customer;
}
