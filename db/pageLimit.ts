import { rawOf, type Db } from './handle.ts';

// A full disk, simulated for tests: SQLite refuses to grow the file past max_page_count with SQLITE_FULL, the
// error a real full disk gives. The limit belongs to this connection only and is never stored in the file.

/** Lets the file grow by at most `extraPages` pages from its size now; returns the limit SQLite set. */
export function limitGrowth(db: Db, extraPages: number): number {
  const raw = rawOf(db);
  const pages = Number(raw.pragma('page_count', { simple: true }));
  return Number(raw.pragma(`max_page_count = ${Math.max(0, Math.trunc(pages + extraPages))}`, { simple: true }));
}

/** Lifts the limit again (SQLite clamps the request to its own largest size). */
export function liftGrowthLimit(db: Db): number {
  return Number(rawOf(db).pragma('max_page_count = 4294967294', { simple: true }));
}
