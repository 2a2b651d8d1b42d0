import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_WEIGHTS, factorCaps, scoreHealth, type HealthFacts, type HealthWeights } from './healthScore.ts';

const base: HealthFacts = {
  customerId: 'c',
  paymentDelayDays: 0,
  usage: [],
  interactions: [],
  month: '2026-06',
  competitorEvents: 0,
  daysSinceFollowUp: 5,
  phoneContacts: 1,
  openComplaints: null,
  averageSatisfaction: null,
};
const usage = (...values: number[]) => values.map((value, i) => ({ period: `2026-0${i + 3}-01`, value }));
const pointsOf = (f: HealthFacts, w?: HealthWeights) => Object.fromEntries(scoreHealth(f, w).factors.map((c) => [c.factor, c.points]));

describe('scoreHealth on a fixture', () => {
  it('A: 23 days late and usage down 50%: −23 and −25, 关注', () => {
    const r = scoreHealth({ ...base, paymentDelayDays: 23, usage: usage(100, 100, 100, 50) });
    expect(r.factors.find((c) => c.factor === 'paymentDelay')).toEqual({ factor: 'paymentDelay', points: -23, measured: 23 });
    expect(r.factors.find((c) => c.factor === 'usageDrop')).toEqual({ factor: 'usageDrop', points: -25, measured: 50 });
    expect(r.score).toBe(52);
    expect(r.band).toBe('watch');
  });

  it('B: every signal at once, each capped: 30, 10, 15, 10, 5 off → 30, 高危', () => {
    const r = scoreHealth({
      ...base,
      paymentDelayDays: 45,
      interactions: [
        { period: '2026-03', value: 0 },
        { period: '2026-04', value: 1 },
        { period: '2026-05', value: 1 },
        { period: '2026-06', value: 6 },
      ],
      competitorEvents: 2,
      daysSinceFollowUp: 75,
      phoneContacts: 0,
    });
    expect(pointsOf({ ...base, paymentDelayDays: 45 }).paymentDelay).toBe(-30);
    expect(r.factors).toEqual([
      { factor: 'paymentDelay', points: -30, measured: 45 },
      { factor: 'usageDrop', points: 0, measured: null, absent: 'notEnoughData' },
      { factor: 'interactionChange', points: -10, measured: 5.3 },
      { factor: 'competitorEvent', points: -15, measured: 2 },
      { factor: 'noRecentFollowUp', points: -10, measured: 75 },
      { factor: 'openComplaints', points: 0, measured: null, absent: 'notAvailable' },
      { factor: 'lowSatisfaction', points: 0, measured: null, absent: 'notEnoughData' },
      { factor: 'noPhoneContact', points: -5, measured: 0 },
    ]);
    expect(r.score).toBe(30);
    expect(r.band).toBe('danger');
  });

  it('C: rising usage, steady interactions, a follow-up 59 days ago: nothing off, 健康', () => {
    const r = scoreHealth({
      ...base,
      usage: usage(100, 100, 100, 130),
      interactions: [
        { period: '2026-03', value: 2 },
        { period: '2026-06', value: 1 },
      ],
      daysSinceFollowUp: 59,
    });
    expect(r.factors.find((c) => c.factor === 'usageDrop')).toEqual({ factor: 'usageDrop', points: 0, measured: -30 });
    expect(r.factors.find((c) => c.factor === 'interactionChange')).toEqual({ factor: 'interactionChange', points: 0, measured: 0.3 });
    expect(r.score).toBe(100);
    expect(r.band).toBe('healthy');
    expect(pointsOf({ ...base, daysSinceFollowUp: 60 }).noRecentFollowUp).toBe(-10);
  });

  it('D: a 37% drop rounds 18.5 up to 19; complaints and satisfaction count once they are given', () => {
    const r = scoreHealth({ ...base, usage: usage(90, 100, 110, 63), openComplaints: 3, averageSatisfaction: 2 });
    expect(pointsOf({ ...base, usage: usage(90, 100, 110, 63) }).usageDrop).toBe(-19);
    expect(r.factors.find((c) => c.factor === 'openComplaints')).toEqual({ factor: 'openComplaints', points: -20, measured: 3 });
    expect(r.factors.find((c) => c.factor === 'lowSatisfaction')).toEqual({ factor: 'lowSatisfaction', points: -8, measured: 2 });
    expect(r.score).toBe(100 - 19 - 20 - 8);
  });

  it('E: the weights from 设置 replace the defaults', () => {
    const w = { ...DEFAULT_HEALTH_WEIGHTS, paymentDelayPerDay: 2, paymentDelayCap: 10, noPhoneContactPoints: 0 };
    expect(pointsOf({ ...base, paymentDelayDays: 3, phoneContacts: 0 }, w)).toMatchObject({ paymentDelay: -6, noPhoneContact: 0 });
    expect(pointsOf({ ...base, paymentDelayDays: 30 }, w).paymentDelay).toBe(-10);
  });

  it('F: everything at its cap stops at 0, not below', () => {
    const r = scoreHealth({ ...base, paymentDelayDays: 400, usage: usage(100, 100, 100, 0), competitorEvents: 1, daysSinceFollowUp: 900, phoneContacts: 0, openComplaints: 5, averageSatisfaction: 1 });
    expect(r.score).toBe(0);
  });
});

const weightsArb: fc.Arbitrary<HealthWeights> = fc.record({
  paymentDelayPerDay: fc.double({ min: 0, max: 10, noNaN: true }),
  paymentDelayCap: fc.integer({ min: 0, max: 100 }),
  usageDropPerPercent: fc.double({ min: 0, max: 10, noNaN: true }),
  usageDropCap: fc.integer({ min: 0, max: 100 }),
  interactionChangePoints: fc.integer({ min: 0, max: 100 }),
  competitorEventPoints: fc.integer({ min: 0, max: 100 }),
  noFollowUpPoints: fc.integer({ min: 0, max: 100 }),
  openComplaintPoints: fc.integer({ min: 0, max: 100 }),
  openComplaintsCap: fc.integer({ min: 0, max: 100 }),
  lowSatisfactionCap: fc.integer({ min: 0, max: 100 }),
  noPhoneContactPoints: fc.integer({ min: 0, max: 100 }),
});
const factsArb: fc.Arbitrary<HealthFacts> = fc.record({
  customerId: fc.constant('c'),
  paymentDelayDays: fc.integer({ min: 0, max: 2000 }),
  usage: fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 6 }).map((vs) => vs.map((value, i) => ({ period: `2025-${String(i + 1).padStart(2, '0')}-01`, value }))),
  interactions: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 6 }).map((vs) => vs.map((value, i) => ({ period: `2026-0${i + 1}`, value }))),
  month: fc.constant('2026-06'),
  competitorEvents: fc.integer({ min: 0, max: 5 }),
  daysSinceFollowUp: fc.option(fc.integer({ min: 0, max: 1000 })),
  phoneContacts: fc.integer({ min: 0, max: 3 }),
  openComplaints: fc.option(fc.integer({ min: 0, max: 10 })),
  averageSatisfaction: fc.option(fc.double({ min: 1, max: 5, noNaN: true })),
});

describe('scoreHealth properties', () => {
  it('more payment delay never raises the score', () => {
    fc.assert(
      fc.property(factsArb, weightsArb, fc.integer({ min: 0, max: 500 }), (f, w, more) => {
        expect(scoreHealth({ ...f, paymentDelayDays: f.paymentDelayDays + more }, w).score).toBeLessThanOrEqual(scoreHealth(f, w).score);
      }),
    );
  });

  it('no factor goes past its cap, and the score is a whole number in 0..100 with its band', () => {
    fc.assert(
      fc.property(factsArb, weightsArb, (f, w) => {
        const r = scoreHealth(f, w);
        const caps = factorCaps(w);
        for (const c of r.factors) {
          expect(c.points).toBeLessThanOrEqual(0);
          expect(-c.points).toBeLessThanOrEqual(caps[c.factor]);
          expect(Number.isInteger(c.points)).toBe(true);
        }
        expect(Number.isInteger(r.score)).toBe(true);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.score).toBe(Math.max(0, 100 + r.factors.reduce((s, c) => s + c.points, 0)));
      }),
    );
  });
});
