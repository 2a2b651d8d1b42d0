// Report terms, customer lifecycle and its dirty marks, tiers, contract attachments.
// PostgreSQL twin of the SQLite tables at schema version 34 (see postgresBaseline.ts for the type mapping).
export const BASELINE_REPORTS_SQL = `
CREATE TABLE report_terms (
  contract_id text COLLATE "C" PRIMARY KEY NOT NULL,
  ends_on text COLLATE "C" NOT NULL,
  owner_key text COLLATE "C" NOT NULL,
  tier text COLLATE "C" NOT NULL,
  cycle_key text COLLATE "C" NOT NULL,
  signed_year text COLLATE "C" NOT NULL,
  due bigint NOT NULL,
  outcome text COLLATE "C" NOT NULL,
  open bigint NOT NULL,
  history bigint NOT NULL,
  amount_fen bigint,
  net_fen bigint
);
CREATE INDEX report_terms_due ON report_terms(ends_on, outcome, amount_fen, net_fen, owner_key, tier, cycle_key, signed_year)
  WHERE due = 1;
CREATE INDEX report_terms_history ON report_terms(amount_fen) WHERE history = 1;
CREATE INDEX report_terms_open ON report_terms(ends_on, amount_fen, owner_key) WHERE open = 1;
-- Writing a contract id here recomputes its report_terms row (the INSTEAD OF trigger in pgTriggersReportTerms.ts);
-- the view itself never has rows.
CREATE VIEW report_terms_refresh(contract_id) AS SELECT contract_id FROM report_terms WHERE false;

CREATE TABLE customer_lifecycle (
  customer_id text COLLATE "C" PRIMARY KEY NOT NULL,
  stage text COLLATE "C" NOT NULL,
  since text COLLATE "C" NOT NULL,
  -- The reason as a message: {"key": catalogue key, "params": {...}}.
  reason text COLLATE "C" NOT NULL,
  -- The loyalty level and what it is made of: facts the tier rules can read.
  loyalty text COLLATE "C" NOT NULL,
  consecutive_renewals bigint NOT NULL,
  years bigint NOT NULL,
  last_amount_fen bigint,
  lost_on text COLLATE "C",
  lost_reason text COLLATE "C",
  -- Churn-warning signals, comma-separated ('' when none).
  signals text COLLATE "C" NOT NULL,
  computed_on text COLLATE "C" NOT NULL
);
CREATE INDEX customer_lifecycle_lost ON customer_lifecycle(lost_on) WHERE stage = 'churned';
CREATE INDEX customer_lifecycle_stage ON customer_lifecycle(stage, last_amount_fen);
CREATE INDEX customer_lifecycle_warning ON customer_lifecycle(last_amount_fen) WHERE signals <> '';

CREATE TABLE customer_lifecycle_history (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  customer_id text COLLATE "C" NOT NULL,
  stage text COLLATE "C" NOT NULL,
  previous_stage text COLLATE "C",
  on_date text COLLATE "C" NOT NULL,
  reason text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL
);
CREATE INDEX customer_lifecycle_history_customer ON customer_lifecycle_history(customer_id, on_date);

CREATE TABLE lifecycle_dirty (customer_id text COLLATE "C" PRIMARY KEY NOT NULL);

CREATE TABLE tiers (
  code text COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 1 AND 24),
  name text COLLATE "C" CHECK (name IS NULL OR length(trim(name)) BETWEEN 1 AND 20),
  colour text COLLATE "C" NOT NULL,
  rank bigint NOT NULL,
  builtin bigint NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C",
  CHECK (builtin = 1 OR name IS NOT NULL),
  CHECK (builtin = 0 OR deleted_at IS NULL)
);
-- The built-ins, stamped with the migration's (injected) time as SQLite's 0019 stamps them.
INSERT INTO tiers (code, name, colour, rank, builtin, created_at, updated_at)
  SELECT code, NULL, colour, rank, 1, since, since
  FROM (VALUES ('vip', 'gold', 10), ('important', 'blue', 20), ('normal', 'default', 30)) AS builtin(code, colour, rank),
       (SELECT current_setting('renewal_desk.migration_now') AS since) AS stamp
  ORDER BY rank;

CREATE TABLE contract_attachments (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  contract_id text COLLATE "C" NOT NULL REFERENCES contracts(id),
  file_name text COLLATE "C" NOT NULL CHECK (length(file_name) > 0),
  stored_name text COLLATE "C" NOT NULL,
  mime text COLLATE "C" NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  sha256 text COLLATE "C" NOT NULL CHECK (length(sha256) = 64),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE INDEX contract_attachments_contract ON contract_attachments(contract_id, created_at) WHERE deleted_at IS NULL;
CREATE INDEX contract_attachments_sha256 ON contract_attachments(sha256);
`;
