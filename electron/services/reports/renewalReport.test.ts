import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { seedRenewalReportFixture, type SeededFixture } from '../../../test-support/reports/renewalReportFixture.ts';

// Every expected number below is worked out by hand from the fixture's table (test-support/reports/
// renewalReportFixture.ts), not by the code under test. Amounts in fen.

let t: TestContext;
let seeded: SeededFixture;
beforeAll(async () => {
  t = await openTestContext('2026-11-23T02:00:00.000Z');
  seeded = await seedRenewalReportFixture(t);
}, 60_000); // Some 40 writes through the handlers: past the 10 s default on a loaded machine's PostgreSQL.
afterAll(async () => {
  await t.close();
});

const tally = (count: number, amountFen: number) => ({ count, amountFen });

describe('reports:renewal against the hand-computed fixture', () => {
  it('the year 2026: 18 due (once, terminated, deleted and out-of-period terms left out)', async () => {
    // Due: K01 K03 K04 K05 K07 K08 K09 K12 K14 K16 K17 K19 K20 K21 K22 K26 K28 K29.
    // Renewed K01 K03 K05 K07 K14 K20 K26 K29 (K07's amount unknown): 1,000,000 + 500,000 + 300,000 + 100,000
    // + 250,000 + 0 + 90,000. Lost K04 K12 K21 (K21 unknown): 480,000 + 200,000. Pending K08 K09 K16 K17 K19 K22
    // K28: 20,000 + 150,000 + 400,000 + 60,000 + 1,100,000 + 130,000 + 70,000.
    // Net: K01 +200,000, K03 −50,000 (the record's 450,000), K05 0, K14 +10,000, K26 +50,000; K07 K20 K29 have
    // an unknown amount on one side.
    expect(await t.call('reports:renewal', { period: '2026' })).toEqual({
      period: { from: '2026-01-01', to: '2026-12-31' },
      due: tally(18, 4_850_000),
      renewed: tally(8, 2_240_000),
      lost: tally(3, 680_000),
      pending: tally(7, 1_930_000),
      unknownAmount: { count: 2 },
      rate: { byCount: 8 / 18, byAmount: 2_240_000 / 4_850_000 },
      netChangeFen: 210_000,
    });
  });

  it('a month: 2026-03 has the early renewal K03 and the history term K16', async () => {
    expect(await t.call('reports:renewal', { period: '2026-03' })).toEqual({
      period: { from: '2026-03-01', to: '2026-03-31' },
      due: tally(2, 900_000),
      renewed: tally(1, 500_000),
      lost: tally(0, 0),
      pending: tally(1, 400_000),
      unknownAmount: { count: 0 },
      rate: { byCount: 0.5, byAmount: 500_000 / 900_000 },
      netChangeFen: -50_000,
    });
  });

  it('a month with nothing due has null rates', async () => {
    const r = await t.call('reports:renewal', { period: '2026-10' });
    expect(r).toMatchObject({ due: tally(0, 0), rate: { byCount: null, byAmount: null }, netChangeFen: 0 });
  });

  it('a quarter: 2026-Q3, two unknown amounts', async () => {
    // K20 (07-01) R 250,000, K07 (07-31) R unknown, K29 (08-20) R 90,000, K08 (08-31) P 20,000, K09 (09-30) P
    // 150,000, K21 (09-30) L unknown; K25 is deleted.
    expect(await t.call('reports:renewal', { period: '2026-Q3' })).toEqual({
      period: { from: '2026-07-01', to: '2026-09-30' },
      due: tally(6, 510_000),
      renewed: tally(3, 340_000),
      lost: tally(1, 0),
      pending: tally(2, 170_000),
      unknownAmount: { count: 2 },
      rate: { byCount: 0.5, byAmount: 340_000 / 510_000 },
      netChangeFen: 0,
    });
  });

  it('a custom range: the first half of 2026, boundaries inclusive', async () => {
    // K28 (01-01) P 70,000, K01 R 1,000,000, K12 L 200,000, K03 R 500,000, K16 P 400,000, K05 R 300,000, K04 L
    // 480,000, K26 (06-30) R 0. K10 (once), K11 (terminated), K15 (deleted customer) are out.
    expect(await t.call('reports:renewal', { period: '2026-01-01..2026-06-30' })).toEqual({
      period: { from: '2026-01-01', to: '2026-06-30' },
      due: tally(8, 2_950_000),
      renewed: tally(4, 1_800_000),
      lost: tally(2, 680_000),
      pending: tally(2, 470_000),
      unknownAmount: { count: 0 },
      rate: { byCount: 0.5, byAmount: 1_800_000 / 2_950_000 },
      netChangeFen: 200_000,
    });
  });

  it('by owner: the contract owner wins over the customer owner (K29 is 张三)', async () => {
    const r = await t.call('reports:renewal', { period: '2026', by: 'owner' });
    expect(r.groups).toEqual([
      { key: seeded.ownerIds.zhang, label: '张三', due: tally(5, 2_320_000), renewed: tally(4, 1_840_000), lost: tally(1, 480_000), pending: tally(0, 0), rate: { byCount: 0.8, byAmount: 1_840_000 / 2_320_000 } },
      { key: seeded.ownerIds.li, label: '李四', due: tally(6, 620_000), renewed: tally(3, 400_000), lost: tally(2, 200_000), pending: tally(1, 20_000), rate: { byCount: 0.5, byAmount: 400_000 / 620_000 } },
      { key: 'none', label: '无负责人', due: tally(7, 1_910_000), renewed: tally(1, 0), lost: tally(0, 0), pending: tally(6, 1_910_000), rate: { byCount: 1 / 7, byAmount: 0 } },
    ]);
    expect(r.due).toEqual(tally(18, 4_850_000));
  });

  it('by tier and by cycle, labelled in the archive language', async () => {
    const tiers = await t.call('reports:renewal', { period: '2026', by: 'tier' });
    expect(tiers.groups).toEqual([
      { key: 'vip', label: 'VIP', due: tally(7, 2_620_000), renewed: tally(5, 1_940_000), lost: tally(2, 680_000), pending: tally(0, 0), rate: { byCount: 5 / 7, byAmount: 1_940_000 / 2_620_000 } },
      { key: 'important', label: '重要', due: tally(8, 1_880_000), renewed: tally(3, 300_000), lost: tally(1, 0), pending: tally(4, 1_580_000), rate: { byCount: 3 / 8, byAmount: 300_000 / 1_880_000 } },
      { key: 'normal', label: '普通', due: tally(3, 350_000), renewed: tally(0, 0), lost: tally(0, 0), pending: tally(3, 350_000), rate: { byCount: 0, byAmount: 0 } },
    ]);
    const cycles = await t.call('reports:renewal', { period: '2026', by: 'cycle' });
    expect(cycles.groups.map((g: any) => [g.key, g.label, g.due.count])).toEqual([
      ['month', '月', 2],
      ['quarter', '季', 3],
      ['half_year', '半年', 1],
      ['year', '年', 11],
      ['unset', '周期未知', 1],
    ]);
    await t.call('settings:set', { locale: 'en-US' });
    const en = await t.call('reports:renewal', { period: '2026', by: 'owner' });
    expect(en.groups.at(-1).label).toBe('No owner');
    await t.call('settings:set', { locale: 'zh-CN' });
  });
});

describe('reports:terms, the lists behind the numbers', () => {
  it('lists the renewed terms with their renewal amount and gap (negative = early)', async () => {
    const page = await t.call('reports:terms', { period: '2026', outcome: 'renewed' });
    expect(page.total).toBe(8);
    expect(page.items.map((i: any) => [i.contractNo, i.renewalAmountFen, i.gapDays])).toEqual([
      ['K01', 1_200_000, 0],
      ['K03', 450_000, -24],
      ['K05', 300_000, 61],
      ['K26', 50_000, 0],
      ['K20', null, -7],
      ['K07', 20_000, 0],
      ['K29', null, 0],
      ['K14', 110_000, -12],
    ]);
  });

  it('filters by outcome, owner, tier and cycle, and pages', async () => {
    const lost = await t.call('reports:terms', { period: '2026', outcome: 'lost' });
    expect(lost.items.map((i: any) => [i.contractNo, i.lostReason])).toEqual([['K12', '预算'], ['K04', '价格'], ['K21', '转竞品']]);
    const none = await t.call('reports:terms', { period: '2026', ownerId: 'none', limit: 3 });
    expect(none.total).toBe(7);
    expect(none.items.map((i: any) => i.contractNo)).toEqual(['K28', 'K16', 'K26']);
    expect((await t.call('reports:terms', { period: '2026', ownerId: 'none', offset: 6 })).items.map((i: any) => i.contractNo)).toEqual(['K22']);
    expect((await t.call('reports:terms', { period: '2026', tier: 'normal' })).total).toBe(3);
    expect((await t.call('reports:terms', { period: '2026', cycle: 'unset' })).items[0]).toMatchObject({ contractNo: 'K09', cycle: null, outcome: 'pending', ownerName: null });
    const zhang = await t.call('reports:terms', { period: '2026', ownerId: seeded.ownerIds.zhang, outcome: 'renewed' });
    expect(zhang.items.map((i: any) => i.contractNo)).toEqual(['K01', 'K03', 'K20', 'K29']);
  });
});

describe('reports:cohorts', () => {
  it('groups the due terms by their own signing (else start) year', async () => {
    const { items } = await t.call('reports:cohorts', { period: '2026' });
    // Started 2025: K01 K03 K05 K09 K12 K16 K20 K21 K26 K28 K29; started 2026: K04 K07 K08 K14 K17 K19 K22.
    expect(items.map((i: any) => [i.signedYear, i.due.count, i.renewed.count])).toEqual([
      ['2025', 11, 6],
      ['2026', 7, 2],
    ]);
  });
});

describe('reports:dashboard', () => {
  it('counts upcoming, overdue and history on 2026-11-23, with the standard periods', async () => {
    const d = await t.call('reports:dashboard', {});
    expect(d.today).toBe('2026-11-23');
    // 30 days: K17. 90 days: + K22 K19 (12-31), K24 (2027-01-01), K02 (2027-01-31). 365 days: + K06 K27 (2027-06-30),
    // K30 (unknown amount), K13.
    expect(d.upcoming).toEqual({ d30: tally(1, 60_000), d90: tally(5, 2_540_000), d365: tally(9, 3_140_000) });
    // Overdue: K08 (negotiating), K09, K10 (once, as on the 续约 list). History: K16, K28.
    expect(d.overdue).toEqual(tally(3, 250_000));
    expect(d.history).toEqual(tally(2, 470_000));
    expect(d.rates.month).toMatchObject({ period: { from: '2026-11-01', to: '2026-11-30' }, due: tally(1, 60_000), rate: { byCount: 0, byAmount: 0 } });
    expect(d.rates.quarter.period).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    // Year to date (to 11-23): the year without K14, K19, K22 and K17 (11-30).
    expect(d.rates.yearToDate).toMatchObject({ due: tally(14, 3_460_000), renewed: tally(7, 2_140_000) });
    expect(d.trend.map((m: any) => m.month)).toEqual([
      '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
    ]);
    // 2025-12: K18 (renewed by K19); 2026-06: K04 (lost), K26 (renewed), K11 terminated.
    expect(d.trend.map((m: any) => [m.due, m.renewed])).toEqual([
      [1, 1], [2, 1], [1, 0], [2, 1], [1, 1], [0, 0], [2, 1], [2, 2], [2, 1], [2, 0], [0, 0], [1, 0],
    ]);
    expect(d.trend[10].rate).toEqual({ byCount: null, byAmount: null });
    const zhang = d.owners.find((o: any) => o.ownerName === '张三');
    // 张三: K24 and K02 within 90 days; nothing overdue; year to date K01 K03 K04 K20 K29, four renewed.
    expect(zhang).toEqual({ ownerId: seeded.ownerIds.zhang, ownerName: '张三', upcoming90: tally(2, 1_250_000), overdue: tally(0, 0), yearToDate: { byCount: 0.8, byAmount: 1_840_000 / 2_320_000 } });
    expect(d.owners.at(-1)).toMatchObject({ ownerId: null, ownerName: null, upcoming90: tally(3, 1_290_000), overdue: tally(2, 230_000) });
  });
});
