import type { Tag } from '../../../shared/api/tags.contract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import type { Tx } from '../../../db/handle.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { findLiveTagByName, insertTag, listTags } from '../../../db/repositories/tagsRepo.ts';
import { auditMeta } from '../auditMeta.ts';
import type { ServiceContext } from '../serviceContext.ts';

export async function listTagItems(ctx: ServiceContext) {
  const items = await listTags(ctx.db);
  return { items, total: items.length };
}

export async function createTag(ctx: ServiceContext, input: { name: string; color?: string | null | undefined }): Promise<Tag> {
  return withTransaction(ctx.db, async (tx) => {
    if (await findLiveTagByName(tx, input.name)) throw new AppError('DUPLICATE', msg('errors.tagNameTaken', { name: input.name }), 'name');
    return insertTag(tx, { name: input.name, color: input.color ?? null }, auditMeta(ctx, 'create'));
  });
}

/**
 * The ids of the named tags, in the caller's transaction: a live tag of the same name is reused, any other
 * name becomes a new tag, so a customer is saved with its tags in one go.
 */
export async function tagIdsForNames(ctx: ServiceContext, tx: Tx, names: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const existing = await findLiveTagByName(tx, name);
    ids.push(existing ? existing.id : (await insertTag(tx, { name, color: null }, auditMeta(ctx, 'create'))).id);
  }
  return ids;
}
