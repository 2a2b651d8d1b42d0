import { sql, type RawBuilder } from 'kysely';
import { engineOf, q, type Executor } from '../handle.ts';
import type { CustomerListFilter, CustomerListTuning } from './customerListQuery.ts';
import { and, drivingJoin, probe, type QueryShape, type Trace } from './customerListSqlParts.ts';

// The customer list's plans for a search within one owner and/or tier (`scoped count`, then `scoped-probe` or
// `scoped-drive`), through migration 0018's postings per scope (customer_scoped_bigrams).

/**
 * The scopes (search_scopes ids) a filter by owner and/or tier covers, or null when the filter is not one the
 * postings answer alone: no owner and no tier (the scope would be most of the archive), or a tag or expiry filter
 * (then the postings' count is not the total).
 */
function scopeIds(f: CustomerListFilter): RawBuilder<unknown> | null {
  if ((!f.ownerId && !f.tier) || f.tagId || f.expiringOnOrBefore) return null;
  const where: RawBuilder<unknown>[] = [];
  if (f.ownerId) where.push(sql`s.owner_key = ${f.ownerId}`);
  if (f.tier) where.push(sql`s.tier = ${f.tier}`);
  if (f.archived !== 'all') where.push(sql`s.archived = ${f.archived === 'archived' ? 1 : 0}`);
  return sql`SELECT s.id FROM search_scopes s WHERE ${and(where)}`;
}

/**
 * A search within one owner and/or tier, through migration 0018's postings per scope: the holders of the rarest
 * gram in the scope are counted from the postings alone. A two-character query's total is that count, and when
 * it is large the page walks the customers in page order, probing each, stopping after the page (scoped-probe).
 * Otherwise the holders are read from the postings, those missing another of the query's grams (or every gram of
 * one of its clauses) dropped from the postings too, and the rest checked (scoped-drive, one pass). Null when the filter is not a scope.
 */
export async function scopedShape(
  x: Executor,
  f: CustomerListFilter,
  base: RawBuilder<unknown>[],
  asked: {
    /** Grams every match holds; `rarest` (held by fewest customers) among them. */
    grams: readonly string[];
    rarest: string;
    /** Clauses of grams of which every match holds one (a pinyin query's, pinyinQueryGrams.ts). */
    eitherOf: readonly (readonly string[])[];
  },
  whole: RawBuilder<unknown>[],
  tuning: CustomerListTuning,
  trace?: Trace,
): Promise<QueryShape | null> {
  const { rarest } = asked;
  if (tuning.force === 'bigram-drive' || tuning.force === 'bigram-probe') return null;
  const scopes = scopeIds(f);
  if (scopes === null) return null;
  let n: number | undefined;
  if (tuning.force === undefined || whole.length === 0) {
    const countQuery = sql<{ n: number }>`SELECT count(*) AS n FROM customer_scoped_bigrams sb
      WHERE sb.bigram = ${rarest} AND sb.scope IN (${scopes})`;
    trace?.('scoped count', countQuery);
    n = (await countQuery.execute(q(x))).rows[0]?.n ?? 0;
    if (n === 0) return { plan: 'empty', from: sql`customers c`, where: base, onePass: false };
  }
  const probeWalk = tuning.force === 'scoped-probe' || (tuning.force === undefined && n !== undefined && n > tuning.scopedDriveAtMost);
  if (whole.length === 0 && probeWalk) {
    return { plan: 'scoped-probe', from: sql`customers c`, where: [...base, probe(engineOf(x), rarest)], onePass: false, ...(n === undefined ? {} : { total: n }) };
  }
  const held = (g: string) =>
    sql`EXISTS (SELECT 1 FROM customer_scoped_bigrams o WHERE o.bigram = ${g} AND o.scope = sb.scope AND o.customer_id = sb.customer_id)`;
  // The other certain grams in one counting subquery, not an EXISTS each: SQLite turns a lone EXISTS into a
  // semi-join, which its planner may place after the customer's row and its text or reading check (measured:
  // hangzhouyun took twice as long); a correlated subquery, like each clause's OR, is checked on the postings
  // before any customer row is read.
  const otherGrams = asked.grams.filter((g) => g !== rarest);
  const others = [
    ...(otherGrams.length === 0
      ? []
      : [
          sql`(SELECT count(*) FROM customer_scoped_bigrams o
            WHERE o.bigram IN (${sql.join(otherGrams)}) AND o.scope = sb.scope AND o.customer_id = sb.customer_id) = ${otherGrams.length}`,
        ]),
    ...asked.eitherOf.map((clause) => sql`(${sql.join(clause.map(held), sql` OR `)})`),
  ];
  return {
    plan: 'scoped-drive',
    from: sql`customer_scoped_bigrams sb ${drivingJoin(engineOf(x))} customers c ON c.id = sb.customer_id`,
    where: [sql`sb.bigram = ${rarest}`, sql`sb.scope IN (${scopes})`, ...others, ...base, ...whole],
    onePass: true,
  };
}

