import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEALTH_FACTORS, storedFactorsOn, type HealthFactorContribution } from './healthBands.ts';
import { decodeStoredFactors, encodeStoredFactors } from './storedHealthFactors.ts';

const sample: HealthFactorContribution[] = [
  { factor: 'paymentDelay', points: -23, measured: 23 },
  { factor: 'interactionChange', points: 0, measured: null, absent: 'notEnoughData' },
  { factor: 'noRecentFollowUp', points: -10, measured: 40, since: '2026-10-26' },
  { factor: 'lowSatisfaction', points: 0, measured: null, absent: 'notAvailable', since: '2026-01-01' },
];

describe('stored health factors', () => {
  it('writes one short array per factor, a day count as its start date without the day\'s measure', () => {
    expect(encodeStoredFactors(sample)).toBe(
      '[["paymentDelay",-23,23],["interactionChange",0,null,"notEnoughData"],["noRecentFollowUp",-10,null,null,"2026-10-26"],["lowSatisfaction",0,null,"notAvailable","2026-01-01"]]',
    );
    expect(storedFactorsOn(encodeStoredFactors(sample), '2026-12-05')).toEqual([
      sample[0],
      sample[1],
      { factor: 'noRecentFollowUp', points: -10, measured: 40, since: '2026-10-26' },
      { factor: 'lowSatisfaction', points: 0, measured: 338, absent: 'notAvailable', since: '2026-01-01' },
    ]);
  });

  it('still reads the objects stored before', () => {
    const before = JSON.stringify([
      { factor: 'paymentDelay', points: -23, measured: 23 },
      { factor: 'noRecentFollowUp', points: 0, measured: null, since: '2026-12-01' },
    ]);
    expect(storedFactorsOn(before, '2026-12-05')).toEqual([
      { factor: 'paymentDelay', points: -23, measured: 23 },
      { factor: 'noRecentFollowUp', points: 0, measured: 4, since: '2026-12-01' },
    ]);
  });

  it('round-trips any factors (measured kept unless counted from a date) and is valid JSON', () => {
    const factor = fc.record(
      {
        factor: fc.constantFrom(...HEALTH_FACTORS),
        points: fc.integer({ min: -100, max: 0 }),
        measured: fc.option(fc.integer({ min: -1000, max: 100000 }), { nil: null }),
        absent: fc.constantFrom('notEnoughData' as const, 'notAvailable' as const),
        since: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      },
      { requiredKeys: ['factor', 'points', 'measured'] },
    );
    fc.assert(
      fc.property(fc.array(factor, { maxLength: 10 }), (factors) => {
        const text = encodeStoredFactors(factors);
        expect(() => JSON.parse(text)).not.toThrow();
        expect(decodeStoredFactors(text)).toEqual(factors.map((f) => (f.since === undefined ? f : { ...f, measured: null })));
      }),
    );
  });
});
