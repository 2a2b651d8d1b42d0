import { sql } from 'kysely';
import { engineOf, injectedServerClockOf, q, type Db } from './handle.ts';

/**
 * The instant the reminder tick claims at and stamps with. An SQLite archive is one machine's file: its clock is
 * that machine's (`local`). A PostgreSQL archive is shared by several desktops whose clocks disagree: there the
 * server's clock decides, so a desktop running ten minutes fast neither fires a step early nor stamps the future.
 */
export async function archiveNow(db: Db, local: Date): Promise<Date> {
  if (engineOf(db) === 'sqlite') return local;
  const injected = injectedServerClockOf(db);
  if (injected) return injected();
  // Milliseconds since the epoch as int8 (our type parser makes it a number): no time zone or Date parsing involved.
  const { rows } = await sql<{ ms: number }>`SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS "ms"`.execute(q(db));
  return new Date(rows[0]!.ms);
}
