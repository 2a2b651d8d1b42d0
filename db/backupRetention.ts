// Which backups to keep. Pure (wall-clock stamps in, names out), so the policy is tested on its own and the
// same answer comes out whatever the machine's time zone.

export interface BackupStamp {
  name: string;
  /** When the backup was taken, as local wall-clock time: `YYYY-MM-DDTHH:mm:ss.SSS`. */
  takenAt: string;
}

export interface RetentionPolicy {
  /** Everything taken this many hours before now is kept… */
  withinHours: number;
  /** …up to this many of them (the newest), so a script importing in a loop cannot fill the disk. */
  withinMax: number;
  /** The newest backup of each of this many calendar days (today included). */
  daily: number;
  /** The newest backup of each of this many ISO weeks, Monday to Sunday (this week included). */
  weekly: number;
  /** The newest backup of each of this many calendar months (this month included). */
  monthly: number;
  /** The newest few are kept whatever their age, so an archive left alone for a year still has its last ones. */
  newest: number;
}

/**
 * Daily for 7 days, weekly for 4 weeks, monthly for 12 months, as the usual rotation; plus everything of the
 * last 24 hours (up to 50), so the backup taken before this morning's import outlives this afternoon's backups.
 */
export const DEFAULT_RETENTION: RetentionPolicy = { withinHours: 24, withinMax: 50, daily: 7, weekly: 4, monthly: 12, newest: 3 };

const STAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})$/;
const DAY_MS = 86_400_000;

interface Calendar {
  /** Milliseconds of the wall-clock time read as if it were UTC: differences are wall-clock differences. */
  ms: number;
  day: number;
  /** Monday-based weeks since the epoch (1970-01-01 was a Thursday): the same buckets as ISO weeks. */
  week: number;
  month: number;
}

function calendar(stamp: string): Calendar {
  const m = STAMP.exec(stamp);
  if (!m) throw new Error(`not a wall-clock stamp: ${stamp}`);
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map(Number) as [number, number, number, number, number, number, number];
  const day = Math.floor(Date.UTC(y, mo - 1, d) / DAY_MS);
  return { ms: Date.UTC(y, mo - 1, d, h, mi, s, ms), day, week: Math.floor((day + 3) / 7), month: y * 12 + mo - 1 };
}

const newestFirst = (a: BackupStamp, b: BackupStamp) =>
  a.takenAt === b.takenAt ? b.name.localeCompare(a.name) : b.takenAt.localeCompare(a.takenAt);

/** The names to keep under `policy` at wall-clock time `now`. A backup stamped after `now` (the clock went back) is kept. */
export function backupsToKeep(entries: readonly BackupStamp[], now: string, policy: RetentionPolicy = DEFAULT_RETENTION): Set<string> {
  if (policy.newest < 1) throw new Error('retention must keep at least the newest backup');
  const at = calendar(now);
  const sorted = [...entries].sort(newestFirst);
  const keep = new Set(sorted.slice(0, policy.newest).map((e) => e.name));
  const seen = { day: new Set<number>(), week: new Set<number>(), month: new Set<number>() };
  let recent = 0;
  for (const entry of sorted) {
    const taken = calendar(entry.takenAt);
    if (at.ms - taken.ms < policy.withinHours * 3_600_000 && recent < policy.withinMax) {
      keep.add(entry.name);
      recent++;
    }
    // Newest first, so the first entry met in a day, week or month is that bucket's newest.
    const buckets: [keyof typeof seen, number, number][] = [
      ['day', taken.day, policy.daily],
      ['week', taken.week, policy.weekly],
      ['month', taken.month, policy.monthly],
    ];
    for (const [kind, bucket, window] of buckets) {
      if (at[kind] - bucket >= window || seen[kind].has(bucket)) continue;
      seen[kind].add(bucket);
      keep.add(entry.name);
    }
  }
  return keep;
}

/** The backups `policy` lets go, newest first. */
export function backupsToPrune(entries: readonly BackupStamp[], now: string, policy: RetentionPolicy = DEFAULT_RETENTION): BackupStamp[] {
  const keep = backupsToKeep(entries, now, policy);
  return [...entries].sort(newestFirst).filter((e) => !keep.has(e.name));
}
