import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from './dates.ts';
import { equalInstalments, instalmentStanding, withPayment } from './paymentDelay.ts';

const TODAY = '2026-12-05';

describe('instalmentStanding', () => {
  it('derives outstanding and delay: unpaid past due, paid late, paid early, not yet due', () => {
    const base = { dueOn: '2026-11-30', dueAmountFen: 100_000 };
    expect(instalmentStanding({ ...base, paidAmountFen: 0, paidOn: null }, TODAY)).toEqual({ outstandingFen: 100_000, settled: false, delayDays: 5, overdue: true });
    expect(instalmentStanding({ ...base, paidAmountFen: 40_000, paidOn: '2026-12-01' }, TODAY)).toMatchObject({ outstandingFen: 60_000, delayDays: 5, overdue: true });
    expect(instalmentStanding({ ...base, paidAmountFen: 100_000, paidOn: '2026-12-03' }, TODAY)).toEqual({ outstandingFen: 0, settled: true, delayDays: 3, overdue: false });
    expect(instalmentStanding({ ...base, paidAmountFen: 120_000, paidOn: '2026-11-20' }, TODAY)).toEqual({ outstandingFen: 0, settled: true, delayDays: 0, overdue: false });
    expect(instalmentStanding({ ...base, dueOn: '2026-12-05', paidAmountFen: 0, paidOn: null }, TODAY)).toMatchObject({ delayDays: 0, overdue: false });
    expect(instalmentStanding({ ...base, dueOn: '2027-01-05', paidAmountFen: 0, paidOn: null }, TODAY)).toMatchObject({ delayDays: 0, overdue: false });
  });

  it('paying more never raises the delay or the outstanding amount (fast-check)', () => {
    const day = fc.integer({ min: -400, max: 400 }).map((n) => addDaysIso(TODAY, n));
    const amount = fc.integer({ min: 0, max: 1e9 });
    const payments = fc.array(fc.tuple(fc.integer({ min: 1, max: 1e9 }), day), { maxLength: 3 });
    fc.assert(
      fc.property(day, amount, payments, fc.integer({ min: 1, max: 1e9 }), day, (dueOn, dueAmountFen, earlier, more, on) => {
        const facts = earlier.reduce((f, [fen, d]) => withPayment(f, fen, d), { dueOn, dueAmountFen, paidAmountFen: 0, paidOn: null as string | null });
        const before = instalmentStanding(facts, TODAY);
        const after = instalmentStanding(withPayment(facts, more, on), TODAY);
        expect(after.outstandingFen).toBeLessThanOrEqual(before.outstandingFen);
        expect(after.delayDays).toBeLessThanOrEqual(before.delayDays);
      }),
      { numRuns: 500 },
    );
  });
});

describe('equalInstalments', () => {
  it('splits into equal amounts with the remainder fen on the last one, one period apart', () => {
    const rows = equalInstalments(100_001, 3, '2027-01-31', 1);
    expect(rows.map((r) => r.dueAmountFen)).toEqual([33_333, 33_333, 33_335]);
    expect(rows.reduce((s, r) => s + r.dueAmountFen, 0)).toBe(100_001);
    expect(rows.map((r) => r.dueOn)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
  });
});
