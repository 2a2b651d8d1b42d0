import { describe, expect, it } from 'vitest';
import { interactionChange, monthsBetween, periodStartOf, usageDrop } from './riskSignals.ts';

const series = (...values: number[]) => values.map((value, i) => ({ period: `2026-0${i + 1}-01`, value }));

describe('usageDrop', () => {
  it('measures the latest period against the average of the 3 before it, in percent', () => {
    // Average of 100, 120, 80 is 100; 70 is 30 % below it. The oldest period (500) is outside the window.
    expect(usageDrop(series(500, 100, 120, 80, 70))).toEqual({ kind: 'measured', latest: 70, average: 100, dropPercent: 30, latestPeriod: '2026-05-01' });
    // A rise is a negative drop; order of the input does not matter.
    expect(usageDrop(series(30, 30, 40, 50).reverse())).toMatchObject({ average: 33.3, dropPercent: -50 });
    expect(usageDrop(series(3, 3, 3, 1))).toMatchObject({ dropPercent: 66.7 });
  });

  it('says not enough data with fewer than 3 previous periods, and no baseline when they averaged 0', () => {
    expect(usageDrop([])).toEqual({ kind: 'notEnoughData', previousPeriods: 0 });
    expect(usageDrop(series(10, 20, 5))).toEqual({ kind: 'notEnoughData', previousPeriods: 2 });
    expect(usageDrop(series(0, 0, 0, 4))).toEqual({ kind: 'noBaseline', latest: 4 });
  });
});

describe('interactionChange (咨询 + 工单 per month)', () => {
  it('flags |latest − mean of previous 3| ≥ max(2, 50% of mean) as a rise or a drop', () => {
    const counts = (...v: number[]) => v.map((value, i) => ({ period: `2026-0${i + 1}`, value }));
    // mean 4, threshold 2: 6 is a rise, 2 a drop, 5 steady.
    expect(interactionChange(counts(4, 4, 4, 6), '2026-04')).toEqual({ kind: 'rise', latest: 6, mean: 4, latestPeriod: '2026-04' });
    expect(interactionChange(counts(4, 4, 4, 2), '2026-04')).toMatchObject({ kind: 'drop' });
    expect(interactionChange(counts(4, 4, 4, 5), '2026-04')).toMatchObject({ kind: 'steady' });
    // mean 10, threshold 5: 14 is steady, 15 a rise.
    expect(interactionChange(counts(10, 10, 10, 14), '2026-04')).toMatchObject({ kind: 'steady' });
    expect(interactionChange(counts(10, 10, 10, 15), '2026-04')).toMatchObject({ kind: 'rise' });
  });

  it('counts months without interactions as 0, up to the latest month', () => {
    // Jan 6, Feb–Apr none: previous 3 (Feb, Mar, Apr) mean 0, May has 0 → steady.
    // Jan 6, Feb and Mar none: mean 2, threshold 2; April's 3 is steady, 4 a rise.
    expect(interactionChange([{ period: '2026-01', value: 6 }], '2026-05')).toEqual({ kind: 'steady', latest: 0, mean: 0, latestPeriod: '2026-05' });
    expect(interactionChange([{ period: '2026-01', value: 6 }, { period: '2026-04', value: 3 }], '2026-04')).toMatchObject({ kind: 'steady', mean: 2 });
    expect(interactionChange([{ period: '2026-01', value: 6 }, { period: '2026-04', value: 4 }], '2026-04')).toMatchObject({ kind: 'rise', mean: 2 });
    expect(interactionChange([{ period: '2026-03', value: 1 }], '2026-05')).toEqual({ kind: 'notEnoughData', previousPeriods: 2 });
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('periodStartOf', () => {
  it('gives the month’s 1st, the week’s Monday and the quarter’s first day', () => {
    expect(periodStartOf('month', '2026-03-17')).toBe('2026-03-01');
    expect(periodStartOf('quarter', '2026-08-31')).toBe('2026-07-01');
    expect(periodStartOf('week', '2026-12-05')).toBe('2026-11-30'); // a Saturday → Monday before, across a month
    expect(periodStartOf('week', '2026-11-30')).toBe('2026-11-30');
  });
});
