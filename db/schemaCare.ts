import type { SoftDeleted } from './schema.ts';

// Issue 14's tables (migration 0033): greetings, messages to the customer and loyalty. Kept beside schema.ts, which
// is at its size limit; the table-shape check (electron/services/tableShapes.test.ts) reads both.

export interface MessageTemplatesTable extends SoftDeleted {
  id: string;
  tier_code: string;
  kind: string;
  body: string;
}

export interface RenewalOffersTable extends SoftDeleted {
  id: string;
  contract_id: string;
  customer_id: string;
  discount: string | null;
  gift: string | null;
  note: string | null;
}

export interface LoyaltyPointsTable extends SoftDeleted {
  id: string;
  customer_id: string;
  occurred_on: string;
  points: number;
  reason: string;
}

export interface ReferralsTable extends SoftDeleted {
  id: string;
  referrer_id: string;
  referred_id: string;
  referred_on: string;
  reward: string | null;
}
