// 合并客户: the duplicate's contacts, contracts (with their renewal records and reminders), follow-ups, tags,
// aliases, complaints, surveys and survey tasks move to the survivor, its name becomes an alias of the survivor, and
// the duplicate is soft-deleted, all under one audit batch. The audited rows undo through the one undo engine (db/audit/undoBatch.ts); what is not an
// audited row (tag links, reminder and notification owners) is recorded in the batch's own 'merge' entry and put
// back from it.
import { AppError } from '../../shared/api/appError.ts';
import { msg } from '../../shared/i18n/message.ts';
import { undoBatch } from '../audit/undoBatch.ts';
import { q, type Db, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import { getRow, insertAudited, updateAudited, writeAudit, type AuditMeta } from './auditedWrites.ts';
import { refreshNextExpiry } from './customersRepo.ts';
import { reindexCustomer } from './customerSearchIndex.ts';
import { lockReminderWritesShared } from './reminderWriteLock.ts';

/** What the batch's 'merge' entry records: the moves that are not audited rows of their own. */
export interface MergeRecord {
  fromId: string;
  intoId: string;
  fromName: string;
  addedTagIds: string[];
  movedReminderIds: string[];
  movedNotificationIds: string[];
}

export interface MergeCounts {
  contacts: number;
  contracts: number;
  followUps: number;
  tags: number;
  reminders: number;
}

type CustomerOwned = 'contacts' | 'contracts' | 'follow_ups' | 'customer_aliases' | 'complaints' | 'loyalty_points' | 'renewal_offers' | 'surveys' | 'survey_campaign_customers';
const liveIds = async (x: Executor, table: CustomerOwned, customerId: string) =>
  (await q(x).selectFrom(table).select('id').where('customer_id', '=', customerId).where('deleted_at', 'is', null).orderBy('id').execute()).map((r) => r.id);

/** Merges customer `fromId` into `intoId`; both must be live and different (the service checks). */
export async function mergeCustomerInto(tx: Tx, fromId: string, intoId: string, meta: AuditMeta & { batchId: string }): Promise<MergeCounts> {
  const k = q(tx);
  const from = await getRow(tx, 'customers', fromId);
  if (!from) throw new AppError('NOT_FOUND', msg('errors.recordMissing'), 'from');
  const move = { customer_id: intoId };

  const survivorHasPrimary = (await k
    .selectFrom('contacts')
    .select('id')
    .where('customer_id', '=', intoId)
    .where('is_primary', '=', 1)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()) !== undefined;
  const contacts = await liveIds(tx, 'contacts', fromId);
  // One primary contact per customer: the survivor's stays primary.
  for (const id of contacts) await updateAudited(tx, 'contacts', id, survivorHasPrimary ? { ...move, is_primary: 0 } : move, meta);
  const contracts = await liveIds(tx, 'contracts', fromId);
  for (const id of contracts) await updateAudited(tx, 'contracts', id, move, meta);
  const followUps = await liveIds(tx, 'follow_ups', fromId);
  for (const id of followUps) await updateAudited(tx, 'follow_ups', id, move, meta);
  for (const id of await liveIds(tx, 'customer_aliases', fromId)) await updateAudited(tx, 'customer_aliases', id, move, meta);
  // Complaints (issue 14) follow their customer.
  for (const id of await liveIds(tx, 'complaints', fromId)) await updateAudited(tx, 'complaints', id, move, meta);
  await insertAudited(tx, 'customer_aliases', { id: newId(), customer_id: intoId, name: from.name, merged_from_id: fromId, deleted_at: null }, meta);
  // Issue 14: loyalty points and renewal offers follow the customer; a referral names the survivor instead (one
  // between the two customers would refer the survivor to itself: it is deleted). All audited in the batch.
  for (const table of ['loyalty_points', 'renewal_offers'] as const) {
    for (const id of await liveIds(tx, table, fromId)) await updateAudited(tx, table, id, move, meta);
  }
  await moveSurveys(tx, fromId, intoId, meta);
  const referrals = await k
    .selectFrom('referrals')
    .select(['id', 'referrer_id', 'referred_id'])
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('referrer_id', '=', fromId), eb('referred_id', '=', fromId)]))
    .orderBy('id')
    .execute();
  for (const r of referrals) {
    const referrer = r.referrer_id === fromId ? intoId : r.referrer_id;
    const referred = r.referred_id === fromId ? intoId : r.referred_id;
    await updateAudited(tx, 'referrals', r.id, referrer === referred ? { deleted_at: meta.at } : { referrer_id: referrer, referred_id: referred }, meta);
  }

  const heldTags = new Set(
    (await k.selectFrom('customer_tags').select('tag_id').where('customer_id', '=', intoId).execute()).map((r) => r.tag_id),
  );
  const addedTagIds = (await k.selectFrom('customer_tags').select('tag_id').where('customer_id', '=', fromId).orderBy('tag_id').execute())
    .map((r) => r.tag_id)
    .filter((id) => !heldTags.has(id));
  if (addedTagIds.length > 0) {
    await k
      .insertInto('customer_tags')
      .values(addedTagIds.map((tagId) => ({ customer_id: intoId, tag_id: tagId, created_at: meta.at, updated_at: meta.at })))
      .execute();
  }
  // Every reminder and notification of the duplicate, fired ones too: their history follows its contracts.
  // Before its first reminder-row write, as every writer of them (a tick waiting on these rows would deadlock it).
  await lockReminderWritesShared(tx);
  const movedReminderIds = (await k.selectFrom('reminders').select('id').where('customer_id', '=', fromId).orderBy('id').execute()).map((r) => r.id);
  await k.updateTable('reminders').set({ customer_id: intoId }).where('customer_id', '=', fromId).execute();
  const movedNotificationIds = (await k.selectFrom('notifications').select('id').where('customer_id', '=', fromId).orderBy('id').execute()).map(
    (r) => r.id,
  );
  await k.updateTable('notifications').set({ customer_id: intoId }).where('customer_id', '=', fromId).execute();

  // Deleted before its next expiry is touched, so the audit's before-image is the row exactly as it was.
  await updateAudited(tx, 'customers', fromId, { deleted_at: meta.at }, meta);
  const record: MergeRecord = { fromId, intoId, fromName: from.name, addedTagIds, movedReminderIds, movedNotificationIds };
  await writeAudit(tx, { ...meta, action: 'merge' }, 'batch', meta.batchId, null, record);
  await reindexCustomer(tx, fromId);
  await reindexCustomer(tx, intoId);
  await refreshNextExpiry(tx, intoId);
  return { contacts: contacts.length, contracts: contracts.length, followUps: followUps.length, tags: addedTagIds.length, reminders: movedReminderIds.length };
}

/**
 * Surveys follow their customer, and so do survey campaign tasks, except where the survivor has its own task in the
 * same campaign (one task per customer and campaign): the duplicate's goes, its answered survey (if any) having moved.
 */
async function moveSurveys(tx: Tx, fromId: string, intoId: string, meta: AuditMeta & { batchId: string }): Promise<void> {
  for (const id of await liveIds(tx, 'surveys', fromId)) await updateAudited(tx, 'surveys', id, { customer_id: intoId }, meta);
  const survivorCampaigns = new Set(
    (await q(tx).selectFrom('survey_campaign_customers').select('campaign_id').where('customer_id', '=', intoId).where('deleted_at', 'is', null).execute()).map((r) => r.campaign_id),
  );
  for (const id of await liveIds(tx, 'survey_campaign_customers', fromId)) {
    const task = await getRow(tx, 'survey_campaign_customers', id);
    const change = task && survivorCampaigns.has(task.campaign_id) ? { deleted_at: meta.at } : { customer_id: intoId };
    await updateAudited(tx, 'survey_campaign_customers', id, change, meta);
  }
}

/** The 'merge' entry of batch `batchId`, or undefined when the batch is no merge. */
export async function mergeRecordOf(x: Executor, batchId: string): Promise<MergeRecord | undefined> {
  const row = await q(x)
    .selectFrom('audit_log')
    .select('after')
    .where('batch_id', '=', batchId)
    .where('entity', '=', 'batch')
    .where('action', '=', 'merge')
    .executeTakeFirst();
  return row?.after ? (JSON.parse(row.after) as MergeRecord) : undefined;
}

/**
 * Undoes a merge: the undo engine puts every audited row back (refusing, and naming the row, when one changed
 * since), then the tag links, reminders and notifications go back to the duplicate. Inside the caller's
 * transaction.
 */
export async function undoCustomerMerge(db: Db, tx: Tx, record: MergeRecord, batchId: string, meta: AuditMeta & { batchId: string }): Promise<void> {
  await undoBatch(db, tx, batchId, { batchId: meta.batchId, at: meta.at, actor: meta.actor }, { field: 'undoToken' });
  const k = q(tx);
  if (record.addedTagIds.length > 0) {
    await k.deleteFrom('customer_tags').where('customer_id', '=', record.intoId).where('tag_id', 'in', record.addedTagIds).execute();
  }
  await lockReminderWritesShared(tx);
  for (const part of slices(record.movedReminderIds)) await k.updateTable('reminders').set({ customer_id: record.fromId }).where('id', 'in', part).execute();
  for (const part of slices(record.movedNotificationIds)) {
    await k.updateTable('notifications').set({ customer_id: record.fromId }).where('id', 'in', part).execute();
  }
}

function slices<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Live aliases of a customer, oldest first (shown on its page and fed into its search document). */
export async function aliasesOf(x: Executor, customerId: string): Promise<string[]> {
  return (
    await q(x).selectFrom('customer_aliases').select('name').where('customer_id', '=', customerId).where('deleted_at', 'is', null).orderBy('id').execute()
  ).map((r) => r.name);
}

/** The survivor a live alias names, when no live customer has that name itself. */
export async function survivorOfAlias(x: Executor, name: string): Promise<string | undefined> {
  const row = await q(x)
    .selectFrom('customer_aliases as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .select('c.id')
    .where('a.name', '=', name)
    .where('a.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}
