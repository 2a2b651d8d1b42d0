import type { ContractListItem } from '../../../shared/api/contracts.contract.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import type { Tier } from '../../../shared/domain/enums.ts';
import { displayStatusOf } from '../../../shared/renewals/displayStatus.ts';
import type { Executor } from '../../../db/handle.ts';
import type { ContractWithTier } from '../../../db/repositories/contractsRepo.ts';
import { loadReminderConfig } from '../reminders/reminderConfig.ts';
import type { ServiceContext } from '../serviceContext.ts';

/** Per tier, the days before the end within which a term is 即将到期: the tier ladder's first (largest) step. */
export async function dueSoonDaysByTier(x: Executor): Promise<Map<Tier, number>> {
  const config = await loadReminderConfig(x);
  const out = new Map<Tier, number>();
  for (const [tier, steps] of Object.entries(config.ladders)) out.set(tier, Math.max(0, steps?.[0] ?? 0));
  return out;
}

/** Listed contracts with the one status every page shows for them (生效中, 即将到期, 已逾期, …). */
export async function withDisplayStatus(ctx: ServiceContext, x: Executor, items: readonly ContractWithTier[]): Promise<ContractListItem[]> {
  if (items.length === 0) return [];
  const dueSoon = await dueSoonDaysByTier(x);
  const today = localDateOf(ctx.now());
  return items.map(({ customerTier, ...contract }) => {
    const dueSoonDays = dueSoon.get(customerTier) ?? dueSoon.get('normal') ?? 0;
    return { ...contract, dueSoonDays, displayStatus: displayStatusOf(contract, today, dueSoonDays) };
  });
}
