// Care: message templates, renewal offers, loyalty, referrals, satisfaction surveys, complaints, key customers.
// PostgreSQL twin of the SQLite tables at schema version 34 (see postgresBaseline.ts for the type mapping).
export const BASELINE_CARE_SQL = `
CREATE TABLE message_templates (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  tier_code text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL CHECK (kind IN ('expiry', 'birthday', 'holiday', 'survey', 'offer')),
  body text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE UNIQUE INDEX message_templates_tier_kind ON message_templates(tier_code, kind) WHERE deleted_at IS NULL;

CREATE TABLE renewal_offers (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  contract_id text COLLATE "C" NOT NULL REFERENCES contracts(id),
  customer_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  discount text COLLATE "C",
  gift text COLLATE "C",
  note text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE UNIQUE INDEX renewal_offers_contract ON renewal_offers(contract_id) WHERE deleted_at IS NULL;
CREATE INDEX renewal_offers_customer ON renewal_offers(customer_id);

CREATE TABLE loyalty_points (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  customer_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  occurred_on text COLLATE "C" NOT NULL CHECK (length(occurred_on) = 10),
  points bigint NOT NULL CHECK (points <> 0),
  reason text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE INDEX loyalty_points_customer ON loyalty_points(customer_id, occurred_on) WHERE deleted_at IS NULL;

CREATE TABLE referrals (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  referrer_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  referred_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  referred_on text COLLATE "C" NOT NULL CHECK (length(referred_on) = 10),
  reward text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C",
  CHECK (referrer_id <> referred_id)
);
CREATE INDEX referrals_referred ON referrals(referred_id) WHERE deleted_at IS NULL;
CREATE INDEX referrals_referrer ON referrals(referrer_id, referred_on) WHERE deleted_at IS NULL;

CREATE TABLE survey_dimensions (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  code text COLLATE "C" UNIQUE CHECK (code IS NULL OR code IN ('productQuality', 'serviceAttitude', 'resolutionSpeed')),
  name text COLLATE "C" CHECK (name IS NULL OR length(trim(name)) BETWEEN 1 AND 20),
  position bigint NOT NULL,
  retired_on text COLLATE "C" CHECK (retired_on IS NULL OR length(retired_on) = 10),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C",
  CHECK (code IS NOT NULL OR name IS NOT NULL)
);
-- The built-in dimensions, stamped with the migration's (injected) time as SQLite's 0030 stamps them.
INSERT INTO survey_dimensions (id, code, name, position, created_at, updated_at)
  SELECT id, code, NULL, position, since, since
  FROM (VALUES ('dim-product-quality', 'productQuality', 10), ('dim-service-attitude', 'serviceAttitude', 20),
               ('dim-resolution-speed', 'resolutionSpeed', 30)) AS builtin(id, code, position),
       (SELECT current_setting('renewal_desk.migration_now') AS since) AS stamp
  ORDER BY position;

CREATE TABLE survey_campaigns (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  name text COLLATE "C" NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
  on_date text COLLATE "C" NOT NULL CHECK (length(on_date) = 10),
  selection text COLLATE "C" NOT NULL CHECK (json_valid(selection)),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE INDEX survey_campaigns_date ON survey_campaigns(on_date) WHERE deleted_at IS NULL;

CREATE TABLE surveys (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  customer_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  contract_id text COLLATE "C" REFERENCES contracts(id),
  campaign_id text COLLATE "C" REFERENCES survey_campaigns(id),
  on_date text COLLATE "C" NOT NULL CHECK (length(on_date) = 10),
  channel text COLLATE "C" NOT NULL CHECK (channel IN ('phone', 'wechat', 'visit', 'email', 'sms', 'other')),
  scores text COLLATE "C" NOT NULL CHECK (json_valid(scores) AND json_type(scores) = 'object'),
  comment text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE INDEX surveys_campaign ON surveys(campaign_id) WHERE deleted_at IS NULL AND campaign_id IS NOT NULL;
CREATE INDEX surveys_customer_date ON surveys(customer_id, on_date) WHERE deleted_at IS NULL;
CREATE INDEX surveys_date ON surveys(on_date) WHERE deleted_at IS NULL;

CREATE TABLE survey_campaign_customers (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  campaign_id text COLLATE "C" NOT NULL REFERENCES survey_campaigns(id),
  customer_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  owner_id text COLLATE "C" REFERENCES owners(id),
  survey_id text COLLATE "C" REFERENCES surveys(id),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE INDEX survey_campaign_customers_customer ON survey_campaign_customers(customer_id) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX survey_campaign_customers_key ON survey_campaign_customers(campaign_id, customer_id) WHERE deleted_at IS NULL;

CREATE TABLE survey_actions (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  survey_id text COLLATE "C" NOT NULL REFERENCES surveys(id),
  customer_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  on_date text COLLATE "C" NOT NULL CHECK (length(on_date) = 10),
  text text COLLATE "C" NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 500),
  done_by text COLLATE "C" NOT NULL CHECK (length(trim(done_by)) BETWEEN 1 AND 40),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE INDEX survey_actions_survey ON survey_actions(survey_id, on_date) WHERE deleted_at IS NULL;

CREATE TABLE complaints (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  customer_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  contract_id text COLLATE "C" REFERENCES contracts(id),
  follow_up_id text COLLATE "C" REFERENCES follow_ups(id),
  summary text COLLATE "C" NOT NULL,
  category text COLLATE "C" NOT NULL,
  severity text COLLATE "C" NOT NULL CHECK (severity IN ('normal', 'serious', 'urgent')),
  step text COLLATE "C" NOT NULL CHECK (step IN ('accepted', 'investigating', 'handling', 'feedback', 'closed')),
  handler_id text COLLATE "C" NOT NULL REFERENCES owners(id),
  received_at text COLLATE "C" NOT NULL,
  due_at text COLLATE "C" NOT NULL,
  closed_at text COLLATE "C",
  satisfaction bigint CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C",
  CHECK ((step = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX complaints_contract ON complaints(contract_id) WHERE deleted_at IS NULL AND contract_id IS NOT NULL;
CREATE INDEX complaints_customer ON complaints(customer_id, step) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX complaints_follow_up ON complaints(follow_up_id) WHERE deleted_at IS NULL AND follow_up_id IS NOT NULL;
CREATE INDEX complaints_open_due ON complaints(due_at) WHERE deleted_at IS NULL AND closed_at IS NULL;
CREATE INDEX complaints_updated ON complaints(updated_at);

CREATE TABLE complaint_steps (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  complaint_id text COLLATE "C" NOT NULL REFERENCES complaints(id),
  step text COLLATE "C" NOT NULL CHECK (step IN ('accepted', 'investigating', 'handling', 'feedback', 'closed')),
  handler_id text COLLATE "C" NOT NULL REFERENCES owners(id),
  at text COLLATE "C" NOT NULL,
  note text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE UNIQUE INDEX complaint_steps_step ON complaint_steps(complaint_id, step) WHERE deleted_at IS NULL;

CREATE TABLE key_customer_overrides (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  customer_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  included bigint NOT NULL CHECK (included IN (0, 1)),
  note text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE UNIQUE INDEX key_customer_overrides_customer ON key_customer_overrides(customer_id) WHERE deleted_at IS NULL;

CREATE TABLE key_customer_managers (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  customer_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  manager_id text COLLATE "C" NOT NULL REFERENCES owners(id),
  backup_id text COLLATE "C" NOT NULL REFERENCES owners(id),
  from_on text COLLATE "C" NOT NULL CHECK (length(from_on) = 10),
  until_on text COLLATE "C" CHECK (until_on IS NULL OR (length(until_on) = 10 AND until_on >= from_on)),
  assigned_by text COLLATE "C" NOT NULL,
  note text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C",
  CHECK (backup_id <> manager_id)
);
CREATE UNIQUE INDEX key_customer_managers_current ON key_customer_managers(customer_id) WHERE deleted_at IS NULL AND until_on IS NULL;
CREATE INDEX key_customer_managers_history ON key_customer_managers(customer_id, from_on) WHERE deleted_at IS NULL;
CREATE INDEX key_customer_managers_manager ON key_customer_managers(manager_id) WHERE deleted_at IS NULL AND until_on IS NULL;

CREATE TABLE visit_standards (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  tier_code text COLLATE "C" NOT NULL,
  period text COLLATE "C" NOT NULL CHECK (period IN ('month', 'quarter', 'halfYear', 'year')),
  visits bigint NOT NULL CHECK (visits BETWEEN 1 AND 10),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE UNIQUE INDEX visit_standards_tier ON visit_standards(tier_code) WHERE deleted_at IS NULL;
-- The default visit standards, stamped as SQLite's 0032 stamps them.
INSERT INTO visit_standards (id, tier_code, period, visits, created_at, updated_at)
  SELECT id, tier_code, period, 1, since, since
  FROM (VALUES ('visit-standard-vip', 'vip', 'month'), ('visit-standard-important', 'important', 'quarter'),
               ('visit-standard-normal', 'normal', 'quarter')) AS seed(id, tier_code, period),
       (SELECT current_setting('renewal_desk.migration_now') AS since) AS stamp;
`;
