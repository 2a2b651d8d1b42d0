import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0032KeyCustomersVisits: MigrationDefinition = {
  version: 32,
  name: 'key_customers_visits',
  sql: `
-- The key-customer programme and its visit plans (issue 14). Who is a key customer follows the criteria (a setting:
-- the chosen tiers, VIP by default) unless the user decided by hand: one live row per customer, included 1 (added)
-- or 0 (removed). Removing the row returns the customer to the criteria. Audited, so every change is undone.
CREATE TABLE key_customer_overrides (
  id TEXT PRIMARY KEY NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  included INTEGER NOT NULL CHECK (included IN (0, 1)),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE UNIQUE INDEX key_customer_overrides_customer ON key_customer_overrides(customer_id) WHERE deleted_at IS NULL;

-- A key customer's account manager and backup, as dated rows: the current one has until_on NULL; a reassignment
-- closes it (until_on = the day) and adds the next, so the history keeps who managed the customer when, and who
-- assigned them (assigned_by, created_at).
CREATE TABLE key_customer_managers (
  id TEXT PRIMARY KEY NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  manager_id TEXT NOT NULL REFERENCES owners(id),
  backup_id TEXT NOT NULL REFERENCES owners(id),
  from_on TEXT NOT NULL CHECK (length(from_on) = 10),
  until_on TEXT CHECK (until_on IS NULL OR (length(until_on) = 10 AND until_on >= from_on)),
  assigned_by TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
  CHECK (backup_id <> manager_id)
);
CREATE UNIQUE INDEX key_customer_managers_current ON key_customer_managers(customer_id) WHERE deleted_at IS NULL AND until_on IS NULL;
CREATE INDEX key_customer_managers_history ON key_customer_managers(customer_id, from_on) WHERE deleted_at IS NULL;
CREATE INDEX key_customer_managers_manager ON key_customer_managers(manager_id) WHERE deleted_at IS NULL AND until_on IS NULL;

-- Service standards per tier: a period (month, quarter, halfYear, year) and the visits per period. One live row
-- per tier; a tier without a row has no standard. Seeded as the care documents say: VIP monthly, the others quarterly.
CREATE TABLE visit_standards (
  id TEXT PRIMARY KEY NOT NULL,
  tier_code TEXT NOT NULL,
  period TEXT NOT NULL CHECK (period IN ('month', 'quarter', 'halfYear', 'year')),
  visits INTEGER NOT NULL CHECK (visits BETWEEN 1 AND 10),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE UNIQUE INDEX visit_standards_tier ON visit_standards(tier_code) WHERE deleted_at IS NULL;
WITH seed(id, tier_code, period) AS (VALUES ('visit-standard-vip', 'vip', 'month'), ('visit-standard-important', 'important', 'quarter'),
       ('visit-standard-normal', 'normal', 'quarter')),
     stamp(since) AS (SELECT coalesce((SELECT max(applied_at) FROM schema_migrations), '1970-01-01T00:00:00.000Z'))
INSERT INTO visit_standards (id, tier_code, period, visits, created_at, updated_at)
  SELECT id, tier_code, period, 1, since, since FROM seed, stamp;

-- The plan matches revisit follow-ups by customer and day: follow_ups_customer_at (0001) serves it; this one serves
-- the year's revisits of every key customer at once.
CREATE INDEX follow_ups_revisit_at ON follow_ups(at, customer_id) WHERE deleted_at IS NULL AND kind = 'revisit';
`,
};
