import type { TierCellLabel } from '../../../shared/importExport/exportCells.ts';
import { tierLabelIn } from '../../../shared/tiers/tierTable.ts';
import type { Executor } from '../../../db/handle.ts';
import { listTiers } from '../../../db/repositories/tiersRepo.ts';

/** 客户等级 as the sheets write it: the tier table's name (zh-CN catalogue names for unrenamed built-ins, which the
 *  import reads back), so a custom tier round-trips by its name. */
export async function tierCellLabel(x: Executor): Promise<TierCellLabel> {
  const tiers = await listTiers(x);
  return (code) => tierLabelIn(tiers, code, 'zh-CN');
}
