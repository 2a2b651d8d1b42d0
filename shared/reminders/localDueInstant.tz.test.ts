import { describe, expect, it } from 'vitest';
import { computeLadder } from './reminderLadder.ts';
import { currentZoneName, localDueInstant } from './localDueInstant.ts';
import { buildWorkingDayCalendar } from './workingDays.ts';
import { birthdayInYear, nextBirthday } from './careReminders.ts';

// Run by vitest.config.ts under TZ=America/New_York and TZ=Asia/Shanghai (and the machine's own zone).
const zone = currentZoneName();
const plain = { timeOfDay: '09:00', shiftToWorkingDay: false };

describe(`local due instants in ${zone}`, () => {
  it('is 09:00 on the wall clock on every day of a ladder, whatever the offset that day', () => {
    const ladder = computeLadder('2026-11-08', [30, 7, 0, -1], plain, buildWorkingDayCalendar());
    for (const step of ladder) {
      expect([step.dueAt.getHours(), step.dueAt.getMinutes()]).toEqual([9, 0]);
      expect(step.dueAt.getDate()).toBe(Number(step.localDate.slice(8)));
    }
  });

  it.runIf(zone === 'America/New_York')('follows DST in New York: EST in winter, EDT in summer, and the switch days', () => {
    expect(localDueInstant('2026-03-07', '09:00').toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(localDueInstant('2026-03-08', '09:00').toISOString()).toBe('2026-03-08T13:00:00.000Z');
    expect(localDueInstant('2026-10-31', '09:00').toISOString()).toBe('2026-10-31T13:00:00.000Z');
    expect(localDueInstant('2026-11-01', '09:00').toISOString()).toBe('2026-11-01T14:00:00.000Z');
    // 02:30 does not exist on 2026-03-08: the reminder comes after the gap, never before.
    const gap = localDueInstant('2026-03-08', '02:30');
    expect(gap.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(gap.getTime()).toBeGreaterThan(localDueInstant('2026-03-08', '01:59').getTime());
    // 01:30 happens twice on 2026-11-01: the first one counts.
    expect(localDueInstant('2026-11-01', '01:30').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // A ladder across the change keeps its whole-day steps at 09:00 local: 23 hours apart across spring forward.
    const [a, b] = computeLadder('2026-03-08', [1, 0], plain, buildWorkingDayCalendar());
    expect((b!.dueAt.getTime() - a!.dueAt.getTime()) / 3_600_000).toBe(23);
  });

  it.runIf(zone === 'Asia/Shanghai')('is UTC+8 all year in Shanghai', () => {
    expect(localDueInstant('2026-03-08', '09:00').toISOString()).toBe('2026-03-08T01:00:00.000Z');
    expect(localDueInstant('2026-07-01', '09:00').toISOString()).toBe('2026-07-01T01:00:00.000Z');
    const [a, b] = computeLadder('2026-03-08', [1, 0], plain, buildWorkingDayCalendar());
    expect((b!.dueAt.getTime() - a!.dueAt.getTime()) / 3_600_000).toBe(24);
  });

  it('rejects impossible dates and times', () => {
    expect(() => localDueInstant('2026-02-30', '09:00')).toThrow();
    expect(() => localDueInstant('2026-02-01', '24:00')).toThrow();
  });

  it('puts a 29 February birthday on 28 February in common years', () => {
    expect(birthdayInYear('1992-02-29', 2027)).toBe('2027-02-28');
    expect(birthdayInYear('1992-02-29', 2028)).toBe('2028-02-29');
    expect(nextBirthday('1988-12-05', '2026-12-06')).toBe('2027-12-05');
    expect(nextBirthday('1988-12-05', '2026-12-05')).toBe('2026-12-05');
  });
});
