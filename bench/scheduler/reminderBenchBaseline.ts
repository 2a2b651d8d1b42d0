import { rawOf, type Db } from '../../db/handle.ts';

// The scheduler benchmark's yardsticks: bare indexed SELECTs of the same rows the tick and the recompute touch,
// as raw prepared statements, so their cost is SQLite's alone.

export function selectDueBaseline(db: Db, nowIso: string): number {
  return rawOf(db).prepare('SELECT id, kind, subject_id, due_at FROM reminders WHERE fired_at IS NULL AND due_at <= ?').all(nowIso).length;
}

export function selectSubjectBaseline(db: Db, contractId: string): number {
  return rawOf(db).prepare("SELECT * FROM reminders WHERE kind = 'expiry' AND subject_id = ?").all(contractId).length;
}

/** Makes the day-of-expiry step of `n` contracts due at `dueIso` (one step per contract, so none supersedes another). */
export function forceDue(db: Db, n: number, dueIso: string): number {
  return rawOf(db)
    .prepare(
      `UPDATE reminders SET due_at = ? WHERE id IN (
         SELECT id FROM reminders WHERE fired_at IS NULL AND kind = 'expiry' AND step = 0 ORDER BY subject_id LIMIT ?)`,
    )
    .run(dueIso, n).changes;
}

/** Moves a contract's end date by a day, as an edit would, without going through the service. */
export function shiftContractEnd(db: Db, contractId: string, days: number): void {
  rawOf(db).prepare(`UPDATE contracts SET ends_on = date(ends_on, ? || ' days') WHERE id = ?`).run(String(days), contractId);
}

export function reminderCount(db: Db): number {
  return Number(rawOf(db).prepare('SELECT count(*) FROM reminders').pluck().get());
}

export function analyze(db: Db): void {
  rawOf(db).exec('ANALYZE');
}
