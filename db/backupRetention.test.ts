import { addDays, addHours, format, getISOWeek, getISOWeekYear } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { backupsToKeep, backupsToPrune, DEFAULT_RETENTION, type BackupStamp } from './backupRetention.ts';

const stamp = (d: Date) => format(d, "yyyy-MM-dd'T'HH:mm:ss.SSS");
const entry = (takenAt: string, reason = 'auto'): BackupStamp => ({ name: `${takenAt}-${reason}`, takenAt });
const names = (list: readonly BackupStamp[]) => list.map((e) => e.name);

describe('backupsToPrune', () => {
  it('keeps a backup taken before an import this morning although several were taken this afternoon', () => {
    const morning = entry('2026-03-10T09:00:00.000', 'pre-import');
    const afternoon = ['13:00', '14:00', '15:00', '16:00', '17:00'].map((t) => entry(`2026-03-10T${t}:00.000`, 'manual'));
    expect(backupsToPrune([morning, ...afternoon], '2026-03-10T18:00:00.000')).toEqual([]);
  });

  it('keeps at most 50 of the last 24 hours, the newest, so a script importing in a loop cannot fill the disk', () => {
    const burst = Array.from({ length: 80 }, (_, i) => entry(stamp(addHours(new Date(2026, 2, 10, 0, i), 0))));
    const kept = [...backupsToKeep(burst, '2026-03-10T12:00:00.000')].sort();
    expect(kept).toEqual(names(burst.slice(30)).sort());
  });

  it('keeps the newest of each day for a week, then of each ISO week for four weeks, then of each month for a year', () => {
    // Three backups a day for 500 days, pruned at noon on the last day.
    const now = new Date(2026, 5, 15, 12, 0, 0);
    const all: BackupStamp[] = [];
    for (let day = 0; day < 500; day++) {
      for (const hour of [8, 10, 11]) all.push(entry(stamp(addHours(addDays(new Date(2026, 5, 15), -day), hour))));
    }
    const keep = backupsToKeep(all, stamp(now));
    const kept = all.filter((e) => keep.has(e.name));
    const keptNames = new Set(names(kept));

    // Everything of the last 24 hours.
    for (const e of all) if (e.takenAt >= '2026-06-14T12:00:00.000') expect(keptNames).toContain(e.name);
    // The newest of each of the 7 days, never an older one of the same day outside the last 24 hours.
    for (let day = 0; day < 7; day++) expect(keptNames).toContain(`${stamp(addHours(addDays(new Date(2026, 5, 15), -day), 11))}-auto`);
    expect(keptNames).not.toContain('2026-06-13T10:00:00.000-auto');
    // One per ISO week for the 4 weeks, one per month for 12 months, and the newest of each.
    const weeks = new Set(kept.map((e) => { const d = new Date(e.takenAt); return `${getISOWeekYear(d)}-${getISOWeek(d)}`; }));
    expect(weeks.size).toBeGreaterThanOrEqual(4);
    expect(keptNames).toContain('2026-05-31T11:00:00.000-auto'); // Sunday: the newest of ISO week 22
    const months = [...new Set(kept.map((e) => e.takenAt.slice(0, 7)))].sort();
    expect(months).toEqual(['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(keptNames).toContain('2025-07-31T11:00:00.000-auto');
    expect(keptNames).not.toContain('2025-07-30T11:00:00.000-auto');
    // Nothing older than twelve months.
    expect(kept.every((e) => e.takenAt >= '2025-07-01')).toBe(true);
    // 3 of today and 2 of yesterday after noon (the last 24 hours), 5 more days, a few weeks and 11 more months.
    expect(kept.length).toBeLessThan(30);
  });

  it('prunes nothing more when run again with the same clock', () => {
    const all = Array.from({ length: 60 }, (_, i) => entry(stamp(addHours(new Date(2026, 0, 1), i * 13))));
    const now = stamp(new Date(2026, 0, 30));
    const pruned = new Set(names(backupsToPrune(all, now)));
    const left = all.filter((e) => !pruned.has(e.name));
    expect(left.length).toBeLessThan(all.length);
    expect(backupsToPrune(left, now)).toEqual([]);
  });

  it('still has a backup for each month of the year after a year of daily backups pruned every day', () => {
    let kept: BackupStamp[] = [];
    const start = new Date(2025, 0, 1, 9);
    for (let day = 0; day < 400; day++) {
      const at = addDays(start, day);
      kept.push(entry(stamp(at)));
      const pruned = new Set(names(backupsToPrune(kept, stamp(at))));
      kept = kept.filter((e) => !pruned.has(e.name));
    }
    const months = new Set(kept.map((e) => e.takenAt.slice(0, 7)));
    // Day 399 is 2026-02-04: its month and the eleven before it.
    expect([...months].sort()).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
    // Each month keeps its last day's backup.
    expect(names(kept)).toContain('2025-03-31T09:00:00.000-auto');
  });

  it('keeps the newest three of an archive left alone for years', () => {
    const old = ['2020-01-01', '2020-02-01', '2020-03-01', '2020-04-01', '2020-05-01'].map((d) => entry(`${d}T09:00:00.000`));
    expect(names(backupsToPrune(old, '2026-01-01T09:00:00.000'))).toEqual(['2020-02-01T09:00:00.000-auto', '2020-01-01T09:00:00.000-auto']);
  });

  it('keeps a backup stamped after now (the clock went back)', () => {
    const future = entry('2027-01-01T00:00:00.000');
    expect(backupsToPrune([future, ...['01', '02', '03', '04'].map((m) => entry(`2020-${m}-01T00:00:00.000`))], '2026-01-01T00:00:00.000')).not.toContainEqual(future);
  });

  it('refuses a policy that keeps nothing', () => {
    expect(() => backupsToKeep([], '2026-01-01T00:00:00.000', { ...DEFAULT_RETENTION, newest: 0 })).toThrow();
  });
});
