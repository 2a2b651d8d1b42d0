import { sql, type RawBuilder } from 'kysely';
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
 * Whether the customer holds the bigram. Pinned to the primary key (bigram, customer_id): one bigram's
 * entries sit together there, so thousands of probes stay on a few hundred cached pages. The planner would
 * as soon take customer_bigrams_customer, whose entries for the same probes are spread over the whole index
 * (measured at 100k customers: 4–5× slower, half of it in the kernel reading pages).
 */
export const probe = (gram: string) =>
  sql`EXISTS (SELECT 1 FROM customer_bigrams b INDEXED BY sqlite_autoindex_customer_bigrams_1
    WHERE b.bigram = ${gram} AND b.customer_id = c.id)`;

/** Receives each statement run while choosing the plan (explainCustomerList shows them). */
export type Trace = (name: 'bigram counts' | 'candidates' | 'scoped count', statement: RawBuilder<unknown>) => void;
