import { describe, expect, it } from 'vitest';
import { holidayRuns, nextHolidayRun } from './holidayGreetings.ts';

describe('holiday runs from the chinese-days data', () => {
  it('lists 2026’s seven holidays by their first day off, with both names', () => {
    const of2026 = holidayRuns().filter((r) => r.firstDay.startsWith('2026'));
    expect(of2026.map((r) => [r.firstDay, r.lastDay, r.nameZh, r.nameEn])).toEqual([
      ['2026-01-01', '2026-01-03', '元旦', "New Year's Day"],
      ['2026-02-15', '2026-02-23', '春节', 'Spring Festival'],
      ['2026-04-04', '2026-04-06', '清明', 'Tomb-sweeping Day'],
      ['2026-05-01', '2026-05-05', '劳动节', 'Labour Day'],
      ['2026-06-19', '2026-06-21', '端午', 'Dragon Boat Festival'],
      ['2026-09-25', '2026-09-27', '中秋', 'Mid-autumn Festival'],
      ['2026-10-01', '2026-10-07', '国庆节', 'National Day'],
    ]);
  });

  it('an imported file wins date by date: a new holiday joins, a day made a workday leaves its run', () => {
    const runs = holidayRuns({ holidays: { '2026-03-08': 'Women’s Day,妇女节,1' }, workdays: { '2026-01-03': 'x' } });
    expect(runs.find((r) => r.firstDay === '2026-03-08')?.nameZh).toBe('妇女节');
    expect(runs.find((r) => r.firstDay === '2026-01-01')?.lastDay).toBe('2026-01-02');
  });

  it('the next holiday skips those already greeted', () => {
    const runs = holidayRuns();
    expect(nextHolidayRun(runs, '2026-09-20')?.nameZh).toBe('中秋');
    expect(nextHolidayRun(runs, '2026-09-20', new Set(['2026-09-25']))?.nameZh).toBe('国庆节');
  });
});
