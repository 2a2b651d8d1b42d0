import { sql, type RawBuilder } from 'kysely';

/**
 * PostgreSQL: the 64-bit id (xid8) of the transaction that last wrote the row `alias` names, for
 * pg_visible_in_snapshot. A row keeps only the low 32 bits (xmin); they are widened against the current snapshot's
 * xmax, taking the previous epoch when the sum would lie in the future.
 */
export function writerXidOf(alias: string): RawBuilder<unknown> {
  const xmin = sql`${sql.ref(`${alias}.xmin`)}::text::bigint`;
  const top = sql`(SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint)`;
  const epoch = sql`((${top} >> 32) << 32)`;
  return sql`(CASE WHEN ${epoch} + ${xmin} > ${top} THEN ${epoch} + ${xmin} - 4294967296 ELSE ${epoch} + ${xmin} END)::text::xid8`;
}
