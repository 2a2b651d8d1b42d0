import { sql, type RawBuilder } from 'kysely';
import type { DbEngine } from '../handle.ts';
import type { SearchPlan } from './customerListQuery.ts';

// What the customer list's plans share (customerListQuery.ts builds them, customerListScopedPlans.ts the plans
// through migration 0018's postings per scope).

/** FROM and WHERE of one list query; `c` is always the customers row. */
export interface QueryShape {
  plan: SearchPlan;
  from: RawBuilder<unknown>;
  where: RawBuilder<unknown>[];
  /** Whether the count and the page come from one pass over the matches. */
  onePass: boolean;
  /** The total, when choosing the plan already counted it (scoped postings of a two-character query). */
  total?: number;
}

export const and = (where: readonly RawBuilder<unknown>[]) => sql.join(where, sql` AND `);

/**
 * Whether the customer holds the bigram. On SQLite pinned to the primary key (bigram, customer_id): one bigram's
 * entries sit together there, so thousands of probes stay on a few hundred cached pages. The planner would
 * as soon take customer_bigrams_customer, whose entries for the same probes are spread over the whole index
 * (measured at 100k customers: 4–5× slower, half of it in the kernel reading pages). PostgreSQL has no index
 * hints; its only index on the table is that primary key.
 */
export const probe = (engine: DbEngine, gram: string) =>
  engine === 'sqlite'
    ? sql`EXISTS (SELECT 1 FROM customer_bigrams b INDEXED BY sqlite_autoindex_customer_bigrams_1
    WHERE b.bigram = ${gram} AND b.customer_id = c.id)`
    : sql`EXISTS (SELECT 1 FROM customer_bigrams b WHERE b.bigram = ${gram} AND b.customer_id = c.id)`;

/**
 * An inner join whose left side stays the outer loop. SQLite's CROSS JOIN … ON fixes the order (the driving
 * postings first); PostgreSQL has no CROSS JOIN with ON and plans the order itself.
 */
export const drivingJoin = (engine: DbEngine) => (engine === 'sqlite' ? sql`CROSS JOIN` : sql`JOIN`);

/**
 * What the page's inner select picks for each row and the decorating join finds the row by again: SQLite's rowid
 * (its indexes' entries carry it, so choosing the page needs no lookup by id), PostgreSQL's primary key.
 */
export const rowKey = (engine: DbEngine) => (engine === 'sqlite' ? sql`c.rowid` : sql`c.id`);

/** Whether `needle` occurs in `haystack` (SQLite's instr, PostgreSQL's strpos: both count characters, 0 when absent). */
export const contains = (engine: DbEngine, haystack: RawBuilder<unknown>, needle: string) =>
  engine === 'sqlite' ? sql`instr(${haystack}, ${needle}) > 0` : sql`strpos(${haystack}, ${needle}) > 0`;

/** Receives each statement run while choosing the plan (explainCustomerList shows them). */
export type Trace = (name: 'bigram counts' | 'candidates' | 'scoped count', statement: RawBuilder<unknown>) => void;
