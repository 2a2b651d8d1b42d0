import type { RenewalEvent } from '../../../shared/api/renewals.contract.ts';
import { RENEWAL_STAGES, type RenewalStage } from '../../../shared/domain/enums.ts';
import { renewalAuditOfCustomer } from '../../../db/repositories/renewalEventsRepo.ts';
import { requireCustomer } from '../references/customerRefs.ts';
import type { ServiceContext } from '../serviceContext.ts';

const isStage = (v: unknown): v is RenewalStage => typeof v === 'string' && (RENEWAL_STAGES as readonly string[]).includes(v);

/** What happened to the customer's renewals: each audited write that moved a term to another stage. */
export async function renewalEventsOf(ctx: ServiceContext, customerId: string, limit: number): Promise<{ items: RenewalEvent[] }> {
  await requireCustomer(ctx.db, customerId, 'customerId');
  const rows = await renewalAuditOfCustomer(ctx.db, customerId, limit);
  const items: RenewalEvent[] = [];
  for (const r of rows) {
    const fromStage = isStage(r.fromStage) ? r.fromStage : null;
    if (!isStage(r.toStage) || r.toStage === (fromStage ?? 'pending')) continue;
    items.push({ ...r, fromStage, toStage: r.toStage, lostReason: r.toStage === 'lost' ? r.lostReason : null, lostNote: r.toStage === 'lost' ? r.lostNote : null });
  }
  return { items };
}
