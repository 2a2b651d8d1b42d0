import { sql } from 'kysely';
import { engineOf, q, type Tx } from '../handle.ts';

// Who may write reminder rows at once on a PostgreSQL archive, where several clients write without SQLite's single
// writer. One transaction advisory lock, held to the commit:
// - exclusive: the tick (its catch-up recompute, the supersede rule and the claim) and a recompute over every subject
//   (a settings or ladder change), so each reads rows no other writer is changing and writes from one consistent read;
// - shared: every other writer of reminder rows (a recompute after an edit, snooze, done, an import's or an undo's
//   reminder steps, a merge), taken before it reads the rows it rewrites. Writers of different subjects run side by
//   side; two of them on one subject meet on the rows, and their inserts on the unique key (remindersRepo).
// The tick holds no other lock a writer could be waiting on while it waits for the writers, and a writer takes this
// lock before its first reminder-row write, so the only wait cycles are ones PostgreSQL's detector resolves by
// reordering its queue. SQLite: a no-op, BEGIN IMMEDIATE already admits one writer at a time.

// 'RDRT' in ASCII, apart from the migration lock ('RDSK').
const REMINDER_LOCK_KEY = 0x52445254;

// Transactions holding the lock exclusively, so the tick's own row writes (a zone change's thousands of instants)
// skip the round trip. Only the exclusive mode is remembered: it is taken at the top of a tick or a full recompute,
// never inside a savepoint. The shared one may be first taken inside one (a bulk renewal's per-contract savepoint),
// and a ROLLBACK TO releases a lock taken after its savepoint, so it is asked for again on every write; holding it
// already, the server grants it at once.
const exclusive = new WeakSet<Tx>();

/** Waits until no other client writes reminder rows, then keeps them out until this transaction ends. */
export async function lockReminderWritesExclusive(tx: Tx): Promise<void> {
  if (engineOf(tx) !== 'postgres' || exclusive.has(tx)) return;
  await sql`SELECT pg_advisory_xact_lock(${REMINDER_LOCK_KEY}::bigint)`.execute(q(tx));
  exclusive.add(tx);
}

/** Joins the writers of reminder rows: waits for a running tick or full recompute, not for other writers. */
export async function lockReminderWritesShared(tx: Tx): Promise<void> {
  if (engineOf(tx) !== 'postgres' || exclusive.has(tx)) return;
  await sql`SELECT pg_advisory_xact_lock_shared(${REMINDER_LOCK_KEY}::bigint)`.execute(q(tx));
}
