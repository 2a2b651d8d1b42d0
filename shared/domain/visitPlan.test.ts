import { describe, expect, it } from 'vitest';
import { adherenceByOwner, adherenceRate, countVisits, isKeyCustomer, periodsOfYear, planVisits } from './visitPlan.ts';

// Fixture: a customer that is 重点 for the whole of 2026 under the monthly standard (VIP: 1 回访 per month).
// Its 回访 follow-ups: two in February (the second does not cover March), one on the last day of April, one in
// 2025 (another year), and today is 10 June.
const REVISITS = ['2026-02-20', '2026-01-15', '2026-02-03', '2026-04-30', '2025-12-31'];
const TODAY = '2026-06-10';

describe('visit plan', () => {
  it('plans 12 visits for a whole year under the monthly standard and flags the missed ones (acceptance 3)', () => {
    const plan = planVisits(2026, { period: 'month', visits: 1 }, REVISITS, TODAY);
    expect(plan).toHaveLength(12);
    expect(plan.map((v) => [v.periodStart, v.status, v.doneOn])).toEqual([
      ['2026-01-01', 'done', '2026-01-15'],
      ['2026-02-01', 'done', '2026-02-03'],
      ['2026-03-01', 'missed', null],
      ['2026-04-01', 'done', '2026-04-30'],
      ['2026-05-01', 'missed', null],
      ['2026-06-01', 'due', null],
      ['2026-07-01', 'upcoming', null],
      ['2026-08-01', 'upcoming', null],
      ['2026-09-01', 'upcoming', null],
      ['2026-10-01', 'upcoming', null],
      ['2026-11-01', 'upcoming', null],
      ['2026-12-01', 'upcoming', null],
    ]);
    expect(plan.filter((v) => v.status === 'missed').map((v) => v.periodStart)).toEqual(['2026-03-01', '2026-05-01']);
    expect(plan[1]).toMatchObject({ periodEnd: '2026-02-28', remindOn: '2026-02-22' });
    expect(plan[5]).toMatchObject({ periodEnd: '2026-06-30', remindOn: '2026-06-24' });
    const counts = countVisits(plan);
    expect(counts).toEqual({ planned: 12, done: 3, missed: 2, due: 1, upcoming: 6 });
    expect(adherenceRate(counts)).toBe(3 / 5);
  });

  it('plans a count per period: 2 per quarter, each revisit covering one', () => {
    const plan = planVisits(2026, { period: 'quarter', visits: 2 }, REVISITS, TODAY);
    expect(plan.map((v) => `${v.periodStart}#${v.index}:${v.status}`)).toEqual([
      '2026-01-01#1:done', '2026-01-01#2:done',
      '2026-04-01#1:done', '2026-04-01#2:due',
      '2026-07-01#1:upcoming', '2026-07-01#2:upcoming',
      '2026-10-01#1:upcoming', '2026-10-01#2:upcoming',
    ]);
    // Key since 15 May (created or added then): planned from May's period on, May still missed.
    const later = planVisits(2026, { period: 'month', visits: 1 }, REVISITS, TODAY, '2026-05-15');
    expect(later.map((v) => `${v.periodStart}:${v.status}`).slice(0, 3)).toEqual(['2026-05-01:missed', '2026-06-01:due', '2026-07-01:upcoming']);
    expect(later).toHaveLength(8);
    expect(periodsOfYear(2028, 'halfYear')).toEqual([{ start: '2028-01-01', end: '2028-06-30' }, { start: '2028-07-01', end: '2028-12-31' }]);
    expect(periodsOfYear(2028, 'month')[1]).toEqual({ start: '2028-02-01', end: '2028-02-29' });
  });

  it('adds up adherence per owner, and key membership follows a manual decision over the tier criteria', () => {
    const a = planVisits(2026, { period: 'month', visits: 1 }, REVISITS, TODAY);
    const b = planVisits(2026, { period: 'year', visits: 1 }, [], TODAY);
    const byOwner = adherenceByOwner([{ ownerKey: 'o1', visits: a }, { ownerKey: 'o1', visits: b }, { ownerKey: 'o2', visits: b }]);
    expect(byOwner.get('o1')).toEqual({ planned: 13, done: 3, missed: 2, due: 2, upcoming: 6 });
    expect(byOwner.get('o2')).toEqual({ planned: 1, done: 0, missed: 0, due: 1, upcoming: 0 });
    expect(adherenceRate(byOwner.get('o2')!)).toBeNull();
    expect(isKeyCustomer('vip', ['vip'], null)).toBe(true);
    expect(isKeyCustomer('vip', ['vip'], false)).toBe(false);
    expect(isKeyCustomer('normal', ['vip'], true)).toBe(true);
    expect(isKeyCustomer('normal', ['vip'], null)).toBe(false);
  });
});
