import { describe, expect, it } from 'vitest';
import { factorsOn, weeklyPoints, type HealthWeekPoint } from './healthBands.ts';

describe('weeklyPoints', () => {
  const row = (weekOf: string, score: number): HealthWeekPoint => ({ weekOf, score, band: score >= 70 ? 'healthy' : score >= 40 ? 'watch' : 'danger' });

  it('carries a stored week forward over weeks without a row, and the current score from its own week on', () => {
    const rows = [row('2026-10-26', 80), row('2026-11-09', 60)];
    expect(weeklyPoints(rows, { weekOf: '2026-11-23', score: 30 }, '2026-11-02', '2026-11-30').map((p) => [p.weekOf, p.score, p.band])).toEqual([
      ['2026-11-02', 80, 'healthy'],
      ['2026-11-09', 60, 'watch'],
      ['2026-11-16', 60, 'watch'],
      ['2026-11-23', 30, 'danger'],
      ['2026-11-30', 30, 'danger'],
    ]);
  });

  it('leaves out the weeks before any score, and has nothing for a customer never scored', () => {
    expect(weeklyPoints([], { weekOf: '2026-11-23', score: 90 }, '2026-11-02', '2026-11-30').map((p) => p.weekOf)).toEqual(['2026-11-23', '2026-11-30']);
    expect(weeklyPoints([], null, '2026-11-02', '2026-11-30')).toEqual([]);
  });
});

describe('factorsOn', () => {
  it('measures a day count kept as its start date as of the day read, never below 0, and leaves the rest', () => {
    const stored = [
      { factor: 'noRecentFollowUp' as const, points: -10, measured: null, since: '2026-10-01' },
      { factor: 'paymentDelay' as const, points: -5, measured: 5 },
    ];
    expect(factorsOn(stored, '2026-12-05').map((f) => f.measured)).toEqual([65, 5]);
    expect(factorsOn(stored, '2026-09-30')[0]?.measured).toBe(0);
  });
});
