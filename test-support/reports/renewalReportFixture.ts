import { withTransaction } from '../../db/withTransaction.ts';
import { saveRenewalStage } from '../../db/repositories/renewalsRepo.ts';
import { auditMeta } from '../../electron/services/auditMeta.ts';
import type { TestContext } from '../openTestContext.ts';

// A hand-made archive of 30 contracts whose report figures are worked out by hand in renewalReport.test.ts.
// Owners: 张三 (customers 甲 and 戊), 李四 (乙 and 丁); 丙 and 己 have none. Tiers: 甲 丁 vip, 乙 己 important,
// 丙 戊 normal. 戊 is deleted. 丁 left (K12 lost) and came back (K13, a new term that renews nothing).

export interface FixtureCustomer {
  key: string;
  name: string;
  tier: 'vip' | 'important' | 'normal';
  owner: 'zhang' | 'li' | null;
  deleted?: boolean;
}

export interface FixtureContract {
  no: string;
  customer: string;
  startsOn: string;
  endsOn: string;
  amountFen: number | null;
  cycle: 'month' | 'quarter' | 'half_year' | 'year' | 'once' | null;
  status?: 'active' | 'expired' | 'renewed' | 'terminated';
  /** The contract's own owner, over its customer's. */
  owner?: 'zhang' | 'li';
  /** The number of the term this one renews. */
  renews?: string;
  stage?: { stage: 'contacted' | 'negotiating' | 'renewed' | 'lost'; outcomeOn?: string; outcomeAmountFen?: number; lostReason?: string };
  deleted?: boolean;
}

export const FIXTURE_CUSTOMERS: FixtureCustomer[] = [
  { key: 'jia', name: '客户甲', tier: 'vip', owner: 'zhang' },
  { key: 'yi', name: '客户乙', tier: 'important', owner: 'li' },
  { key: 'bing', name: '客户丙', tier: 'normal', owner: null },
  { key: 'ding', name: '客户丁', tier: 'vip', owner: 'li' },
  { key: 'wu', name: '客户戊', tier: 'normal', owner: 'zhang', deleted: true },
  { key: 'ji', name: '客户己', tier: 'important', owner: null },
];

export const FIXTURE_CONTRACTS: FixtureContract[] = [
  // Renewed by its successor (status 已续约, no record): upsell 1,000,000 → 1,200,000.
  { no: 'K01', customer: 'jia', startsOn: '2025-02-01', endsOn: '2026-01-31', amountFen: 1_000_000, cycle: 'year', status: 'renewed' },
  { no: 'K02', customer: 'jia', startsOn: '2026-02-01', endsOn: '2027-01-31', amountFen: 1_200_000, cycle: 'year', renews: 'K01' },
  // Early renewal (successor starts 24 days before the end), the record's amount wins: 500,000 → 450,000.
  { no: 'K03', customer: 'jia', startsOn: '2025-12-16', endsOn: '2026-03-15', amountFen: 500_000, cycle: 'quarter', status: 'renewed', stage: { stage: 'renewed', outcomeOn: '2026-02-20', outcomeAmountFen: 450_000 } },
  { no: 'K04', customer: 'jia', startsOn: '2026-02-20', endsOn: '2026-06-15', amountFen: 480_000, cycle: 'quarter', renews: 'K03', stage: { stage: 'lost', lostReason: '价格' } },
  // Renewal after a 61-day gap, at the same amount (the successor's, the record has none).
  { no: 'K05', customer: 'yi', startsOn: '2025-05-01', endsOn: '2026-04-30', amountFen: 300_000, cycle: 'year', status: 'renewed', stage: { stage: 'renewed', outcomeOn: '2026-07-01' } },
  { no: 'K06', customer: 'yi', startsOn: '2026-07-01', endsOn: '2027-06-30', amountFen: 300_000, cycle: 'year', renews: 'K05' },
  // Unknown amount, renewed.
  { no: 'K07', customer: 'yi', startsOn: '2026-07-01', endsOn: '2026-07-31', amountFen: null, cycle: 'month', status: 'renewed' },
  { no: 'K08', customer: 'yi', startsOn: '2026-08-01', endsOn: '2026-08-31', amountFen: 20_000, cycle: 'month', renews: 'K07', stage: { stage: 'negotiating' } },
  // Unknown cycle: counts.
  { no: 'K09', customer: 'bing', startsOn: '2025-10-01', endsOn: '2026-09-30', amountFen: 150_000, cycle: null },
  // 一次性 and terminated: never due.
  { no: 'K10', customer: 'bing', startsOn: '2026-05-01', endsOn: '2026-05-31', amountFen: 80_000, cycle: 'once' },
  { no: 'K11', customer: 'bing', startsOn: '2025-07-01', endsOn: '2026-06-30', amountFen: 90_000, cycle: 'year', status: 'terminated' },
  // 丁 left…
  { no: 'K12', customer: 'ding', startsOn: '2025-03-01', endsOn: '2026-02-28', amountFen: 200_000, cycle: 'year', stage: { stage: 'lost', lostReason: '预算' } },
  // …and came back (a new term, renewing nothing).
  { no: 'K13', customer: 'ding', startsOn: '2026-10-01', endsOn: '2027-09-30', amountFen: 250_000, cycle: 'year' },
  // Renewed with no later term on file (the sheet said 已续费), 12 days early, at 110,000.
  { no: 'K14', customer: 'ding', startsOn: '2026-07-01', endsOn: '2026-12-31', amountFen: 100_000, cycle: 'half_year', stage: { stage: 'renewed', outcomeOn: '2026-12-20', outcomeAmountFen: 110_000 } },
  // A deleted customer's term: never due.
  { no: 'K15', customer: 'wu', startsOn: '2025-05-16', endsOn: '2026-05-15', amountFen: 700_000, cycle: 'year' },
  // 已到期 history: pending.
  { no: 'K16', customer: 'ji', startsOn: '2025-04-01', endsOn: '2026-03-31', amountFen: 400_000, cycle: 'year', status: 'expired' },
  { no: 'K17', customer: 'ji', startsOn: '2026-09-01', endsOn: '2026-11-30', amountFen: 60_000, cycle: 'quarter', stage: { stage: 'contacted' } },
  // Across the year's start: K18 ends in 2025, its successor K19 in 2026.
  { no: 'K18', customer: 'ji', startsOn: '2025-01-01', endsOn: '2025-12-31', amountFen: 999_000, cycle: 'year', status: 'renewed' },
  { no: 'K19', customer: 'ji', startsOn: '2026-01-01', endsOn: '2026-12-31', amountFen: 1_100_000, cycle: 'year', renews: 'K18' },
  // Renewed (record) with no amount and no later term: the net change leaves it out.
  { no: 'K20', customer: 'jia', startsOn: '2025-07-02', endsOn: '2026-07-01', amountFen: 250_000, cycle: 'year', stage: { stage: 'renewed', outcomeOn: '2026-06-25' } },
  // Lost, unknown amount.
  { no: 'K21', customer: 'yi', startsOn: '2025-10-01', endsOn: '2026-09-30', amountFen: null, cycle: 'year', stage: { stage: 'lost', lostReason: '转竞品' } },
  // On the year's last day.
  { no: 'K22', customer: 'bing', startsOn: '2026-01-01', endsOn: '2026-12-31', amountFen: 130_000, cycle: 'year' },
  // Just past the year's end.
  { no: 'K24', customer: 'jia', startsOn: '2026-01-02', endsOn: '2027-01-01', amountFen: 50_000, cycle: 'year' },
  // A deleted contract: never due.
  { no: 'K25', customer: 'yi', startsOn: '2025-08-16', endsOn: '2026-08-15', amountFen: 333_000, cycle: 'year', deleted: true },
  // A free term (known amount 0) renewed into a paid one: renewed amount 0, net change +50,000.
  { no: 'K26', customer: 'ji', startsOn: '2025-07-01', endsOn: '2026-06-30', amountFen: 0, cycle: 'year', status: 'renewed' },
  { no: 'K27', customer: 'ji', startsOn: '2026-07-01', endsOn: '2027-06-30', amountFen: 50_000, cycle: 'year', renews: 'K26' },
  // On the year's first day, history.
  { no: 'K28', customer: 'bing', startsOn: '2025-01-02', endsOn: '2026-01-01', amountFen: 70_000, cycle: 'year', status: 'expired' },
  // The contract's own owner (张三) over its customer's (李四); the successor's amount is unknown.
  { no: 'K29', customer: 'ding', startsOn: '2025-08-21', endsOn: '2026-08-20', amountFen: 90_000, cycle: 'year', owner: 'zhang', status: 'renewed' },
  { no: 'K30', customer: 'ding', startsOn: '2026-08-21', endsOn: '2027-08-20', amountFen: null, cycle: 'year', renews: 'K29' },
];

export interface SeededFixture {
  contractIds: Map<string, string>;
  ownerIds: { zhang: string; li: string };
}

/** Writes the fixture through the real handler table (and the renewals repository for exact outcome records). */
export async function seedRenewalReportFixture(t: TestContext): Promise<SeededFixture> {
  const ownerIds = {
    zhang: (await t.call('owners:create', { name: '张三' })).id as string,
    li: (await t.call('owners:create', { name: '李四' })).id as string,
  };
  const customerIds = new Map<string, string>();
  for (const c of FIXTURE_CUSTOMERS) {
    const created = await t.call('customers:create', { name: c.name, tier: c.tier, ownerId: c.owner ? ownerIds[c.owner] : null });
    customerIds.set(c.key, created.id);
  }
  const contractIds = new Map<string, string>();
  for (const k of FIXTURE_CONTRACTS) {
    const created = await t.call('contracts:create', {
      customerId: customerIds.get(k.customer),
      number: k.no,
      startsOn: k.startsOn,
      endsOn: k.endsOn,
      amountFen: k.amountFen,
      cycle: k.cycle,
      status: k.status ?? 'active',
      ownerId: k.owner ? ownerIds[k.owner] : null,
      renewalOf: k.renews ? contractIds.get(k.renews) : null,
    });
    contractIds.set(k.no, created.id);
  }
  await withTransaction(t.ctx.db, async (tx) => {
    for (const k of FIXTURE_CONTRACTS) {
      if (!k.stage) continue;
      const s = k.stage;
      await saveRenewalStage(
        tx,
        contractIds.get(k.no)!,
        {
          stage: s.stage,
          outcomeOn: s.outcomeOn ?? null,
          outcomeAmountFen: s.outcomeAmountFen ?? null,
          lostReason: s.lostReason ?? null,
          lostNote: null,
          newContractId: null,
        },
        auditMeta(t.ctx, 'stage'),
      );
    }
  });
  for (const k of FIXTURE_CONTRACTS) if (k.deleted) await t.call('contracts:delete', { id: contractIds.get(k.no) });
  for (const c of FIXTURE_CUSTOMERS) if (c.deleted) await t.call('customers:delete', { id: customerIds.get(c.key) });
  return { contractIds, ownerIds };
}
