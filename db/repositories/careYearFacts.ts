// A customer's care in one year, for the key customer's annual review (issue 14): the complaints received in the
// year (and how many of them are still open) and the satisfaction surveys dated in it with the average of every
// dimension score they gave (null when none), as the health score averages them.
import { sql } from 'kysely';
import { q, type Executor } from '../handle.ts';
import { scoreEntriesOf } from './surveyScoresSql.ts';

export interface CareYearFacts {
  complaintsReceived: number;
  complaintsOpen: number;
  surveys: number;
  satisfactionAverage: number | null;
}

/** `from`/`to` are the year's local dates; `fromAt`/`untilAt` its instants (complaints are received at an instant). */
export async function careYearFacts(x: Executor, customerId: string, from: string, to: string, fromAt: string, untilAt: string): Promise<CareYearFacts> {
  const r = await sql<{ received: number; open: number; surveys: number; average: number | null }>`SELECT
      (SELECT count(*) FROM complaints p WHERE p.customer_id = ${customerId} AND p.deleted_at IS NULL
         AND p.received_at >= ${fromAt} AND p.received_at < ${untilAt}) AS received,
      (SELECT count(*) FROM complaints p WHERE p.customer_id = ${customerId} AND p.deleted_at IS NULL
         AND p.received_at >= ${fromAt} AND p.received_at < ${untilAt} AND p.step <> 'closed') AS open,
      (SELECT count(*) FROM surveys s WHERE s.customer_id = ${customerId} AND s.deleted_at IS NULL AND s.on_date BETWEEN ${from} AND ${to}) AS surveys,
      (SELECT avg(j.value) FROM surveys s, ${scoreEntriesOf(x)}
         WHERE s.customer_id = ${customerId} AND s.deleted_at IS NULL AND s.on_date BETWEEN ${from} AND ${to}) AS average`.execute(q(x));
  const row = r.rows[0];
  return {
    complaintsReceived: Number(row?.received ?? 0),
    complaintsOpen: Number(row?.open ?? 0),
    surveys: Number(row?.surveys ?? 0),
    satisfactionAverage: row?.average === null || row?.average === undefined ? null : Math.round(Number(row.average) * 100) / 100,
  };
}
