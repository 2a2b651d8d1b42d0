import pg from 'pg';

/**
 * How values come back from PostgreSQL, set on each pool's own `types` so no other pg user in the process is
 * affected. The services speak SQLite's values: integers (fen amounts, counts) as numbers, dates as the
 * 'YYYY-MM-DD' strings they were written as, instants as ISO strings. pg's defaults would give strings for
 * bigint and numeric and Date objects (shifted into the process's zone) for date and timestamptz.
 */
const OID = { int8: 20, numeric: 1700, date: 1082, timestamptz: 1184 } as const;

function parseInt8(text: string): number {
  const n = Number(text);
  // A fen amount or a count past 2^53 cannot happen in this app; rounding one silently would be worse than failing.
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${text} does not fit a JavaScript number`);
  return n;
}

const defaultTimestamptz = pg.types.getTypeParser(OID.timestamptz, 'text') as (text: string) => Date;

const TEXT_PARSERS: Readonly<Record<number, (text: string) => unknown>> = {
  [OID.int8]: parseInt8,
  [OID.numeric]: (text) => Number(text),
  [OID.date]: (text) => text,
  [OID.timestamptz]: (text) => defaultTimestamptz(text).toISOString(),
};

/** The `types` option for a pg.Pool or pg.Client. */
export const postgresTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    const own = format === 'binary' ? undefined : TEXT_PARSERS[oid];
    return own ?? pg.types.getTypeParser(oid, format ?? 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};
