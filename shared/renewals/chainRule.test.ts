import { describe, expect, it } from 'vitest';
import { linkedOutcome, matchRenewals, mayRenew, termStart, type ChainRuleTerm } from './chainRule.ts';

let n = 0;
function term(p: Partial<ChainRuleTerm> & { endsOn: string }): ChainRuleTerm {
  return {
    id: p.id ?? `k${++n}`,
    customerId: 'c1',
    service: '企业邮箱',
    signedOn: null,
    startsOn: null,
    cycle: 'year',
    lost: false,
    terminated: false,
    hasSuccessor: false,
    renewalOf: null,
    ...p,
  };
}

describe('termStart', () => {
  it('takes the start, else the signing date, else the end less one cycle', () => {
    expect(termStart({ startsOn: '2025-04-01', signedOn: '2025-03-20', endsOn: '2026-03-31', cycle: 'year' })).toBe('2025-04-01');
    expect(termStart({ startsOn: null, signedOn: '2025-03-20', endsOn: '2026-03-31', cycle: 'year' })).toBe('2025-03-20');
    expect(termStart({ startsOn: null, signedOn: null, endsOn: '2026-03-31', cycle: 'year' })).toBe('2025-03-31');
    expect(termStart({ startsOn: null, signedOn: null, endsOn: '2026-03-31', cycle: 'quarter' })).toBe('2025-12-31');
    expect(termStart({ startsOn: null, signedOn: null, endsOn: '2026-03-31', cycle: null })).toBeNull();
    expect(termStart({ startsOn: null, signedOn: null, endsOn: '2026-03-31', cycle: 'once' })).toBeNull();
  });
});

describe('mayRenew', () => {
  const a = term({ id: 'a', startsOn: '2024-01-01', endsOn: '2024-12-31' });
  it('links a consecutive term of the same service', () => {
    expect(mayRenew(a, term({ startsOn: '2025-01-01', endsOn: '2025-12-31' }))).toBe(true);
  });
  it('links a renewal within 92 days after the end, not one on day 93', () => {
    expect(mayRenew(a, term({ startsOn: '2025-04-02', endsOn: '2026-04-01' }))).toBe(true);
    expect(mayRenew(a, term({ startsOn: '2025-04-03', endsOn: '2026-04-02' }))).toBe(false);
  });
  it('links an early (overlapping) renewal but not a term that ends first or starts first', () => {
    expect(mayRenew(a, term({ startsOn: '2024-11-01', endsOn: '2025-10-31' }))).toBe(true);
    expect(mayRenew(a, term({ startsOn: '2024-03-01', endsOn: '2024-12-30' }))).toBe(false);
    expect(mayRenew(a, term({ startsOn: '2024-01-01', endsOn: '2025-12-31' }))).toBe(false);
  });
  it('compares services after trimming; two blanks are equal; another service never links', () => {
    expect(mayRenew(a, term({ service: ' 企业邮箱 ', startsOn: '2025-01-01', endsOn: '2025-12-31' }))).toBe(true);
    expect(mayRenew(a, term({ service: '云服务器', startsOn: '2025-01-01', endsOn: '2025-12-31' }))).toBe(false);
    const blank = term({ service: null, startsOn: '2024-01-01', endsOn: '2024-12-31' });
    expect(mayRenew(blank, term({ service: '  ', startsOn: '2025-01-01', endsOn: '2025-12-31' }))).toBe(true);
  });
  it('never links across customers', () => {
    expect(mayRenew(a, term({ customerId: 'c2', startsOn: '2025-01-01', endsOn: '2025-12-31' }))).toBe(false);
  });
});

describe('matchRenewals', () => {
  it('chains three yearly terms in order, one to one', () => {
    const terms = [
      term({ id: 'y2024', endsOn: '2024-06-30' }),
      term({ id: 'y2026', endsOn: '2026-06-30' }),
      term({ id: 'y2025', endsOn: '2025-06-30' }),
    ];
    expect(matchRenewals(terms)).toEqual([
      { earlierId: 'y2024', laterId: 'y2025' },
      { earlierId: 'y2025', laterId: 'y2026' },
    ]);
  });
  it('keeps two services in two chains', () => {
    const terms = [
      term({ id: 'm1', endsOn: '2024-12-31' }),
      term({ id: 's1', service: '云服务器', endsOn: '2024-12-31' }),
      term({ id: 'm2', endsOn: '2025-12-31' }),
      term({ id: 's2', service: '云服务器', endsOn: '2025-12-31' }),
    ];
    expect(matchRenewals(terms)).toEqual([
      { earlierId: 'm1', laterId: 'm2' },
      { earlierId: 's1', laterId: 's2' },
    ]);
  });
  it('leaves a gap over 92 days unlinked, never links a lost term, and respects vetoes and existing links', () => {
    const gap = [term({ id: 'g1', endsOn: '2022-12-31' }), term({ id: 'g2', startsOn: '2023-06-01', endsOn: '2024-05-31' })];
    expect(matchRenewals(gap)).toEqual([]);
    const lost = [term({ id: 'l1', endsOn: '2024-12-31', lost: true }), term({ id: 'l2', endsOn: '2025-12-31' })];
    expect(matchRenewals(lost)).toEqual([]);
    const pair = [term({ id: 'v1', endsOn: '2024-12-31' }), term({ id: 'v2', endsOn: '2025-12-31' })];
    expect(matchRenewals(pair, new Set(['v1|v2']))).toEqual([]);
    expect(matchRenewals([{ ...pair[0]!, hasSuccessor: true }, pair[1]!])).toEqual([]);
    expect(matchRenewals([pair[0]!, { ...pair[1]!, renewalOf: 'x' }])).toEqual([]);
  });
  it('gives each earlier term the later term that starts first, so two overlapping candidates split', () => {
    const terms = [
      term({ id: 'a1', startsOn: '2024-01-01', endsOn: '2024-12-31' }),
      term({ id: 'a2', startsOn: '2024-01-01', endsOn: '2025-01-31' }),
      term({ id: 'b1', startsOn: '2025-01-01', endsOn: '2025-12-31' }),
      term({ id: 'b2', startsOn: '2025-02-01', endsOn: '2026-01-31' }),
    ];
    expect(matchRenewals(terms)).toEqual([
      { earlierId: 'a1', laterId: 'b1' },
      { earlierId: 'a2', laterId: 'b2' },
    ]);
  });
});

describe('linkedOutcome', () => {
  const later = { startsOn: null, signedOn: '2025-12-20', endsOn: '2026-12-31', cycle: 'year' as const, amountFen: 120_000 };
  it("keeps the record's own date and amount when it gave either, else takes the later term's start and amount", () => {
    expect(linkedOutcome({ outcomeOn: '2025-12-01', outcomeAmountFen: null }, later)).toEqual({ outcomeOn: '2025-12-01', outcomeAmountFen: null });
    expect(linkedOutcome({ outcomeOn: null, outcomeAmountFen: null }, later)).toEqual({ outcomeOn: '2025-12-20', outcomeAmountFen: 120_000 });
    expect(linkedOutcome(null, { ...later, signedOn: null })).toEqual({ outcomeOn: '2025-12-31', outcomeAmountFen: 120_000 });
  });
});
