import { sql, type RawBuilder } from 'kysely';
import type { DbEngine } from '../handle.ts';

// Calendar arithmetic on 'YYYY-MM-DD' text and ISO instants, in each engine's functions: SQLite's date(),
// julianday() and strftime() modifiers, PostgreSQL's date and timestamp arithmetic, giving the same text. The
// offsets are integers written into the statement (not bound), so an expression repeated in GROUP BY stays equal.

const signed = (n: number, unit: string) => `${n >= 0 ? '+' : ''}${Math.trunc(n)} ${unit}`;

/** The day `days` after (before, when negative) a date. */
export function addDaysSql(engine: DbEngine, day: RawBuilder<unknown>, days: number): RawBuilder<string> {
  if (engine === 'postgres') return sql<string>`to_char(${day}::date + ${sql.lit(Math.trunc(days))}, 'YYYY-MM-DD')`;
  return sql<string>`date(${day}, ${sql.lit(signed(days, 'days'))})`;
}

/** The day `months` after a date (for a first of the month, as the usage periods are, both engines agree). */
export function addMonthsSql(engine: DbEngine, day: RawBuilder<unknown>, months: number): RawBuilder<string> {
  if (engine === 'postgres') return sql<string>`to_char(${day}::date + make_interval(months => ${sql.lit(Math.trunc(months))}), 'YYYY-MM-DD')`;
  return sql<string>`date(${day}, ${sql.lit(signed(months, months === 1 || months === -1 ? 'month' : 'months'))})`;
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetweenSql(engine: DbEngine, from: RawBuilder<unknown>, to: RawBuilder<unknown>): RawBuilder<number> {
  if (engine === 'postgres') return sql<number>`(${to}::date - ${from}::date)`;
  return sql<number>`(julianday(${to}) - julianday(${from}))`;
}

/** The smaller of two values (SQLite's two-argument min(), PostgreSQL's least()). */
export function smallerSql(engine: DbEngine, a: RawBuilder<unknown>, b: RawBuilder<unknown>): RawBuilder<string> {
  return engine === 'postgres' ? sql<string>`least(${a}, ${b})` : sql<string>`min(${a}, ${b})`;
}

/** The larger of two values (SQLite's two-argument max(), PostgreSQL's greatest()). */
export function largerSql(engine: DbEngine, a: RawBuilder<unknown>, b: RawBuilder<unknown>): RawBuilder<number> {
  return engine === 'postgres' ? sql<number>`greatest(${a}, ${b})` : sql<number>`max(${a}, ${b})`;
}

/** The local date ('YYYY-MM-DD') of a stored UTC instant, the zone `offsetMinutes` east of UTC. */
export function localDateOfInstantSql(engine: DbEngine, instant: RawBuilder<unknown>, offsetMinutes: number): RawBuilder<string> {
  if (engine === 'postgres') {
    return sql<string>`to_char((${instant}::timestamptz AT TIME ZONE 'UTC') + make_interval(mins => ${sql.lit(Math.trunc(offsetMinutes))}), 'YYYY-MM-DD')`;
  }
  return sql<string>`date(${instant}, ${signed(offsetMinutes, 'minutes')})`;
}

/**
 * The stored-instant text ('YYYY-MM-DDTHH:MM:SS.SSSZ') of local midnight starting a day, in the zone `offsetMinutes`
 * east of UTC. `startOfMonth` moves to the first of the day's month first, then `months` months on.
 */
export function localMidnightInstantSql(
  engine: DbEngine,
  day: RawBuilder<unknown>,
  offsetMinutes: number,
  opts: { startOfMonth?: boolean; months?: number; days?: number } = {},
): RawBuilder<string> {
  const months = Math.trunc(opts.months ?? 0);
  const days = Math.trunc(opts.days ?? 0);
  if (engine === 'postgres') {
    const base = opts.startOfMonth ? sql`date_trunc('month', ${day}::timestamp)` : sql`${day}::timestamp`;
    return sql<string>`to_char(${base} + make_interval(months => ${sql.lit(months)}, days => ${sql.lit(days)}, mins => ${sql.lit(-Math.trunc(offsetMinutes))}),
      'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  }
  const modifiers: RawBuilder<unknown>[] = [];
  if (opts.startOfMonth) modifiers.push(sql`'start of month'`);
  if (months !== 0) modifiers.push(sql.lit(signed(months, 'months')));
  if (days !== 0) modifiers.push(sql.lit(signed(days, 'day')));
  const parts = [day, ...modifiers];
  return sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', date(${sql.join(parts)}), ${signed(-offsetMinutes, 'minutes')})`;
}

/**
 * The local month ('YYYY-MM') of a stored UTC instant (ISO text), shifted by a fixed offset east of UTC in minutes:
 * SQLite's strftime with a '±N minutes' modifier, PostgreSQL's to_char of the instant read as timestamptz.
 */
export function localMonthSql(engine: DbEngine, instant: RawBuilder<unknown>, offsetMinutes: number): RawBuilder<string> {
  const minutes = Math.trunc(offsetMinutes);
  if (engine === 'postgres') return sql<string>`to_char((${instant}::timestamptz AT TIME ZONE 'UTC') + make_interval(mins => ${sql.lit(minutes)}), 'YYYY-MM')`;
  return sql<string>`strftime('%Y-%m', ${instant}, ${`${minutes >= 0 ? '+' : ''}${minutes} minutes`})`;
}
