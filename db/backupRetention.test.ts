import { describe, expect, it } from 'vitest';
import { backupsToPrune } from './backupRetention.ts';

describe('backupsToPrune', () => {
  const e = (n: number) => ({ file: `b${n}.db`, createdAt: `2026-01-${String(n).padStart(2, '0')}` });
  it('keeps the newest N whatever the input order', () => {
    expect(backupsToPrune([e(3), e(1), e(5), e(2), e(4)], 3).map((b) => b.file)).toEqual(['b2.db', 'b1.db']);
  });
  it('prunes nothing when there are N or fewer', () => {
    expect(backupsToPrune([e(1), e(2)], 2)).toEqual([]);
  });
  it('refuses to keep fewer than one', () => {
    expect(() => backupsToPrune([e(1)], 0)).toThrow();
  });
});
