import type { NewTag } from '../../shared/api/recordWrites.ts';
import type { Tag } from '../../shared/api/tags.contract.ts';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import { insertAudited, writeAudit, type AuditMeta } from './auditedWrites.ts';

export async function listTags(x: Executor): Promise<Tag[]> {
  return q(x).selectFrom('tags').select(['id', 'name', 'color']).where('deleted_at', 'is', null).orderBy('name').execute();
}

export async function findLiveTagByName(x: Executor, name: string): Promise<Tag | undefined> {
  return q(x)
    .selectFrom('tags')
    .select(['id', 'name', 'color'])
    .where('deleted_at', 'is', null)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function tagsOfCustomers(x: Executor, customerIds: readonly string[]): Promise<Map<string, Tag[]>> {
  const out = new Map<string, Tag[]>();
  if (customerIds.length === 0) return out;
  const rows = await q(x)
    .selectFrom('customer_tags as ct')
    .innerJoin('tags as t', 't.id', 'ct.tag_id')
    .select(['ct.customer_id', 't.id', 't.name', 't.color'])
    .where('ct.customer_id', 'in', customerIds)
    .where('t.deleted_at', 'is', null)
    .orderBy('t.name')
    .execute();
  for (const r of rows) {
    const list = out.get(r.customer_id) ?? [];
    list.push({ id: r.id, name: r.name, color: r.color });
    out.set(r.customer_id, list);
  }
  return out;
}

async function replaceCustomerTags(tx: Tx, customerId: string, tagIds: readonly string[], at: string): Promise<string[]> {
  const k = q(tx);
  const before = await k.selectFrom('customer_tags').select('tag_id').where('customer_id', '=', customerId).execute();
  await k.deleteFrom('customer_tags').where('customer_id', '=', customerId).execute();
  const unique = [...new Set(tagIds)];
  if (unique.length > 0) {
    await k
      .insertInto('customer_tags')
      .values(unique.map((tagId) => ({ customer_id: customerId, tag_id: tagId, created_at: at, updated_at: at })))
      .execute();
  }
  return before.map((r) => r.tag_id);
}

export async function insertTag(tx: Tx, t: NewTag, meta: AuditMeta): Promise<Tag> {
  const row = await insertAudited(tx, 'tags', { id: newId(), name: t.name, color: t.color, deleted_at: null }, meta);
  return { id: row.id, name: row.name, color: row.color };
}

/** Replaces a customer's tags, recording the ids before and after on the customer's audit trail. */
export async function setCustomerTags(tx: Tx, customerId: string, tagIds: readonly string[], meta: AuditMeta): Promise<void> {
  const before = await replaceCustomerTags(tx, customerId, tagIds, meta.at);
  await writeAudit(tx, { ...meta, action: 'tags' }, 'customers', customerId, { tagIds: before }, { tagIds: [...tagIds] });
}
