import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0001Init: MigrationDefinition = {
  version: 1,
  name: 'init',
  sql: `
CREATE TABLE owners (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE UNIQUE INDEX owners_name_live ON owners(name) WHERE deleted_at IS NULL;

CREATE TABLE customers (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  code TEXT,
  industry TEXT,
  tier TEXT NOT NULL DEFAULT 'normal',
  owner_id TEXT REFERENCES owners(id),
  lifecycle_stage TEXT NOT NULL DEFAULT 'customer',
  source TEXT,
  custom_fields TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(custom_fields)),
  notes TEXT,
  next_expiry_on TEXT,
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE UNIQUE INDEX customers_name_live ON customers(name) WHERE deleted_at IS NULL;
CREATE INDEX customers_owner_tier_expiry ON customers(owner_id, tier, next_expiry_on) WHERE deleted_at IS NULL;
CREATE INDEX customers_tier_expiry ON customers(tier, next_expiry_on) WHERE deleted_at IS NULL;
CREATE INDEX customers_expiry ON customers(next_expiry_on) WHERE deleted_at IS NULL;

CREATE TABLE tags (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  color TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE UNIQUE INDEX tags_name_live ON tags(name) WHERE deleted_at IS NULL;

-- A pure relation: rewritten whole when a customer's tags change, and audited on the customer.
CREATE TABLE customer_tags (
  customer_id TEXT NOT NULL REFERENCES customers(id),
  tag_id TEXT NOT NULL REFERENCES tags(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (customer_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX customer_tags_tag ON customer_tags(tag_id, customer_id);

CREATE TABLE contacts (
  id TEXT PRIMARY KEY NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  name TEXT NOT NULL,
  title TEXT,
  phone TEXT,
  email TEXT,
  birthday TEXT,
  is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE INDEX contacts_customer ON contacts(customer_id) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX contacts_one_primary ON contacts(customer_id) WHERE is_primary = 1 AND deleted_at IS NULL;

CREATE TABLE contracts (
  id TEXT PRIMARY KEY NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  number TEXT NOT NULL,
  signed_on TEXT,
  starts_on TEXT,
  ends_on TEXT,
  amount_fen INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
  currency TEXT NOT NULL DEFAULT 'CNY',
  cycle TEXT NOT NULL CHECK (cycle IN ('month', 'quarter', 'half_year', 'year', 'once')),
  service TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'expired', 'renewed', 'terminated')),
  owner_id TEXT REFERENCES owners(id),
  renewal_of TEXT REFERENCES contracts(id),
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
  CHECK (ends_on IS NOT NULL OR cycle = 'once'),
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE UNIQUE INDEX contracts_number_live ON contracts(number) WHERE deleted_at IS NULL;
CREATE INDEX contracts_customer ON contracts(customer_id, ends_on) WHERE deleted_at IS NULL;
CREATE INDEX contracts_ends_on ON contracts(ends_on) WHERE deleted_at IS NULL;

CREATE TABLE follow_ups (
  id TEXT PRIMARY KEY NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  contract_id TEXT REFERENCES contracts(id),
  at TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'wechat', 'visit', 'email', 'other')),
  kind TEXT NOT NULL CHECK (kind IN ('revisit', 'renewal', 'complaint', 'other')),
  summary TEXT NOT NULL,
  next_follow_up_on TEXT,
  next_done_at TEXT,
  owner_id TEXT REFERENCES owners(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE INDEX follow_ups_customer_at ON follow_ups(customer_id, at) WHERE deleted_at IS NULL;
CREATE INDEX follow_ups_contract_at ON follow_ups(contract_id, at) WHERE deleted_at IS NULL;
CREATE INDEX follow_ups_due ON follow_ups(next_follow_up_on)
  WHERE deleted_at IS NULL AND next_done_at IS NULL AND next_follow_up_on IS NOT NULL;

CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL CHECK (json_valid(value)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after)),
  batch_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, at);
CREATE INDEX audit_log_batch ON audit_log(batch_id) WHERE batch_id IS NOT NULL;

-- Search index, maintained by db/repositories/customerSearchIndex.ts on every write that changes
-- a customer's name or contacts. Substring search over Chinese text needs n-grams: a LIKE '%…%' scan
-- over 100k names costs ~10 ms before contacts are even included.
CREATE TABLE customer_search (
  customer_id TEXT PRIMARY KEY NOT NULL REFERENCES customers(id),
  text TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE customer_bigrams (
  bigram TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  PRIMARY KEY (bigram, customer_id)
) WITHOUT ROWID;
CREATE TABLE search_bigram_df (
  bigram TEXT PRIMARY KEY NOT NULL,
  n INTEGER NOT NULL
) WITHOUT ROWID;
`,
};
