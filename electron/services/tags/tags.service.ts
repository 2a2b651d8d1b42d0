import type { Tag } from '../../../shared/api/tags.contract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { newId } from '../../../db/newId.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { insertAudited } from '../../../db/repositories/auditedWrites.ts';
import { findLiveTagByName, listTags } from '../../../db/repositories/tagsRepo.ts';
import { auditMeta } from '../auditMeta.ts';
import type { ServiceContext } from '../serviceContext.ts';

export async function listTagItems(ctx: ServiceContext) {
  const items = await listTags(ctx.db);
  return { items, total: items.length };
}

export async function createTag(ctx: ServiceContext, input: { name: string; color?: string | null | undefined }): Promise<Tag> {
  const tag = await withTransaction(ctx.db, async (tx) => {
    if (await findLiveTagByName(tx, input.name)) throw new AppError('DUPLICATE', `标签「${input.name}」已存在`, 'name');
    const row = await insertAudited(
      tx,
      'tags',
      { id: newId(), name: input.name, color: input.color ?? null, deleted_at: null },
      auditMeta(ctx, 'create'),
    );
    return { id: row.id, name: row.name, color: row.color };
  });
  ctx.emit('data:changed', { domains: ['tags'] });
  return tag;
}
