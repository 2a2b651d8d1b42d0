// A survey's scores are stored as a JSON object {dimension id: 1..5} (text on both engines). The aggregates walk
// its entries as rows j(key, value): SQLite's json_each, PostgreSQL's jsonb_each_text with the value cast back to
// a number (double precision, so avg() computes as SQLite's does, in floating point).
import { sql, type RawBuilder } from 'kysely';
import { engineOf, type Executor } from '../handle.ts';

/**
 * The FROM-list item that joins each row of `surveys s` to its score entries as `j` (j.key, j.value); it follows a
 * comma, after the item that brings in `s`.
 */
export function scoreEntriesOf(x: Executor): RawBuilder<unknown> {
  return engineOf(x) === 'postgres'
    ? sql`LATERAL (SELECT e.key, e.value::double precision AS value FROM jsonb_each_text(s.scores::jsonb) e) j`
    : sql`json_each(s.scores) j`;
}
