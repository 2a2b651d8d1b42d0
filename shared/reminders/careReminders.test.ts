import { describe, expect, it } from 'vitest';
import { birthdayOccurrencesToArm, nextBirthdayToGreet } from './careReminders.ts';

const row = (occurrenceDate: string, state: 'pending' | 'snoozed' | 'fired') => ({
  occurrenceDate,
  firedAt: state === 'fired' ? '2027-12-31T01:00:00.000Z' : null,
  snoozedUntil: state === 'pending' ? null : '2028-01-02T01:00:00.000Z',
});

describe('the next birthday to greet', () => {
  it('comes after the greeted occurrence even when that date is still ahead (a greeting given days early)', () => {
    expect(nextBirthdayToGreet('1990-01-03', '2027-12-31', ['2028-01-03'])).toBe('2029-01-03');
    expect(nextBirthdayToGreet('1990-01-03', '2027-12-31', [])).toBe('2028-01-03');
  });
  it('is on or after today when the greeted one is long past, and ignores dates of an edited birthday', () => {
    expect(nextBirthdayToGreet('1990-06-01', '2028-07-01', ['2027-06-01'])).toBe('2029-06-01');
    expect(nextBirthdayToGreet('1990-06-01', '2027-06-20', ['2027-06-01'])).toBe('2028-06-01');
    expect(nextBirthdayToGreet('1990-06-01', '2027-05-20', ['2027-06-02'])).toBe('2027-06-01');
  });
  it('keeps 29 February on 28 February in common years', () => {
    expect(nextBirthdayToGreet('1992-02-29', '2027-02-20', ['2027-02-28'])).toBe('2028-02-29');
  });
});

describe('the birthday occurrences a recompute arms', () => {
  it('keeps a snoozed greeting and next year armed by the tick', () => {
    expect(birthdayOccurrencesToArm('1990-01-03', '2028-01-01', [row('2028-01-03', 'snoozed'), row('2029-01-03', 'pending')])).toEqual(['2028-01-03', '2029-01-03']);
    expect(birthdayOccurrencesToArm('1990-01-03', '2028-01-01', [row('2028-01-03', 'snoozed')])).toEqual(['2028-01-03', '2029-01-03']);
  });
  it('arms after a greeting fired ahead, keeps one missed while off, and lets an edited date go', () => {
    expect(birthdayOccurrencesToArm('1990-01-03', '2028-01-01', [row('2028-01-03', 'fired')])).toEqual(['2029-01-03']);
    expect(birthdayOccurrencesToArm('1990-01-03', '2028-01-20', [row('2028-01-03', 'pending')])).toEqual(['2028-01-03']);
    expect(birthdayOccurrencesToArm('1990-02-03', '2028-01-20', [row('2028-01-03', 'pending')])).toEqual(['2028-02-03']);
    expect(birthdayOccurrencesToArm(null, '2028-01-20', [row('2028-01-03', 'pending')])).toEqual([]);
  });
});
