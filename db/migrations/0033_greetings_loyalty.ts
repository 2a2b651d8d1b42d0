import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
//
// Issue 14 (greetings, loyalty, messages to the customer), new tables only, in one transaction:
// - message_templates: the wording of a message to the customer per tier and kind (a missing row means the
//   built-in wording, shared/messages/customerMessages.ts);
// - renewal_offers: what is offered for a contract's renewal (discount, gift, a note); its instalment part is the
//   contract's instalments (0024), not stored twice;
// - loyalty_points: dated point entries with a reason (negative = redeemed); the balance is their sum;
// - referrals: who referred whom, when, and the reward given.
// All audited (version, timestamps) and soft-deleted like the other records, so a write is undone.
export const migration0033GreetingsLoyalty: MigrationDefinition = {
  version: 33,
  name: 'greetings_loyalty',
  sql: `
CREATE TABLE message_templates (
  id TEXT PRIMARY KEY NOT NULL,
  tier_code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('expiry', 'birthday', 'holiday', 'survey', 'offer')),
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE UNIQUE INDEX message_templates_tier_kind ON message_templates(tier_code, kind) WHERE deleted_at IS NULL;

CREATE TABLE renewal_offers (
  id TEXT PRIMARY KEY NOT NULL,
  contract_id TEXT NOT NULL REFERENCES contracts(id),
  customer_id TEXT NOT NULL REFERENCES customers(id),
  discount TEXT,
  gift TEXT,
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
-- One live offer per contract (the renewal of that term).
CREATE UNIQUE INDEX renewal_offers_contract ON renewal_offers(contract_id) WHERE deleted_at IS NULL;
CREATE INDEX renewal_offers_customer ON renewal_offers(customer_id);

CREATE TABLE loyalty_points (
  id TEXT PRIMARY KEY NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  occurred_on TEXT NOT NULL CHECK (length(occurred_on) = 10),
  points INTEGER NOT NULL CHECK (points <> 0),
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE INDEX loyalty_points_customer ON loyalty_points(customer_id, occurred_on) WHERE deleted_at IS NULL;

CREATE TABLE referrals (
  id TEXT PRIMARY KEY NOT NULL,
  referrer_id TEXT NOT NULL REFERENCES customers(id),
  referred_id TEXT NOT NULL REFERENCES customers(id),
  referred_on TEXT NOT NULL CHECK (length(referred_on) = 10),
  reward TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
  CHECK (referrer_id <> referred_id)
);
CREATE INDEX referrals_referrer ON referrals(referrer_id, referred_on) WHERE deleted_at IS NULL;
CREATE INDEX referrals_referred ON referrals(referred_id) WHERE deleted_at IS NULL;
`,
};
