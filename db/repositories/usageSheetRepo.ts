// The usage sheet's reads (`import --kind usage`, `export usage`): customers by name or alias, and every live
// monthly figure with its customer's name.
import { q, type Executor } from '../handle.ts';
import type { UsageSheetRecord } from '../../shared/importExport/usageSheet.ts';
import { chunks } from './remindersRepo.ts';

/** Live customers by name, else by a live alias (a merged customer's old name): id by the name the sheet wrote. */
export async function liveCustomerIdsByNameOrAlias(x: Executor, names: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks(names)) {
    const rows = await q(x).selectFrom('customers').select(['id', 'name']).where('name', 'in', part).where('deleted_at', 'is', null).execute();
    for (const r of rows) out.set(r.name, r.id);
    const unmatched = part.filter((n) => !out.has(n));
    if (unmatched.length === 0) continue;
    const aliased = await q(x)
      .selectFrom('customer_aliases as a')
      .innerJoin('customers as c', 'c.id', 'a.customer_id')
      .select(['a.name', 'c.id'])
      .where('a.name', 'in', unmatched)
      .where('a.deleted_at', 'is', null)
      .where('c.deleted_at', 'is', null)
      .execute();
    for (const r of aliased) out.set(r.name, r.id);
  }
  return out;
}

/** Every live monthly figure of a live customer, by customer name then month; `ownerId`: that owner's customers only. */
export async function listUsageForExport(x: Executor, ownerId?: string): Promise<UsageSheetRecord[]> {
  return q(x)
    .selectFrom('usage_figures as u')
    .innerJoin('customers as c', 'c.id', 'u.customer_id')
    .select(['c.name as customerName', 'u.period_start as periodStart', 'u.value', 'u.unit'])
    .where('u.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where('u.period_kind', '=', 'month')
    .$if(ownerId !== undefined, (b) => b.where('c.owner_id', '=', ownerId ?? ''))
    .orderBy('c.name')
    .orderBy('u.period_start')
    .execute();
}
