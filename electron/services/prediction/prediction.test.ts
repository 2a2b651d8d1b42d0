import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeCustomerHealth } from '../../../db/repositories/customerHealthRepo.ts';
import { readTermFacts } from '../../../db/repositories/predictionFeatures.ts';
import { featureVector, PREDICTION_FEATURES } from '../../../shared/domain/renewalFeatures.ts';
import { mulberry32 } from '../../../shared/domain/seededRandom.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { predictContracts } from './prediction.service.ts';

// Real SQLite file, the real handler table and the injected clock (2026-12-05): decided terms count once they
// ended by 2026-09-06 (today − 90 days).

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext('2026-12-05T02:00:00.000Z');
});
afterEach(async () => {
  await t.close();
});

const offset = () => -t.ctx.now().getTimezoneOffset();
const noon = (date: string) => new Date(`${date}T12:00:00`).toISOString();

describe('features as of 90 days before the end', () => {
  it('reads each signal as it stood on the as-of date, and nothing dated after it changes them', async () => {
    const customerId = (await t.call('customers:create', { name: '杭州云启科技有限公司' })).id;
    await t.call('contacts:create', { customerId, name: '王敏', phone: '13800000000' });
    const earlier = (await t.call('contracts:create', { customerId, number: 'HT-0', endsOn: '2025-06-30', amountFen: 1_000_000, status: 'renewed' })).id;
    const id = (await t.call('contracts:create', { customerId, number: 'HT-1', endsOn: '2026-06-30', amountFen: 1_200_000, cycle: 'year', renewalOf: earlier })).id;
    await t.call('renewals:setStage', { contractId: id, stage: 'lost', lostReason: '价格' });
    // As of 2026-04-01: the instalment due 03-01 is unpaid (31 days), usage Dec–Mar 100/100/100/50 (50% drop),
    // one competitor event in the 90 days, 咨询 1/1/1 then 6 in March, the last follow-up on 03-20.
    const inst = (await t.call('payments:set', { contractId: id, dueOn: '2026-03-01', dueAmountFen: 600_000 })).instalment;
    for (const [day, value] of [['2025-12-05', 100], ['2026-01-05', 100], ['2026-02-05', 100], ['2026-03-05', 50]] as const) {
      await t.call('usage:set', { customerId, periodOn: day, value });
    }
    await t.call('competitorEvents:add', { customerId, happenedOn: '2026-03-15', text: '竞品报价' });
    await t.call('competitorEvents:add', { customerId, happenedOn: '2025-12-15', text: '太早了' });
    for (const day of ['2025-12-10', '2026-01-10', '2026-02-10', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-20']) {
      await t.call('followups:create', { customer: customerId, at: noon(day), kind: 'inquiry', channel: 'phone', summary: '咨询' });
    }
    // The training set's view: decided terms that ended by today − 90 days, each as of its end − 90 days.
    const read = async () => (await readTermFacts(t.ctx.db, { kind: 'decided', endedBy: '2026-09-06' }, offset())).find((f) => f.termId === id)!;
    const before = await read();
    expect(before).toMatchObject({ asOf: '2026-04-01', outcome: 0, paymentDelayDays: 31, competitorEvents90: 1, lastFollowUpOn: '2026-03-20', hasPhoneContact: true, earlierTerms: 1, tier: 'normal' });
    const vector = Object.fromEntries(PREDICTION_FEATURES.map((k, j) => [k, featureVector(before)[j]]));
    expect(vector).toMatchObject({ paymentDelay: 31, usageDrop: 50, competitorEvents: 1, daysSinceFollowUp: 12, noPhoneContact: 0, cycleMonths: 12, tierRank: 30, earlierRenewals: 1 });
    // March had 6 against a mean of 1: |6 − 1| / max(2, 0.5) = 2.5.
    expect(vector.interactionChange).toBeCloseTo(2.5, 9);
    expect(vector.amountLog).toBeCloseTo(Math.log1p(12_000), 9);

    // Signals dated after the as-of date: the instalment paid in May, April usage, later events and follow-ups.
    await t.call('payments:record', { id: inst.id, amountFen: 600_000, paidOn: '2026-05-01' });
    await t.call('usage:set', { customerId, periodOn: '2026-04-10', value: 0 });
    await t.call('competitorEvents:add', { customerId, happenedOn: '2026-04-02', text: '竞品上线新版本' });
    await t.call('followups:create', { customer: customerId, at: noon('2026-04-01'), kind: 'ticket', channel: 'phone', summary: '工单' });
    await t.call('followups:create', { customer: customerId, at: noon('2026-04-20'), kind: 'revisit', channel: 'phone', summary: '回访' });
    await t.call('payments:set', { contractId: id, dueOn: '2026-04-15', dueAmountFen: 600_000 });
    const after = await read();
    // 04-01's own ticket is in April (not a whole month before the as-of date) but is the day's last follow-up.
    expect({ ...after, lastFollowUpOn: '2026-03-20' }).toEqual(before);
    expect(after.lastFollowUpOn).toBe('2026-04-01');
  });
});

/** `n` customers with one decided term each, ended 2024-10 … 2026-08; lost ones mostly had a competitor event and a late payment. */
async function seedHistory(n: number, seed = 13) {
  const rand = mulberry32(seed);
  for (let i = 0; i < n; i++) {
    const lost = rand() < 0.4;
    const endsOn = new Date(Date.UTC(2024, 9, 1) + Math.floor((i / n) * 690) * 86_400_000).toISOString().slice(0, 10);
    const customerId = (await t.call('customers:create', { name: `客户${i}` })).id;
    const id = (await t.call('contracts:create', { customerId, number: `H-${i}`, endsOn, amountFen: 100_000 + Math.floor(rand() * 900_000), status: lost ? 'active' : 'renewed' })).id;
    if (lost) await t.call('renewals:setStage', { contractId: id, stage: 'lost', lostReason: '价格' });
    const asOf = new Date(Date.parse(endsOn) - 100 * 86_400_000).toISOString().slice(0, 10);
    if (rand() < (lost ? 0.7 : 0.1)) await t.call('competitorEvents:add', { customerId, happenedOn: asOf, text: '竞品报价' });
    if (rand() < (lost ? 0.6 : 0.15)) await t.call('payments:set', { contractId: id, dueOn: new Date(Date.parse(asOf) - 40 * 86_400_000).toISOString().slice(0, 10), dueAmountFen: 50_000 });
  }
}

describe('the model over the archive', () => {
  it('falls back to rule-based odds below 50 decided terms and says how many it has', async () => {
    await seedHistory(6);
    const report = await t.call('prediction:model');
    expect(report).toMatchObject({ status: 'fallback', fallbackReason: 'tooFew', decided: 6, needed: 50, endedBy: '2026-09-06', auc: null });
    const customerId = (await t.call('customers:create', { name: '续约中' })).id;
    await t.call('contracts:create', { customerId, number: 'LIVE-1', endsOn: '2027-01-20' });
    const upcoming = await t.call('prediction:upcoming', { withinDays: 90 });
    expect(upcoming.status).toBe('fallback');
    expect(upcoming.items).toHaveLength(1);
    expect(upcoming.items[0]).toMatchObject({ contractNo: 'LIVE-1', method: 'fallback', asOf: '2026-12-05', drivers: [] });
    const rate = report.fallback.tiers[0].rate;
    const withBand = (factor: number) => ((rate / (1 - rate)) * factor) / (1 + (rate / (1 - rate)) * factor);
    // The health score's own recompute has scored the new customer 健康 (a contact with a phone is all it lacks): odds ×1.5.
    expect(upcoming.items[0].fallbackDrivers).toEqual([{ kind: 'tierRate', tier: 'normal', rate }, { kind: 'healthBand', band: 'healthy', oddsFactor: 1.5 }]);
    expect(upcoming.items[0].probability).toBeCloseTo(withBand(1.5), 3);
    // A stored 高危 health band halves the odds.
    await storeCustomerHealth(t.ctx.db, [{ customerId, score: 30, factors: [], weekOf: '2026-11-30' }], '2026-12-05T02:00:00.000Z');
    const banded = (await t.call('prediction:upcoming', { withinDays: 90 })).items[0];
    expect(banded.probability).toBeCloseTo(withBand(0.5), 3);
    expect(banded.fallbackDrivers).toEqual([{ kind: 'tierRate', tier: 'normal', rate }, { kind: 'healthBand', band: 'danger', oddsFactor: 0.5 }]);
  });

  it('fits at 50 or more, reports held-out AUC and calibration, and explains each upcoming contract by its top drivers', async () => {
    await seedHistory(64);
    const report = await t.call('prediction:model');
    expect(report).toMatchObject({ status: 'fitted', fallbackReason: null, decided: 64, trainCount: 48, testCount: 16 });
    expect(report.testFrom >= '2025-12-01').toBe(true);
    expect(report.auc).toBeGreaterThanOrEqual(0.7);
    expect(report.calibration.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(16);
    const weight = (f: string) => report.weights.find((w: { feature: string }) => w.feature === f).weight;
    expect(weight('competitorEvents')).toBeLessThan(0);
    expect(weight('paymentDelay')).toBeLessThan(0);

    const customerId = (await t.call('customers:create', { name: '有竞品的客户' })).id;
    const risky = (await t.call('contracts:create', { customerId, number: 'LIVE-2', endsOn: '2027-02-01' })).id;
    await t.call('competitorEvents:add', { customerId, happenedOn: '2026-11-01', text: '竞品报价' });
    const quiet = (await t.call('customers:create', { name: '安静的客户' })).id;
    await t.call('contracts:create', { customerId: quiet, number: 'LIVE-3', endsOn: '2027-02-01' });
    const upcoming = await t.call('prediction:upcoming', { withinDays: 90 });
    const [a, b] = ['LIVE-2', 'LIVE-3'].map((no) => upcoming.items.find((i: { contractNo: string }) => i.contractNo === no));
    expect(a.method).toBe('model');
    expect(a.probability).toBeLessThan(b.probability);
    expect(a.drivers).toHaveLength(3);
    expect(a.drivers.find((d: { feature: string }) => d.feature === 'competitorEvents')).toMatchObject({ value: 1 });
    expect(a.drivers.find((d: { feature: string }) => d.feature === 'competitorEvents').contribution).toBeLessThan(0);
    // The exported service gives the same odds for the same contract.
    const [direct] = await predictContracts(t.ctx, [risky]);
    expect(direct!.probability).toBe(a.probability);
  });
});
