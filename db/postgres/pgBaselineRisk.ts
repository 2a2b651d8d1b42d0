// Health and risk: usage figures, competitor events, instalments, health scores and their dirty marks, risk warnings.
// PostgreSQL twin of the SQLite tables at schema version 34 (see postgresBaseline.ts for the type mapping).
export const BASELINE_RISK_SQL = `
CREATE TABLE usage_figures (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  customer_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  period_kind text COLLATE "C" NOT NULL CHECK (period_kind IN ('month', 'week', 'quarter')),
  period_start text COLLATE "C" NOT NULL CHECK (length(period_start) = 10),
  value double precision NOT NULL CHECK (value >= 0),
  unit text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE INDEX usage_figures_latest ON usage_figures(customer_id, period_kind, period_start, value, deleted_at) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX usage_figures_period_live ON usage_figures(customer_id, period_kind, period_start) WHERE deleted_at IS NULL;

CREATE TABLE competitor_events (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  customer_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  contract_id text COLLATE "C" REFERENCES contracts(id),
  on_date text COLLATE "C" NOT NULL CHECK (length(on_date) = 10),
  text text COLLATE "C" NOT NULL CHECK (length(text) > 0),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE INDEX competitor_events_customer_date ON competitor_events(customer_id, on_date) WHERE deleted_at IS NULL;
CREATE INDEX competitor_events_date ON competitor_events(on_date) WHERE deleted_at IS NULL;

CREATE TABLE contract_instalments (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  contract_id text COLLATE "C" NOT NULL REFERENCES contracts(id),
  due_on text COLLATE "C" NOT NULL CHECK (length(due_on) = 10),
  due_amount_fen bigint NOT NULL CHECK (due_amount_fen >= 0),
  paid_amount_fen bigint NOT NULL DEFAULT 0 CHECK (paid_amount_fen >= 0),
  paid_on text COLLATE "C" CHECK (paid_on IS NULL OR length(paid_on) = 10),
  invoice_no text COLLATE "C",
  invoice_on text COLLATE "C" CHECK (invoice_on IS NULL OR length(invoice_on) = 10),
  note text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE UNIQUE INDEX contract_instalments_contract_due ON contract_instalments(contract_id, due_on) WHERE deleted_at IS NULL;
CREATE INDEX contract_instalments_unpaid_due ON contract_instalments(due_on, contract_id)
  WHERE deleted_at IS NULL AND paid_amount_fen < due_amount_fen;
CREATE INDEX contract_instalments_updated ON contract_instalments(updated_at);

CREATE TABLE customer_health (
  customer_id text COLLATE "C" PRIMARY KEY NOT NULL REFERENCES customers(id),
  score bigint NOT NULL CHECK (score BETWEEN 0 AND 100),
  band text COLLATE "C" NOT NULL CHECK (band IN ('healthy', 'watch', 'danger')),
  factors text COLLATE "C" NOT NULL,
  computed_at text COLLATE "C" NOT NULL
);
CREATE INDEX customer_health_band ON customer_health(band, customer_id);

CREATE TABLE customer_health_weeks (
  customer_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  week_of text COLLATE "C" NOT NULL CHECK (length(week_of) = 10),
  score bigint NOT NULL CHECK (score BETWEEN 0 AND 100),
  band text COLLATE "C" NOT NULL CHECK (band IN ('healthy', 'watch', 'danger')),
  PRIMARY KEY (customer_id, week_of)
);

CREATE TABLE health_dirty (customer_id text COLLATE "C" PRIMARY KEY NOT NULL);

CREATE TABLE risk_warnings (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  contract_id text COLLATE "C" NOT NULL REFERENCES contracts(id),
  customer_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  status text COLLATE "C" NOT NULL CHECK (status IN ('new', 'inProgress', 'resolved', 'churned')),
  role text COLLATE "C" NOT NULL CHECK (role IN ('accountManager', 'dataAnalyst', 'riskManager')),
  owner_id text COLLATE "C" NOT NULL REFERENCES owners(id),
  score bigint NOT NULL CHECK (score BETWEEN 0 AND 100),
  band text COLLATE "C" NOT NULL CHECK (band IN ('healthy', 'watch', 'danger')),
  factors text COLLATE "C" NOT NULL,
  published_on text COLLATE "C" NOT NULL CHECK (length(published_on) = 10),
  closed_on text COLLATE "C" CHECK (closed_on IS NULL OR length(closed_on) = 10),
  close_reason text COLLATE "C" CHECK (close_reason IS NULL OR close_reason IN ('auto', 'manual')),
  note text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C",
  CHECK ((status IN ('resolved', 'churned')) = (closed_on IS NOT NULL)),
  CHECK ((closed_on IS NULL) = (close_reason IS NULL))
);
CREATE INDEX risk_warnings_contract ON risk_warnings(contract_id, published_on) WHERE deleted_at IS NULL;
CREATE INDEX risk_warnings_customer ON risk_warnings(customer_id, published_on) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX risk_warnings_open_contract ON risk_warnings(contract_id) WHERE deleted_at IS NULL AND closed_on IS NULL;

CREATE TABLE risk_warning_actions (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  warning_id text COLLATE "C" NOT NULL REFERENCES risk_warnings(id),
  kind text COLLATE "C" NOT NULL CHECK (kind IN ('revisit', 'offer', 'instalments', 'executiveVisit', 'other')),
  text text COLLATE "C",
  owner_id text COLLATE "C" NOT NULL REFERENCES owners(id),
  due_on text COLLATE "C" NOT NULL CHECK (length(due_on) = 10),
  done_on text COLLATE "C" CHECK (done_on IS NULL OR length(done_on) = 10),
  follow_up_id text COLLATE "C" REFERENCES follow_ups(id),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C",
  CHECK (kind <> 'other' OR text IS NOT NULL)
);
CREATE INDEX risk_warning_actions_open_due ON risk_warning_actions(due_on, owner_id) WHERE deleted_at IS NULL AND done_on IS NULL;
CREATE INDEX risk_warning_actions_warning ON risk_warning_actions(warning_id, due_on) WHERE deleted_at IS NULL;

CREATE TABLE risk_outcome_dirty (contract_id text COLLATE "C" PRIMARY KEY NOT NULL);
`;
