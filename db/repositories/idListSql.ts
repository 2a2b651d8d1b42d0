import { sql, type RawBuilder } from 'kysely';
import type { DbEngine } from '../handle.ts';

/**
 * `column IN (ids)` with the whole list bound as ONE value, so a list of thousands stays one statement and one
 * plan: a JSON array read by json_each on SQLite, a text[] on PostgreSQL (which has no json_each over text).
 */
export function inIdList(engine: DbEngine, column: RawBuilder<unknown>, ids: readonly string[]): RawBuilder<boolean> {
  return engine === 'postgres'
    ? sql<boolean>`${column} = ANY(${[...ids]}::text[])`
    : sql<boolean>`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}
