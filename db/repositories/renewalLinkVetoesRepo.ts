import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import { insertAudited, type AuditMeta } from './auditedWrites.ts';

// Pairs of terms the user said are not a renewal (取消关联, 不是续约): the chain rule never links them again.

export interface LinkVeto {
  earlierId: string;
  laterId: string;
}

/** Records the veto once; a pair already vetoed is left as it is. */
export async function insertLinkVeto(tx: Tx, pair: LinkVeto, meta: AuditMeta): Promise<void> {
  if (await isLinkVetoed(tx, pair)) return;
  await insertAudited(tx, 'renewal_link_vetoes', { id: newId(), earlier_id: pair.earlierId, later_id: pair.laterId, deleted_at: null }, meta);
}

export async function isLinkVetoed(x: Executor, pair: LinkVeto): Promise<boolean> {
  const row = await q(x)
    .selectFrom('renewal_link_vetoes')
    .select('id')
    .where('earlier_id', '=', pair.earlierId)
    .where('later_id', '=', pair.laterId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every live veto touching one of `contractIds`, on either side: what a linker reads before it links. */
export async function linkVetoesFor(x: Executor, contractIds: readonly string[]): Promise<LinkVeto[]> {
  const out: LinkVeto[] = [];
  for (let i = 0; i < contractIds.length; i += 400) {
    const slice = contractIds.slice(i, i + 400);
    const rows = await q(x)
      .selectFrom('renewal_link_vetoes')
      .select(['earlier_id as earlierId', 'later_id as laterId'])
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('earlier_id', 'in', slice), eb('later_id', 'in', slice)]))
      .execute();
    out.push(...rows);
  }
  return out;
}

/** Every live veto, for a linker working over the whole archive. */
export async function allLinkVetoes(x: Executor): Promise<LinkVeto[]> {
  return q(x).selectFrom('renewal_link_vetoes').select(['earlier_id as earlierId', 'later_id as laterId']).where('deleted_at', 'is', null).execute();
}
