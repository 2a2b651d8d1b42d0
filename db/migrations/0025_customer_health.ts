import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0025CustomerHealth: MigrationDefinition = {
  version: 25,
  name: 'customer_health',
  sql: `
-- The health score (issue 13), derived from the signals like the lifecycle stage: the latest score per customer with
-- its per-factor contributions (JSON, shared/domain/healthScore.ts words them), and one row per customer and week
-- (the week's Monday) for the 12-week history and the change since last week. Never audited: recomputed, not edited.
CREATE TABLE customer_health (
  customer_id TEXT PRIMARY KEY NOT NULL REFERENCES customers(id),
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  band TEXT NOT NULL CHECK (band IN ('healthy', 'watch', 'danger')),
  factors TEXT NOT NULL,
  computed_at TEXT NOT NULL
) WITHOUT ROWID;
-- The watch and danger customers, for the 90-day warning list.
CREATE INDEX customer_health_band ON customer_health(band, customer_id);

CREATE TABLE customer_health_weeks (
  customer_id TEXT NOT NULL REFERENCES customers(id),
  week_of TEXT NOT NULL CHECK (length(week_of) = 10),
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  band TEXT NOT NULL CHECK (band IN ('healthy', 'watch', 'danger')),
  PRIMARY KEY (customer_id, week_of)
) WITHOUT ROWID;
`,
};
