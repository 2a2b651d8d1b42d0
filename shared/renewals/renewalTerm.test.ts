import { describe, expect, it } from 'vitest';
import { chainIssues, nextTermDates, termEndFromAnchor } from './renewalTerm.ts';
import { sheetStatusOfStage, stageFromSheetStatus } from './sheetRenewalStatus.ts';

function chain(anchor: string, cycle: 'month' | 'quarter' | 'half_year' | 'year', terms: number): string[] {
  const ends = [anchor];
  for (let i = 0; i < terms; i++) {
    const next = nextTermDates({ id: String(i), startsOn: null, endsOn: ends[i]!, cycle }, anchor, i);
    if (!next.ok) throw new Error(`no next term after ${ends[i]}`);
    ends.push(next.endsOn!);
  }
  return ends;
}

describe('renewal terms from the original anchor', () => {
  it('Jan 31 monthly gives Feb 28, then Mar 31 — never Mar 28', () => {
    expect(chain('2027-01-31', 'month', 4)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31']);
  });

  it('gives Feb 29 in a leap year', () => {
    expect(chain('2028-01-31', 'month', 2)).toEqual(['2028-01-31', '2028-02-29', '2028-03-31']);
  });

  it('a Feb 29 yearly anchor returns to Feb 29 every leap year', () => {
    expect(chain('2024-02-29', 'year', 4)).toEqual(['2024-02-29', '2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29']);
  });

  it('quarters and half years from a month end keep the month end', () => {
    expect(chain('2026-08-31', 'quarter', 3)).toEqual(['2026-08-31', '2026-11-30', '2027-02-28', '2027-05-31']);
    expect(chain('2026-08-31', 'half_year', 2)).toEqual(['2026-08-31', '2027-02-28', '2027-08-31']);
  });

  it('starts the next term the day after the current one ends', () => {
    expect(nextTermDates({ id: 'a', startsOn: '2027-01-01', endsOn: '2027-01-31', cycle: 'month' }, '2027-01-31', 0)).toEqual({
      ok: true,
      startsOn: '2027-02-01',
      endsOn: '2027-02-28',
    });
  });

  it('moves forward even when a term was edited off the rhythm', () => {
    expect(nextTermDates({ id: 'a', startsOn: null, endsOn: '2027-04-15', cycle: 'month' }, '2027-01-31', 1)).toEqual({
      ok: true,
      startsOn: '2027-04-16',
      endsOn: '2027-04-30',
    });
  });

  it('once-only contracts have no next end date', () => {
    expect(termEndFromAnchor('2027-01-31', 'once', 1)).toBeNull();
  });

  it('an unknown cycle gives no next end date instead of guessing one', () => {
    expect(nextTermDates({ id: 'a', startsOn: '2026-02-01', endsOn: '2027-01-31', cycle: null }, '2027-01-31', 0)).toEqual({
      ok: true,
      startsOn: '2027-02-01',
      endsOn: null,
    });
  });
});

describe('next term within the supported dates (to 2199-12-31)', () => {
  const term = (endsOn: string, cycle: 'year' | 'month' | 'once' | null) => ({ id: 'a', startsOn: null, endsOn, cycle });

  it('suggests a term that ends on the last supported day', () => {
    expect(nextTermDates(term('2198-12-31', 'year'), '2198-12-31', 0)).toEqual({ ok: true, startsOn: '2199-01-01', endsOn: '2199-12-31' });
  });

  it('refuses, with the reason, a term that would end past 2199-12-31', () => {
    const r = nextTermDates(term('2199-06-30', 'year'), '2199-06-30', 0);
    expect(r).toMatchObject({ ok: false, message: { key: 'inputLimits.nextTermPastRange', params: { max: '2199-12-31' } } });
  });

  it('refuses a term that could only start past 2199-12-31, whatever the cycle, instead of suggesting 2200 or 10000', () => {
    for (const cycle of ['year', 'once', null] as const) {
      expect(nextTermDates(term('2199-12-31', cycle), '2199-12-31', 0)).toMatchObject({ ok: false, message: { key: 'inputLimits.nextTermCannotStart' } });
    }
    // A contract stored before dates were limited: no 10000-01-01, and no endless search for a later end.
    expect(nextTermDates(term('9999-12-31', 'year'), '9999-12-31', 0)).toMatchObject({ ok: false, message: { params: { endsOn: '9999-12-31' } } });
  });
});

describe('chainIssues', () => {
  it('flags gaps and overlaps between consecutive terms', () => {
    const issues = chainIssues([
      { id: 'a', startsOn: '2025-01-01', endsOn: '2025-12-31' },
      { id: 'b', startsOn: '2026-01-01', endsOn: '2026-12-31' },
      { id: 'c', startsOn: '2027-01-15', endsOn: '2027-12-31' },
      { id: 'd', startsOn: '2027-12-01', endsOn: '2028-12-31' },
    ]);
    expect(issues).toEqual([
      { kind: 'gap', afterId: 'b', beforeId: 'c', days: 14 },
      { kind: 'overlap', afterId: 'c', beforeId: 'd', days: 31 },
    ]);
  });
});

describe('the sheet’s 续费状态', () => {
  it('maps as DESIGN.md says', () => {
    expect(stageFromSheetStatus('已续费')).toBe('renewed');
    expect(stageFromSheetStatus('续费中')).toBe('negotiating');
    expect(stageFromSheetStatus('未续费')).toBe('pending');
    expect(stageFromSheetStatus('未续费', true)).toBe('lost');
    expect(['pending', 'contacted', 'negotiating', 'renewed', 'lost'].map((s) => sheetStatusOfStage(s as never))).toEqual([
      '未续费',
      '续费中',
      '续费中',
      '已续费',
      '未续费',
    ]);
  });
});
