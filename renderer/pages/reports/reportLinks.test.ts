import { describe, expect, it } from 'vitest';
import { formatRate, periodParamOf, renewalsHref, reportsHref, upcomingHref } from './reportLinks.ts';
import { parseReportPeriod } from '../../../shared/reports/reportPeriod.ts';

describe('periodParamOf', () => {
  it('writes a whole year, quarter or month the short way', () => {
    expect(periodParamOf({ from: '2026-01-01', to: '2026-12-31' })).toBe('2026');
    expect(periodParamOf({ from: '2026-07-01', to: '2026-09-30' })).toBe('2026-Q3');
    expect(periodParamOf({ from: '2026-02-01', to: '2026-02-28' })).toBe('2026-02');
    expect(periodParamOf({ from: '2028-02-01', to: '2028-02-29' })).toBe('2028-02');
  });

  it('writes anything else as a range, and every form parses back to the same period', () => {
    expect(periodParamOf({ from: '2026-01-01', to: '2026-12-05' })).toBe('2026-01-01..2026-12-05');
    expect(periodParamOf({ from: '2026-07-01', to: '2026-08-31' })).toBe('2026-07-01..2026-08-31');
    for (const p of [
      { from: '2026-01-01', to: '2026-12-31' },
      { from: '2026-10-01', to: '2026-12-31' },
      { from: '2026-04-01', to: '2026-04-30' },
      { from: '2025-12-31', to: '2026-01-02' },
    ]) {
      expect(parseReportPeriod(periodParamOf(p))).toEqual(p);
    }
  });
});

describe('links', () => {
  it('opens the 续约 list on its tab with the owner, a custom range for windows it has no tab for', () => {
    expect(renewalsHref({ tab: 'overdue', owner: 'o1' })).toBe('/renewals?tab=overdue&owner=o1');
    expect(upcomingHref('2026-12-05', 90)).toBe('/renewals?tab=90');
    expect(upcomingHref('2026-12-05', 365, 'o2')).toBe('/renewals?tab=custom&from=2026-12-05&to=2027-12-05&owner=o2');
  });

  it('opens a report at its list of terms', () => {
    expect(reportsHref({ period: '2026-Q4', outcome: 'renewed', owner: null })).toBe('/reports?period=2026-Q4&outcome=renewed');
  });

  it('shows a rate with one decimal, and none without a denominator', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(1)).toBe('100.0%');
  });
});
